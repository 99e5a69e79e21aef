/// Where a day sits in the campaign's phases, and how busy each kind of
/// channel is there: prep spends little (creative tests), launch ramps up,
/// run is full, review tails off.
enum CampaignStage: Sendable, Equatable {
    case prep, launch, run, review
    /// Before the first phase or after the last.
    case outside

    /// Phases recognised by id, otherwise by position: the first of three or
    /// more is preparation, the second of four or more the launch, the last
    /// the review, anything else the run.
    static func stages(of phases: [Phase]) -> [CampaignStage] {
        phases.enumerated().map { index, phase in
            switch phase.id {
            case "prep": return .prep
            case "launch": return .launch
            case "run": return .run
            case "review": return .review
            default:
                if index == 0 && phases.count >= 3 { return .prep }
                if index == 1 && phases.count >= 4 { return .launch }
                if index == phases.count - 1 && phases.count >= 2 { return .review }
                return .run
            }
        }
    }

    /// Volume relative to a full run-phase day. `dayInPhase` counts from 0 and
    /// `phaseDays` is the phase length, for ramps and tails.
    func activity(_ funnel: ChannelProfile.Funnel, dayInPhase: Int, phaseDays: Int) -> Double {
        let progress = phaseDays > 1 ? Double(dayInPhase) / Double(phaseDays - 1) : 1
        switch (self, funnel) {
        case (.prep, .paid): return 0.04
        case (.prep, .earned): return 0.3
        case (.prep, .community): return 0.6
        case (.prep, _): return 0
        case (.launch, .community): return 0.8 + 0.3 * progress
        case (.launch, _): return 0.35 + 0.65 * progress
        case (.run, _): return 1
        case (.review, .community): return 0.7
        case (.review, .offline): return 0
        case (.review, _):
            // Geometric tail: half volume on the first review day, a trickle by the end.
            var factor = 0.45
            for _ in 0..<dayInPhase { factor *= 0.78 }
            return factor
        case (.outside, .community): return 0.5
        case (.outside, _): return 0
        }
    }
}

/// The plan's phases laid on calendar days.
struct PhaseCalendar: Sendable {
    private let spans: [(first: Int, last: Int, stage: CampaignStage)]

    init(plan: Plan) {
        let start = plan.campaign.start
        spans = zip(plan.phases, CampaignStage.stages(of: plan.phases)).map { phase, stage in
            (phase.startDay(campaignStart: start) - start, phase.endDay(campaignStart: start) - start, stage)
        }
    }

    /// Days from the campaign start to the end of the last phase, inclusive.
    var campaignDays: Int? { spans.map(\.last).max().map { $0 + 1 } }

    /// The stage of `dayOffset` (days since the campaign start).
    func stage(dayOffset: Int) -> CampaignStage {
        spans.first { $0.first <= dayOffset && dayOffset <= $0.last }?.stage ?? .outside
    }

    /// Activity on `dayOffset` (days since the campaign start) for a funnel.
    func activity(_ funnel: ChannelProfile.Funnel, dayOffset: Int) -> Double {
        guard let span = spans.first(where: { $0.first <= dayOffset && dayOffset <= $0.last }) else {
            return CampaignStage.outside.activity(funnel, dayInPhase: 0, phaseDays: 1)
        }
        return span.stage.activity(funnel, dayInPhase: dayOffset - span.first, phaseDays: span.last - span.first + 1)
    }
}
