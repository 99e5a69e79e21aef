/// How far a segment goal has come. The one computation of it: `report`,
/// `standup` and the dashboard all read these, so they never disagree.
public struct GoalProgress: Sendable {
    public var segmentID: String
    public var goal: Goal
    /// The segment's campaign-to-date value; nil when the stream does not
    /// measure the metric (e.g. `repurchase_rate`) or a ratio has no data.
    public var actual: Double?
    /// How much of the metric's denominator the actual rests on (impressions
    /// for CTR); nil for metrics without one (sums), which are judged at any volume.
    public var volume: Double?

    public init(segmentID: String, goal: Goal, actual: Double?, volume: Double? = nil) {
        self.segmentID = segmentID
        self.goal = goal
        self.actual = actual
        self.volume = volume
    }

    /// The goal's own `min_volume`, or the default.
    public var minVolume: Int { goal.minVolume ?? Goal.defaultMinVolume }

    /// Too little data to judge: a CTR from 7 impressions is noise, and would
    /// read as a goal achieved many times over.
    public var isBelowMinVolume: Bool {
        guard let volume else { return false }
        return volume < Double(minVolume)
    }

    /// actual / target for a floor (`target:`, `at_least:`), target / actual
    /// for a ceiling (`at_most:`, a cost: CPA 50 against at most 45 is 0.9,
    /// so a missed cost goal never reads above 100 %); for a lift goal the
    /// achieved rise over the target rise, so 0.40 → 0.448 (a 12 % rise)
    /// against a 15 % lift is 0.8, and a cost cut (CPA 50 → 46 against a lift
    /// of −10 %) is 0.8 the same way. Nil below the minimum volume, and for a
    /// ceiling when the actual is 0 (no cost: no ratio to read).
    public var achievement: Double? {
        guard let actual, !isBelowMinVolume else { return nil }
        if let target = goal.target, goal.isCeiling { return actual > 0 ? target / actual : nil }
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
    /// Every goal of one segment, in plan order, from its campaign-to-date
    /// KPIs (nil: no events for the segment). Goals on a customer feature
    /// (`repurchase_rate`) are not measured by the stream: no data.
    public static func of(_ segment: Segment, values: KPIValues?) -> [GoalProgress] {
        segment.goals.map { goal in
            guard let metric = goal.kpi, let values else { return GoalProgress(segmentID: segment.id, goal: goal, actual: nil) }
            return GoalProgress(segmentID: segment.id, goal: goal, actual: values.value(of: metric),
                                volume: values.volume(of: metric))
        }
    }

    /// Every goal of every segment, with actuals from `values` (campaign-to-date KPIs by segment id).
    public static func all(plan: Plan, values: [String: KPIValues]) -> [GoalProgress] {
        plan.segments.flatMap { of($0, values: values[$0.id]) }
    }
}
