import Foundation

/// The one way a stand-up agenda is made from a KPI store: `standup` (from
/// the stored history) and the dashboard's walkthrough (`w`, from the live
/// monitor) both call this, so the same data gives the same agenda.
extension StandupAgenda {
    /// The day a stand-up is about when none is given: the day of the data's
    /// latest event in the campaign's zone (a finished stream or a database
    /// describes its own last day, not the calendar's), else nil.
    public static func dataDay(of store: KPIStore) -> Day? {
        guard store.latestTimestamp != .min else { return nil }
        var clock = store.clock
        return clock.day(of: store.latestTimestamp)
    }

    /// The agenda for `date`, or, when nil, for the data's latest day (no
    /// data at all: today's date in the campaign's zone).
    public init(plan: Plan, schedule: Schedule, date: Day?, anomalies: [AnomalyItem], store: KPIStore,
                context: KPIContext, name: (KPIDimension, Int32) -> String, now: Date = Date()) {
        let day = date ?? Self.dataDay(of: store) ?? Day.today(inTimeZone: plan.campaign.timezone, now: now)
        let clock = CampaignClock(timeZoneIdentifier: plan.campaign.timezone)
        self.init(plan: plan, schedule: schedule, date: day, yesterdayStart: clock.start(of: day - 1),
                  dayEnd: clock.start(of: day + 1), anomalies: anomalies, store: store, context: context, name: name)
    }
}
