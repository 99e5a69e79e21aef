/// What `forecast_spend`, `forecast_burn` and `daily_spend` are computed
/// from, for one scope as of one instant: the plan's calendar (campaign
/// length as `CampaignLength` counts it) and the spend of the recent days.
///
/// "The last three complete calendar days" are the three campaign-zone days
/// before the as-of day, never before the campaign's first day: a campaign on
/// its second day has one complete day and its rate is that day's spend, on
/// its third day the mean of two. On its first day no day is complete, and
/// a forecast from a few hours of one day would swing wildly: no data. A
/// complete day without spend counts as 0 (a paused channel spends nothing).
public struct SpendForecast: Sendable, Equatable {
    /// The as-of day's spend so far (`daily_spend`).
    public var daySpend: Money
    /// Spend of the complete days counted for the rate, and how many (0…3).
    public var recentSpend: Money
    public var recentDays: Int
    /// Days from the as-of instant to the campaign's end (the instant after
    /// its last day), fractional, never below 0: at noon of the last day, 0.5.
    public var daysLeft: Double
    /// The campaign's length in days, start to the schedule's end inclusive.
    public var campaignDays: Int

    public static let rateDays = 3

    public init(daySpend: Money, recentSpend: Money, recentDays: Int, daysLeft: Double, campaignDays: Int) {
        self.daySpend = daySpend
        self.recentSpend = recentSpend
        self.recentDays = recentDays
        self.daysLeft = daysLeft
        self.campaignDays = campaignDays
    }

    /// Mean spend per complete recent day; nil before the first day is complete.
    public var dailyRate: Double? {
        recentDays > 0 ? recentSpend.doubleValue / Double(recentDays) : nil
    }

    /// Spend to date plus the daily rate over the days left.
    public func forecastSpend(spendToDate: Money) -> Double? {
        dailyRate.map { spendToDate.doubleValue + $0 * daysLeft }
    }

    /// A day's share of `budget` (budget / campaign days): what `daily_spend`
    /// is read against. Ad platforms let one day spend up to twice it.
    public func dailyReference(budget: Money?) -> Double? {
        guard let budget, budget.doubleValue > 0, campaignDays > 0 else { return nil }
        return budget.doubleValue / Double(campaignDays)
    }

    /// How far over its daily reference a day may go before it is a warning.
    public static let dailyOverspendFactor = 2.0
}

extension KPIStore {
    /// The complete calendar days a run rate is taken from on `today`: up to
    /// `SpendForecast.rateDays` days before it, none before the campaign's
    /// first day (so a young campaign uses the days it has).
    public static func rateDays(before today: Day, firstDay: Day) -> [Day] {
        let first = max(firstDay, today.adding(days: -SpendForecast.rateDays))
        return first < today ? (first.ordinal..<today.ordinal).map(Day.init(ordinal:)) : []
    }

    /// The minute a forecast judged at `minute` is as of: never past the
    /// latest event's minute. A finished stream's clock may be stepped a
    /// minute on (the dashboard judges the last minute), and a forecast must
    /// not change when nothing new arrived: `report`, `kpi` and the
    /// dashboard then show the same figure.
    public func forecastMinute(_ minute: Int64) -> Int64 {
        latestTimestamp == .min ? minute : min(minute, CampaignClock.minute(of: latestTimestamp))
    }

    /// The forecast inputs of the leaves `include` selects, as of the end of
    /// `forecastMinute(minute)` (the instant `(minute + 1) × 60 000`).
    /// `indices`: the selected leaves when known (`leafIndices`).
    func spendForecast(atMinute judged: Int64, include: (LeafKey) -> Bool, only indices: [Int32]? = nil,
                       context: KPIContext) -> SpendForecast {
        let minute = forecastMinute(judged)
        var clock = self.clock
        let today = clock.day(of: minute * 60_000)
        let days = KPIStore.rateDays(before: today, firstDay: context.firstDay)
        var recent = Money.zero
        for day in days { recent += counters(window: .calendarDay, day: day, include: include, only: indices).spend }
        let left = Double(context.end - (minute + 1) * 60_000) / 86_400_000
        return SpendForecast(daySpend: counters(window: .calendarDay, day: today, include: include, only: indices).spend,
                             recentSpend: recent, recentDays: days.count, daysLeft: max(left, 0),
                             campaignDays: context.campaignDays)
    }
}
