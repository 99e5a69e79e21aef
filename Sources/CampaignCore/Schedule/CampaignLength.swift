/// How long the campaign runs: from its start to the schedule's end,
/// inclusive. One number, so the header's `day N/M`, pacing's elapsed share
/// and `plan schedule` can never disagree about it.
public struct CampaignLength: Sendable, Equatable {
    public let start: Day
    /// The last day of the campaign (never before its start).
    public let lastDay: Day

    /// `schedule` is the plan's schedule; nil when the plan cannot be
    /// scheduled (a cycle), and then the phases say where the campaign ends.
    public init(plan: Plan, schedule: Schedule?) {
        start = plan.campaign.start
        let end = schedule?.projectEnd
            ?? plan.phases.map { $0.endDay(campaignStart: plan.campaign.start) }.max()
            ?? plan.campaign.start
        lastDay = max(start, end)
    }

    /// Days from the start to the last day, both counted.
    public var days: Int { lastDay - start + 1 }

    /// 1 on the first day; may be below 1 before the start or past `days` after the end.
    public func dayNumber(of day: Day) -> Int { day - start + 1 }
}

extension Plan {
    /// The campaign's length under its own schedule (computed here).
    public var campaignLength: CampaignLength {
        CampaignLength(plan: self, schedule: try? Schedule(computing: PlanScheduling.input(for: self)))
    }
}
