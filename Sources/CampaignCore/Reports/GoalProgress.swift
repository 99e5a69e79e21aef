/// How far a segment goal has come (SPEC §7 "Results"). Shared by `report`
/// and `standup`, so both judge a goal the same way.
public struct GoalProgress: Sendable {
    public var segmentID: String
    public var goal: Goal
    /// The segment's campaign-to-date value; nil when the stream does not
    /// measure the metric (e.g. `repurchase_rate`) or a ratio has no data.
    public var actual: Double?

    public init(segmentID: String, goal: Goal, actual: Double?) {
        self.segmentID = segmentID
        self.goal = goal
        self.actual = actual
    }

    /// actual / target; for a lift goal the achieved rise over the target
    /// rise, so 0.40 → 0.448 (a 12 % rise) against a 15 % lift is 0.8.
    /// Like the SPEC, this is "higher is better" for every metric: a cost goal
    /// (`cpa`) reads above 1 when it is missed.
    public var achievement: Double? {
        guard let actual else { return nil }
        if let target = goal.target { return target != 0 ? actual / target : nil }
        guard let baseline = goal.baseline, let lift = goal.lift, baseline != 0, lift != 0 else { return nil }
        return (actual - baseline) / baseline / lift
    }

    /// Share of the time from the campaign start to the goal's `by` date that
    /// has passed on `today` (0…1); nil for a goal without a date.
    public func elapsedShare(campaignStart: Day, today: Day) -> Double? {
        guard let by = goal.by else { return nil }
        guard by > campaignStart else { return today >= by ? 1 : 0 }
        return min(max(Double(today - campaignStart) / Double(by - campaignStart), 0), 1)
    }

    /// At risk: achievement below the share of time elapsed (a goal half-way
    /// through its time should be at least half achieved). A goal without
    /// data cannot be judged, so it is not flagged.
    public func isAtRisk(campaignStart: Day, today: Day) -> Bool {
        guard let achievement, let share = elapsedShare(campaignStart: campaignStart, today: today) else { return false }
        return achievement < share
    }
}

extension GoalProgress {
    /// KPI names of SPEC §4 that the event stream measures; other goal metrics are "no data".
    public static let measuredMetrics: Set<String> = [
        "impressions", "clicks", "conversions", "reach", "participants", "spend", "revenue",
        "ctr", "cvr", "cpa", "roi", "participation_rate", "community_dau_ratio", "budget_burn", "pacing",
    ]

    /// Every goal of every segment, with actuals from `values` (campaign-to-date KPIs by segment id).
    public static func all(plan: Plan, values: [String: KPIValues]) -> [GoalProgress] {
        plan.segments.flatMap { segment in
            segment.goals.map { goal in
                let actual = measuredMetrics.contains(goal.metric) ? values[segment.id]?.value(of: goal.metric) : nil
                return GoalProgress(segmentID: segment.id, goal: goal, actual: actual)
            }
        }
    }
}
