extension DemoCampaign {
    static let body = """
phases:
  - { id: prep,   name: 筹备期, weeks: 1-2 }
  - { id: launch, name: 启动期, weeks: 3 }
  - { id: run,    name: 执行期, weeks: 4-8 }
  - { id: review, name: 复盘期, weeks: 9-10 }

tasks:
  # 筹备期 — preparation
  - id: kickoff
    name: 项目启动会
    phase: prep
    owner: 项目经理
    start: 2026-03-02
    days: 1
    progress: 1
  - id: segment-analysis
    name: 客户分层分析
    phase: prep
    owner: 数据组
    after: [kickoff]
    days: 4
    progress: 1
    risk: 数据口径不一致
    mitigation: 先统一会员ID与订单口径
  - id: creative-brief
    name: 创意简报
    phase: prep
    owner: 品牌组
    after: [segment-analysis]
    days: 2
    progress: 1
  - id: asset-production
    name: 素材制作
    phase: prep
    owner: 设计组
    after: [creative-brief]
    days: 4
    budget: 60000
    budget_line: online
    progress: 1
    risk: 素材返工
    mitigation: 提前确认视觉规范
  - id: asset-review
    name: 素材审核
    phase: prep
    owner: 法务合规
    after: [asset-production]
    days: 2
    progress: 1
    risk: 素材审核延迟
    mitigation: 提前3天提交素材
  - id: community-setup
    name: 私域社群搭建
    phase: prep
    owner: 社群运营
    after: [kickoff]
    days: 6
    budget: 20000
    budget_line: incentives
    progress: 1
  - id: crm-setup
    name: 会员系统配置
    phase: prep
    owner: 技术组
    after: [segment-analysis]
    days: 5
    budget: 80000
    budget_line: staff_tech
    progress: 1
    risk: 接口联调延期
    mitigation: 预留2天联调缓冲

  # 启动期 — launch
  - id: launch-event
    name: 活动上线
    phase: launch
    owner: 项目经理
    start: 2026-03-16
    after: [asset-review, crm-setup]
    milestone: true
    progress: 1
  - id: warmup
    name: 会员预热与裂变
    phase: launch
    owner: 社群运营
    after: [launch-event, community-setup]
    days: 7
    budget: 30000
    budget_line: incentives
    progress: 1
    risk: 裂变奖励被薅羊毛
    mitigation: 设置每人领取上限

  # 执行期 — execution
  - id: creative
    name: 线上推广素材投放
    phase: run
    owner: 推广组
    start: 2026-03-23
    days: 35
    after: [asset-review]
    budget: 250000
    budget_line: online
    progress: 0.4
    risk: 创意疲劳导致CTR下滑
    mitigation: 每两周迭代素材(更换文案/视觉)
  - id: kol-seeding
    name: 小红书达人种草
    phase: run
    owner: 推广组
    start: 2026-03-23
    days: 28
    after: [asset-review]
    budget: 180000
    budget_line: online
    progress: 0.5
    risk: 达人内容不达预期
    mitigation: 分批合作, 按互动数据追加
  - id: community-ops
    name: 社群日常运营
    phase: run
    owner: 社群运营
    after: [warmup]
    days: 35
    budget: 60000
    budget_line: incentives
    progress: 0.4
    risk: 社群活跃度下降
    mitigation: 每日话题+签到激励
  - id: sms-reactivation
    name: 沉睡客户短信唤醒
    phase: run
    owner: CRM组
    start: 2026-03-30
    after: [crm-setup]
    days: 14
    budget: 40000
    budget_line: online
    progress: 0.3
    risk: 短信退订率高
    mitigation: 控制频次, 每人每周最多1条
  - id: store-events
    name: 门店体验活动
    phase: run
    owner: 门店运营
    start: 2026-04-04
    days: 21
    budget: 200000
    budget_line: offline
    progress: 0.2
    risk: 到店客流不足
    mitigation: 社群预约+到店礼
  - id: mid-review
    name: 中期复盘
    phase: run
    owner: 项目经理
    start: 2026-04-13
    after: [sms-reactivation]
    milestone: true
  - id: creative-refresh
    name: 素材迭代
    phase: run
    owner: 设计组
    after: [mid-review]
    days: 5
    budget: 30000
    budget_line: online
    risk: 新素材审核排期紧
    mitigation: 与法务约定48小时快审

  # 复盘期 — review
  - id: data-review
    name: 数据复盘
    phase: review
    owner: 数据组
    after: [creative, community-ops, store-events, kol-seeding]
    days: 5
  - id: final-report
    name: 结案报告
    phase: review
    owner: 项目经理
    after: [data-review]
    days: 3
  - id: close
    name: 项目结项
    phase: review
    owner: 项目经理
    after: [final-report]
    milestone: true

targets:                       # campaign KPI targets, beside the segments' goals (T in the KPI pane)
  - { metric: impressions, target: 15000000, by: 2026-05-05 }
  - { metric: ctr, target: 0.03 }
  - { metric: cvr, at_least: 0.05 }
  - { metric: cpa, at_most: benchmark.cpa }

alerts:
  - name: CTR below 1%
    metric: ctr
    per: channel               # channel | segment | campaign | total
    below: 0.01                # or: above:
    window: 1h                 # rolling window in event time; "day" = calendar day
    min_volume: 1000           # impressions needed before judging
    for: 10m                   # must stay breached this long before firing
    recover: 0.012             # hysteresis: back to ok only at/above this
    severity: warning
    playbook: 迭代素材(更换文案/视觉)
  - { name: Community DAU below 20%, metric: community_dau_ratio, per: total, below: 0.20, window: day, severity: warning, playbook: 推送社群话题+签到激励 }
  - { name: CPA 30% over benchmark, metric: cpa, per: channel, above: 1.3 * benchmark.cpa, window: day, min_volume: 20, severity: critical, playbook: 暂停低效计划，调整出价与定向 }
  - name: CTR far below usual  # judged against what is usual at this hour, not a fixed number
    metric: ctr
    per: channel
    window: 1h
    usual: hour_of_day         # the same hour on the last 14 days (needs 7); hour_of_week: same weekday and hour
    below_usual: 3.5           # robust z: (value - usual median) / (1.4826 x MAD) at or below -3.5
    min_change: 30%            # and at least 30% below the usual median
    min_volume: 1000
    for: 10m
    severity: warning
    playbook: 排查素材疲劳与投放异常

"""
}
