/// The bounds on every plan number that becomes a date, a duration or a loop
/// (a campaign, a duration, a lag and a `for` span at most 10 years).
///
/// Why: each such number ends up in `Int` arithmetic (day ordinals, seconds)
/// and in loops over days; unbounded, a plan that validates could trap on
/// overflow or keep a loop running for years. With every input bounded, all
/// sums the scheduler forms stay far inside `Int`.
public enum PlanLimits {
    /// Ten years in days: 10 × 365 plus the three leap days ten years can hold.
    public static let maximumSpanDays = 3_653
    /// The last campaign week that ends within ten years (521 × 7 = 3,647 days).
    public static let maximumWeek = maximumSpanDays / 7
    /// Ten years in seconds, for `for:`.
    public static let maximumSpanSeconds = maximumSpanDays * 86_400
    /// "10 years (3653 days)", for messages.
    public static let spanText = "10 years (\(maximumSpanDays) days)"
}
