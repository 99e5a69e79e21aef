/// The names a plan may use, in one place so the loader, the rule checker
/// and "did you mean" suggestions agree.
public enum Vocabulary {
    /// KPI names, in the order plans and reports list them.
    public static let kpis = Metric.allCases.map(\.name)

    /// Per-customer fields a segment rule can read.
    public static let customerFields = [
        "recency_days", "frequency", "monetary", "aov",
        "orders_30d", "orders_90d", "orders_180d", "orders_365d",
        "first_purchase_days", "repurchase_rate", "r_score", "f_score", "m_score",
        "monetary_30d", "monetary_90d", "monetary_180d", "monetary_365d", "growth_90d",
    ]

    /// What a segment goal can measure: a KPI of the segment, or a customer feature averaged over it.
    public static var goalMetrics: [String] { kpis + customerFields.filter { !$0.hasSuffix("_score") } }

    public static func benchmarkName(_ name: String) -> String { "benchmark." + name }
}
