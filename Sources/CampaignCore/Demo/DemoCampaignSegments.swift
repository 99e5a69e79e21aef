extension DemoCampaign {
    /// The layers a segment rule may read beside the purchase features:
    /// lifecycle stages, tags and member tiers (the templates' "8 core groups"
    /// and bronze → platinum cards). The vip persona reads the `high_aov` tag;
    /// the tag states exactly the condition the rule used to spell out, so the
    /// demo's segment sizes did not move when the tag came in.
    static let customerLayers = """
lifecycle: { new_days: 30, silent_days: 90, churned_days: 180 }   # 新客 / 活跃 / 沉默 / 流失 / 休眠

tags:                          # a customer gets every tag whose rule matches
  - { name: high_aov,        rule: aov >= 1.5 * benchmark.aov }
  - { name: price_sensitive, rule: aov < 100 and frequency >= 3 }
  - { name: growing,         rule: growth_90d >= 0.5 }

tiers:                         # member cards by the year's spend, low → high; the highest that matches
  - { name: bronze,   rule: monetary_365d >= 500 }
  - { name: silver,   rule: monetary_365d >= 1500 }
  - { name: gold,     rule: monetary_365d >= 3000 }
  - { name: platinum, rule: monetary_365d >= 5000 }


"""

    static let personaSegments = """
segments:                      # first rule that matches wins; order matters
  - id: vip
    name: 高价值老客
    rule: orders_180d >= 3 and "high_aov" in tags and repurchase_rate >= 0.6
    persona:
      traits: 30-45岁, 月消费≥2000元, 一二线城市
      pain_points: [追求专属感, 品质保障, 不愿被频繁打扰]
      channels: [wechat, sms]
    budget_share: 0.40
    goals:                     # target: absolute; or baseline + lift (a relative rise)
      - { metric: cvr, target: 0.05, by: 2026-05-10 }
      - { metric: repurchase_rate, baseline: 0.40, lift: 0.15, by: 2026-05-10 }
  - id: lapsed
    name: 沉睡客户
    rule: recency_days > 90 and recency_days <= 365
    persona:
      traits: 半年以上未复购, 曾参与大促
      pain_points: [遗忘品牌, 价格敏感, 对新品无感]
      channels: [sms, douyin]
    budget_share: 0.35
    goals:
      - { metric: conversions, target: 3000, by: 2026-04-26 }
      - { metric: participation_rate, target: 0.08, by: 2026-04-26 }
  - id: rising
    name: 潜力新客
    rule: first_purchase_days <= 120 and frequency <= 2
    persona:
      traits: 22-30岁, 内容驱动, 首单客单价低
      pain_points: [不了解会员权益, 担心踩雷, 需要种草内容]
      channels: [xiaohongshu, douyin, wechat]
    budget_share: 0.25
    goals:
      - { metric: cvr, target: 0.03, by: 2026-05-10 }
      - { metric: aov, baseline: 150, lift: 0.10, by: 2026-05-10 }


"""

    /// The classic RFM map: every (r_score, f_score) cell lands in
    /// exactly one segment, so no rule shadows a later one.
    static let rfmSegments = """
segments:                      # the classic RFM map; first rule that matches wins
  - { id: champions,           name: 重要价值客户, rule: r_score == 5 and f_score >= 4 }
  - { id: loyal,               name: 忠诚客户,     rule: r_score >= 3 and r_score <= 4 and f_score >= 4 }
  - { id: potential_loyalists, name: 潜力忠诚客户, rule: r_score >= 4 and f_score >= 2 and f_score <= 3 }
  - { id: new_customers,       name: 新客户,       rule: r_score == 5 and f_score == 1 }
  - { id: promising,           name: 有潜力客户,   rule: r_score == 4 and f_score == 1 }
  - { id: need_attention,      name: 需要关注,     rule: r_score == 3 and f_score == 3 }
  - { id: about_to_sleep,      name: 即将沉睡,     rule: r_score == 3 and f_score <= 2 }
  - { id: cant_lose,           name: 不能流失,     rule: r_score <= 2 and f_score == 5 }
  - { id: at_risk,             name: 流失风险,     rule: r_score <= 2 and f_score >= 3 and f_score <= 4 }
  - { id: hibernating,         name: 休眠客户,     rule: r_score <= 2 and f_score <= 2 }


"""
}
