/// The private community (the plan's first `community` channel): a member
/// total that grows slowly, and members who come back on some days and not
/// on others. Each member has a lasting habit (a propensity to show up), so
/// the same core of people is active day after day, as in a real group.
struct CommunityModel: Sendable {
    let channelIndex: Int
    let seed: UInt64
    /// `community_members` gauge prefix (no segment: it is the whole community).
    let membersPrefix: [UInt8]
    /// `community_active` prefix for each segment (one when the plan has none).
    let activePrefixes: [[UInt8]]
    /// Running totals of the segments' shares, to give each member a segment.
    let segmentCumulative: [Double]
    let phases: PhaseCalendar

    /// Members on the campaign's first day: the group was set up before it.
    static let initialMembers = 2_600
    /// Average of `propensity`: the DAU ratio of a day whose activity factor is 1.
    static let meanPropensity = 0.25
    /// Normal days sit inside this DAU ratio band, clear of the 20 % alert line.
    static let normalRatios: ClosedRange<Double> = 0.27...0.37

    init(plan: Plan, channelIndex: Int, seed: UInt64) {
        self.channelIndex = channelIndex
        self.seed = seed
        let channel = plan.channels[channelIndex].id
        let campaign = plan.campaign.id
        membersPrefix = LinePrefix.bytes(type: .communityMembers, channel: channel, segment: nil, campaign: campaign)
        if plan.segments.isEmpty {
            activePrefixes = [LinePrefix.bytes(type: .communityActive, channel: channel, segment: nil, campaign: campaign)]
            segmentCumulative = [1]
        } else {
            activePrefixes = plan.segments.map {
                LinePrefix.bytes(type: .communityActive, channel: channel, segment: $0.id, campaign: campaign)
            }
            let shares = SegmentProfile.shares(of: plan.segments, on: channel)
            segmentCumulative = shares.indices.map { shares[...$0].reduce(0, +) }
        }
        phases = PhaseCalendar(plan: plan)
    }

    /// New members (net) on a campaign day: the launch's referral push brings
    /// many, the run a steady trickle, the review almost none, and a decaying
    /// community loses a few.
    func growth(dayOffset: Int, incidents: Bool) -> Int {
        let base: Double
        if incidents && ScriptedIncidents.communityDecayDays.contains(dayOffset) {
            base = -8
        } else {
            switch phases.stage(dayOffset: dayOffset) {
            case .prep: base = 15
            case .launch: base = 60
            case .run: base = 18
            case .review: base = 6
            case .outside: base = 2
            }
        }
        let noise = 0.7 + 0.6 * SplitMix64.unitHash(seed, UInt64(bitPattern: Int64(dayOffset)), 0x6D65_6D62)
        return Int((base * noise).rounded())
    }

    /// The member total when `dayOffset` starts. Days before the campaign keep
    /// the initial total; later days add up each day's growth.
    func membersAtStart(dayOffset: Int, incidents: Bool) -> Int {
        var members = Self.initialMembers
        if dayOffset > 0 {
            for offset in 0..<dayOffset { members += growth(dayOffset: offset, incidents: incidents) }
        }
        return members
    }

    /// The share of members active on a day.
    func dauRatio(dayOffset: Int, incidents: Bool) -> Double {
        if incidents, let scripted = ScriptedIncidents.communityDecayRatio(dayOffset: dayOffset) { return scripted }
        let range = Self.normalRatios
        let draw = SplitMix64.unitHash(seed, UInt64(bitPattern: Int64(dayOffset)), 0x6461_7572)
        return range.lowerBound + (range.upperBound - range.lowerBound) * draw
    }

    /// A member's lasting habit, between 0.10 and 0.55 (mean 0.25), skewed so
    /// most members are occasional and a few are there every day.
    func propensity(member: Int) -> Double {
        let draw = SplitMix64.unitHash(seed, UInt64(member), 0x7072_6F70)
        return 0.10 + 0.45 * draw * draw
    }

    /// The segment a member belongs to, stable across days.
    func segment(member: Int) -> Int {
        let draw = SplitMix64.unitHash(seed, UInt64(member), 0x7365_676D)
        return segmentCumulative.firstIndex { draw < $0 } ?? segmentCumulative.count - 1
    }
}
