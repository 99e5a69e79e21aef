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

    /// Per-customer fields beyond RFM (issue 16) that plans may already name
    /// but `customerFields` does not hold yet: tenure, behaviour, lifetime
    /// value, lifecycle, preferences. Tag, tier and segment rules may read
    /// them; `customerTextFields` are the ones that are text. A field moves to
    /// `customerFields` once segmenting computes it (spend per window and
    /// growth_90d have).
    public static let customerFieldsExtended = [
        "tenure_days", "last_active_days", "browses_90d", "cart_adds_90d", "p_alive", "expected_purchases_90d",
        "clv_90d", "lifecycle", "top_category", "top_channel",
    ]

    /// The fields of `customerFieldsExtended` that hold text, not numbers.
    public static let customerTextFields: Set<String> = ["lifecycle", "top_category", "top_channel"]

    /// A segment or tier rule's view of the plan's tags (a set of names) and tier (a name).
    public static let tagsField = "tags"
    public static let tierField = "tier"

    /// What a segment goal can measure: a KPI of the segment, or a customer feature averaged over it.
    public static var goalMetrics: [String] { kpis + customerFields.filter { !$0.hasSuffix("_score") } }

    public static func benchmarkName(_ name: String) -> String { "benchmark." + name }
}
