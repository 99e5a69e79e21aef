/// The scripted incidents the simulator plays so that the three demo alerts
/// have something real to catch, and nothing else does. Windows are
/// relative to the campaign start (day offset 0 = the start day) and in the
/// campaign's wall-clock time, so they follow a plan whose start moves.
///
/// For the demo (start 2026-03-02, Asia/Shanghai, run phase 03-23…04-26):
/// - creative fatigue: douyin, 2026-04-09 10:00–16:00 +08:00
/// - community decay: 2026-04-16…04-20, below 20 % on 04-18 and 04-19
/// - CPA spike: search, 2026-04-22 07:00–23:00 +08:00
public enum ScriptedIncidents {
    /// A span of wall-clock minutes on one campaign day; `endMinute` is exclusive.
    public struct Window: Hashable, Sendable {
        public var dayOffset: Int
        public var startMinute: Int
        public var endMinute: Int

        public func day(campaignStart: Day) -> Day { campaignStart + dayOffset }
        public func contains(minuteOfDay: Int) -> Bool { minuteOfDay >= startMinute && minuteOfDay < endMinute }
    }

    // MARK: creative fatigue (rule "CTR below 1%")

    /// The paid channel whose creative wears out; a plan without it uses its first paid channel.
    public static let creativeFatigueChannel = "douyin"
    /// Every whole hour inside has a channel CTR well under 1 % on ≥ 1000 impressions.
    public static let creativeFatigue = Window(dayOffset: 38, startMinute: 10 * 60, endMinute: 16 * 60)
    /// CTR multiplier at the start and at the end of the window: it drifts down, then the creative is swapped.
    public static let creativeFatigueCTRFactor: ClosedRange<Double> = 0.22...0.30

    // MARK: community decay (rule "Community DAU below 20%")

    /// Days over which community activity sags and comes back.
    public static let communityDecayDays: ClosedRange<Int> = 45...49
    /// The whole calendar days whose DAU ratio is under 20 %.
    public static let communityBelowThresholdDays: ClosedRange<Int> = 47...48
    /// Target DAU ratio for each day of `communityDecayDays`, in order.
    public static let communityDecayRatios: [Double] = [0.27, 0.235, 0.165, 0.155, 0.245]

    // MARK: CPA spike (rule "CPA 30% over benchmark")

    /// The paid channel whose bids run away; a plan without it uses its last paid channel.
    public static let cpaSpikeChannel = "search"
    /// Cost per click multiplied by `cpaSpikeCostFactor` inside the window.
    public static let cpaSpike = Window(dayOffset: 51, startMinute: 7 * 60, endMinute: 23 * 60)
    public static let cpaSpikeCostFactor = 2.3

    /// The channel ids the incidents land on in `plan`: the named one when the
    /// plan has it as a paid channel, otherwise a stand-in paid channel.
    public static func channels(in plan: Plan) -> (creativeFatigue: String?, cpaSpike: String?) {
        let paid = plan.channels.filter { $0.kind == .paid }.map(\.id)
        let fatigue = paid.contains(creativeFatigueChannel) ? creativeFatigueChannel : paid.first
        let spike = paid.contains(cpaSpikeChannel) ? cpaSpikeChannel : paid.last(where: { $0 != fatigue }) ?? paid.last
        return (fatigue, spike)
    }

    /// The community's target DAU ratio on a decay day, nil on any other day.
    static func communityDecayRatio(dayOffset: Int) -> Double? {
        guard communityDecayDays.contains(dayOffset) else { return nil }
        return communityDecayRatios[dayOffset - communityDecayDays.lowerBound]
    }
}
