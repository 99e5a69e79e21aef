/// A campaign-level KPI target (`targets:` in the plan, beside the segments'
/// goals): `{ metric: ctr, target: 0.03, by: 2026-05-10 }`.
///
/// It is held as a `Goal` so the one goal rule judges it: `target:` and
/// `at_least:` are floors, `at_most:` a ceiling whose achievement is
/// target / actual (`GoalProgress.achievement`).
public struct CampaignTarget: Sendable {
    /// Metric, target value (a benchmark already resolved), direction, `by`.
    public var goal: Goal
    /// The benchmark the value was written as (`benchmark.cpa` → `cpa`), to
    /// show where the number came from; nil for a plain number.
    public var benchmark: String?

    public init(goal: Goal, benchmark: String? = nil) {
        self.goal = goal
        self.benchmark = benchmark
    }

    /// The KPI it measures (validation refuses any other name).
    public var metric: Metric? { goal.kpi }
    public var target: Double? { goal.target }
    public var by: Day? { goal.by }
    public var isCeiling: Bool { goal.isCeiling }

    /// The prefix that writes a benchmark in a plan value.
    public static let benchmarkPrefix = "benchmark."
}
