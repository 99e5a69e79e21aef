extension DemoCampaign {
    static let header = """
# 春季会员焕新季 — a segment-targeted membership campaign.
# Edit freely: `campaign-deck plan validate FILE` checks every change,
# `campaign-deck plan schedule FILE` shows the critical path.

campaign:
  id: spring-2026
  name: 春季会员焕新季
  currency: CNY
  timezone: Asia/Shanghai
  start: 2026-03-02          # week 1 starts here
  budget: 1200000
  benchmarks: { cpa: 45.0, aov: 180.0, ctr: 0.015 }

# Where the 1.2 M goes; channels and tasks name the line they spend from.
budget_lines:
  - { id: online,     name: 线上推广,   amount: 600000 }
  - { id: offline,    name: 线下活动,   amount: 200000 }
  - { id: incentives, name: 互动激励,   amount: 150000 }
  - { id: staff_tech, name: 人员与技术, amount: 130000 }
  - { id: reserve,    name: 预备金,     amount: 120000 }

channels:
  - { id: douyin,      name: 抖音信息流, kind: paid,      budget: 250000, budget_line: online }
  - { id: xiaohongshu, name: 小红书种草, kind: paid,      budget: 180000, budget_line: online }
  - { id: search,      name: 搜索广告,   kind: paid,      budget: 130000, budget_line: online }
  - { id: sms,         name: 短信触达,   kind: owned,     budget: 40000,  budget_line: online }
  - { id: wechat,      name: 私域社群,   kind: community, budget: 80000,  budget_line: incentives }
  - { id: stores,      name: 门店活动,   kind: offline,   budget: 200000, budget_line: offline }


"""
}
