/// The KPIs a plan, a rule, a goal and every report speak of. This is the one
/// place their names are spelled: the raw values are the names used in plan
/// files and JSON, so they must never change. Everything else (what is a
/// ratio, what `min_volume` counts, how a value is shown) is derived here
/// with exhaustive switches, so a new KPI cannot be half added.
public enum Metric: String, CaseIterable, Sendable, CustomStringConvertible {
    // Sums, in the order plans and `kpi --format json` list them.
    case impressions, clicks, conversions, reach, participants, spend, revenue
    // Ratios of two quantities.
    case ctr, cvr, cpa, roi
    case participationRate = "participation_rate"
    case communityDAURatio = "community_dau_ratio"
    // Judged against the plan's budget and calendar rather than the stream alone.
    case budgetBurn = "budget_burn"
    case pacing
    // Spend projected to the campaign's end at the last three days' rate, the
    // same over the budget, and the current calendar day's spend.
    case forecastSpend = "forecast_spend"
    case forecastBurn = "forecast_burn"
    case dailySpend = "daily_spend"

    /// The name used in plans, rules, goals and JSON.
    public var name: String { rawValue }
    public var description: String { rawValue }

    /// What the value is made of.
    public enum Kind: Equatable, Sendable {
        /// A plain sum of one quantity.
        case sum(Quantity)
        /// numerator / denominator; `min_volume` counts the denominator.
        case ratio(numerator: Quantity, denominator: Quantity)
        /// Spend against the plan's budget and calendar (pacing: elapsed time;
        /// forecasts: days left; daily spend: the current calendar day),
        /// whatever the window.
        case budget
    }

    public var kind: Kind {
        switch self {
        case .impressions: return .sum(.impressions)
        case .clicks: return .sum(.clicks)
        case .conversions: return .sum(.conversions)
        case .reach: return .sum(.reach)
        case .participants: return .sum(.participants)
        case .spend: return .sum(.spend)
        case .revenue: return .sum(.revenue)
        case .ctr: return .ratio(numerator: .clicks, denominator: .impressions)
        case .cvr: return .ratio(numerator: .conversions, denominator: .clicks)
        case .cpa: return .ratio(numerator: .spend, denominator: .conversions)
        case .roi: return .ratio(numerator: .netRevenue, denominator: .spend)
        case .participationRate: return .ratio(numerator: .participants, denominator: .reach)
        case .communityDAURatio: return .ratio(numerator: .activeUsers, denominator: .members)
        case .budgetBurn, .pacing, .forecastSpend, .forecastBurn, .dailySpend: return .budget
        }
    }

    /// The quantity `min_volume` is measured against: a ratio's denominator;
    /// nil for sums and budget KPIs, which are judged at any volume.
    public var volumeQuantity: Quantity? {
        switch kind {
        case .ratio(_, let denominator): return denominator
        case .sum, .budget: return nil
        }
    }

    /// A share of successes out of trials (the numerator counts a subset of
    /// the denominator), so its uncertainty is a Wilson interval. CPA and ROI
    /// are ratios but not proportions: their numerator is money.
    public var isProportion: Bool {
        switch self {
        case .ctr, .cvr, .participationRate, .communityDAURatio: return true
        case .impressions, .clicks, .conversions, .reach, .participants, .spend, .revenue,
             .cpa, .roi, .budgetBurn, .pacing, .forecastSpend, .forecastBurn, .dailySpend: return false
        }
    }

    /// A total (campaign, all channels) over only the channels that report
    /// the denominator: a channel that cannot count impressions (sms, a
    /// WeChat message) still sends clicks, which would lift the total CTR
    /// above every channel's. Counted proportions only: for CPA and ROI a
    /// channel's spend without conversions is a cost the total must carry.
    public var totalCountsOnlyPartsWithDenominator: Bool {
        switch self {
        case .ctr, .cvr, .participationRate: return true
        // DAU ratio is read from gauges, which are not split by channel.
        case .communityDAURatio, .cpa, .roi: return false
        case .impressions, .clicks, .conversions, .reach, .participants, .spend, .revenue, .budgetBurn, .pacing,
             .forecastSpend, .forecastBurn, .dailySpend:
            return false
        }
    }

    /// A value that only grows as a calendar day goes on (a day's sums, a
    /// day's distinct active users): judged at noon it is always "low".
    public var growsThroughDay: Bool {
        switch self {
        case .impressions, .clicks, .conversions, .reach, .participants, .spend, .revenue, .communityDAURatio,
             .dailySpend: return true
        case .ctr, .cvr, .cpa, .roi, .participationRate, .budgetBurn, .pacing, .forecastSpend, .forecastBurn:
            return false
        }
    }

    /// How a value of this KPI is written for people.
    public enum Format: Equatable, Sendable {
        /// `2.91%`
        case percent
        /// `45.00 CNY`: money in the campaign's currency.
        case money
        /// `12,345`
        case count
        /// A plain multiple: `1.25` (ROI, pacing).
        case multiple
    }

    public var format: Format {
        switch self {
        case .ctr, .cvr, .participationRate, .communityDAURatio, .budgetBurn, .forecastBurn: return .percent
        case .cpa, .spend, .revenue, .forecastSpend, .dailySpend: return .money
        case .impressions, .clicks, .conversions, .reach, .participants: return .count
        case .roi, .pacing: return .multiple
        }
    }

    /// `value` written by `format`; money carries `currency` when given.
    public func formatted(_ value: Double, currency: String? = nil, percentDecimals: Int = 2) -> String {
        switch format {
        case .percent: return Formatting.percent(value, decimals: percentDecimals)
        case .money: return Formatting.fixed(value, decimals: 2) + (currency.map { " " + $0 } ?? "")
        case .count: return Formatting.plain(value)
        case .multiple: return Formatting.fixed(value, decimals: 2)
        }
    }

    /// The KPIs that move on their own from day to day: rates, not sums (a
    /// sum always "moves" with volume, a rate says something changed).
    public static var rates: [Metric] {
        allCases.filter { metric in
            switch metric.kind {
            case .ratio: return !metric.needsGauges
            case .sum, .budget: return false
            }
        }
    }

    /// Read from community gauges rather than the additive counters.
    var needsGauges: Bool { volumeQuantity == .members }
}

/// The quantities KPIs are built from.
public enum Quantity: Equatable, Sendable {
    case impressions, clicks, conversions, reach, participants, spend, revenue
    /// revenue − spend, ROI's numerator.
    case netRevenue
    /// Distinct active community users in the calendar day.
    case activeUsers
    /// The latest community member count.
    case members

    /// Kept in the additive counters (community gauges are kept apart).
    public var isCounted: Bool {
        switch self {
        case .impressions, .clicks, .conversions, .reach, .participants, .spend, .revenue, .netRevenue: return true
        case .activeUsers, .members: return false
        }
    }

    /// An event count kept exactly (no trip through Double); nil for money and gauges.
    public func count(in counters: KPICounters) -> Int64? {
        switch self {
        case .impressions: return counters.impressions
        case .clicks: return counters.clicks
        case .conversions: return counters.conversions
        case .reach: return counters.reach
        case .participants: return counters.participants
        case .spend, .revenue, .netRevenue, .activeUsers, .members: return nil
        }
    }

    /// The quantity's value in additive counters; nil for community gauges,
    /// which are not kept there.
    public func value(in counters: KPICounters) -> Double? {
        switch self {
        case .impressions: return Double(counters.impressions)
        case .clicks: return Double(counters.clicks)
        case .conversions: return Double(counters.conversions)
        case .reach: return Double(counters.reach)
        case .participants: return Double(counters.participants)
        case .spend: return counters.spend.doubleValue
        case .revenue: return counters.revenue.doubleValue
        case .netRevenue: return counters.revenue.doubleValue - counters.spend.doubleValue
        case .activeUsers, .members: return nil
        }
    }
}
