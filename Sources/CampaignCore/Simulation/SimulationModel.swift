import Foundation

/// Everything about a simulation that does not change from minute to minute,
/// worked out once from the plan: channel sizes, the segment × channel streams
/// with their line prefixes already encoded, rhythms, incidents, the community.
struct SimulationModel: Sendable {
    /// One channel's sizing and daily curves.
    struct ChannelModel: Sendable {
        var id: String
        var profile: ChannelProfile
        /// Top-of-funnel units on a full run-phase weekday (impressions, messages or visitors).
        var topPerDay: Double
        var weekdayShares: [Double]
        var weekendShares: [Double]
        var hasCreativeFatigue = false
        var hasCPASpike = false
    }

    /// One segment on one channel: the unit a line is aggregated by.
    struct Stream: Sendable {
        var channel: Int
        var segment: SegmentProfile
        /// This segment's share of the channel's volume.
        var share: Double
        /// Encoded `","type":…,"campaign":"…"` for each of the channel's event types, in funnel order.
        var prefixes: [[UInt8]]
        /// Which segment's customers buy here (its position in the plan; 0 without segments).
        var segmentIndex: Int
    }

    let seed: UInt64
    let campaignStart: Day
    let campaignDays: Int
    let clock: ZoneClock
    let phases: PhaseCalendar
    let channels: [ChannelModel]
    let streams: [Stream]
    let community: CommunityModel?
    /// Average order value before segment tilts (the plan's `benchmark.aov`).
    let averageOrderValue: Double
    let scriptedIncidents: Bool

    /// Plans may leave a channel's budget out; these keep such a channel believable.
    static func defaultBudget(_ funnel: ChannelProfile.Funnel) -> Double {
        switch funnel {
        case .paid: return 100_000
        case .owned: return 20_000
        case .community: return 40_000
        case .offline: return 60_000
        case .earned: return 0
        }
    }

    /// Share of each channel's budget the simulated campaign spends: a little
    /// under plan, as real campaigns mostly end.
    static let budgetUse = 0.95

    init(plan: Plan, seed: UInt64, scriptedIncidents: Bool) {
        self.seed = seed
        self.scriptedIncidents = scriptedIncidents
        let start = plan.campaign.start, phases = PhaseCalendar(plan: plan)
        let campaignDays = phases.campaignDays ?? 70
        campaignStart = start
        clock = ZoneClock(identifier: plan.campaign.timezone)
        self.phases = phases
        self.campaignDays = campaignDays
        let benchmark = { (name: String) in plan.campaign.benchmarks.first { $0.name == name }?.value }
        averageOrderValue = benchmark("aov") ?? 180
        // Unit costs are tuned for a 45 CPA benchmark; other benchmarks scale them
        // so the simulated CPA keeps the same distance from a "30 % over" alert.
        let costScale = (benchmark("cpa") ?? 45) / 45
        let incidentChannels = ScriptedIncidents.channels(in: plan)
        let segments = plan.segments.map { SegmentProfile(for: $0) }
        let campaign = plan.campaign.id

        var channels: [ChannelModel] = []
        var streams: [Stream] = []
        for channel in plan.channels {
            var profile = ChannelProfile(for: channel)
            profile.unitCost *= costScale
            let shares = plan.segments.isEmpty ? [1.0] : SegmentProfile.shares(of: plan.segments, on: channel.id)
            let tilts = plan.segments.isEmpty ? [SegmentProfile()] : segments
            let index = channels.count
            for (position, (share, tilt)) in zip(shares, tilts).enumerated() {
                let segmentID = plan.segments.isEmpty ? nil : plan.segments[position].id
                let prefixes = profile.eventTypes.map {
                    LinePrefix.bytes(type: $0, channel: channel.id, segment: segmentID, campaign: campaign)
                }
                streams.append(Stream(channel: index, segment: tilt, share: share, prefixes: prefixes,
                                      segmentIndex: position))
            }
            // Size the top of the funnel so the campaign spends its budget over
            // the phases' activity (prep little, run full, review a tail).
            let fullDays = (0..<campaignDays).reduce(0.0) { total, offset in
                let day = start + offset
                let weekly = DailyRhythm.isWeekend(day) ? profile.weekendFactor : 1
                return total + phases.activity(profile.funnel, dayOffset: offset) * weekly
            }
            let ctrTilt = zip(shares, tilts).reduce(0.0) { $0 + $1.0 * $1.1.ctrFactor }
            let spendPerUnit = profile.spendPerTopUnit * (profile.funnel == .paid ? ctrTilt : 1)
            let budget = channel.budget.map { NSDecimalNumber(decimal: $0).doubleValue } ?? Self.defaultBudget(profile.funnel)
            let topPerDay = spendPerUnit > 0 && fullDays > 0
                ? budget * Self.budgetUse / fullDays / spendPerUnit
                : 40_000
            channels.append(ChannelModel(
                id: channel.id, profile: profile, topPerDay: topPerDay,
                weekdayShares: DailyRhythm.minuteShares(weekend: false, openHours: profile.openHours),
                weekendShares: DailyRhythm.minuteShares(weekend: true, openHours: profile.openHours),
                hasCreativeFatigue: scriptedIncidents && channel.id == incidentChannels.creativeFatigue,
                hasCPASpike: scriptedIncidents && channel.id == incidentChannels.cpaSpike))
        }
        self.channels = channels
        self.streams = streams
        community = plan.channels.firstIndex { $0.kind == .community }.map {
            CommunityModel(plan: plan, channelIndex: $0, seed: seed)
        }
    }
}
