import Foundation

/// Every KPI (`Metric`) for one scope and window. Ratios with a zero
/// denominator are nil ("no data"), never 0 and never NaN.
public struct KPIValues: Sendable {
    public var counters: KPICounters
    /// Distinct active community users in the calendar day.
    public var activeUsers: Int?
    /// The latest community member count.
    public var members: Int64?
    /// The scope's budget, for budget burn and pacing.
    public var budget: Money?
    /// Campaign-to-date spend (burn is cumulative whatever the window).
    public var spendToDate: Money
    /// Share of the campaign's time elapsed at `as_of`, 0…1.
    public var elapsedShare: Double?
    /// The day's spend, the recent days' rate and the days left, for
    /// `daily_spend` and the forecasts; nil where no plan calendar is known.
    public var forecast: SpendForecast?

    /// The channels a scope larger than one channel is made of (a campaign,
    /// the total), each with its own counters; empty for one channel or a
    /// segment. A ratio over them counts only the parts that report its
    /// denominator: sms clicks without impressions must not raise the total
    /// CTR above every channel's.
    public var parts: [KPICounters]

    public init(counters: KPICounters, activeUsers: Int? = nil, members: Int64? = nil, budget: Money? = nil,
                spendToDate: Money = .zero, elapsedShare: Double? = nil, parts: [KPICounters] = [],
                forecast: SpendForecast? = nil) {
        self.counters = counters
        self.activeUsers = activeUsers
        self.members = members
        self.budget = budget
        self.spendToDate = spendToDate
        self.elapsedShare = elapsedShare
        self.parts = parts
        self.forecast = forecast
    }

    static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator > 0 ? numerator / denominator : nil
    }

    public var ctr: Double? { value(of: .ctr) }
    public var cvr: Double? { value(of: .cvr) }
    public var cpa: Double? { value(of: .cpa) }
    public var roi: Double? { value(of: .roi) }
    public var participationRate: Double? { value(of: .participationRate) }
    public var communityDAURatio: Double? { value(of: .communityDAURatio) }
    public var budgetBurn: Double? { value(of: .budgetBurn) }
    public var pacing: Double? { value(of: .pacing) }
    public var forecastSpend: Double? { value(of: .forecastSpend) }
    public var forecastBurn: Double? { value(of: .forecastBurn) }
    public var dailySpend: Double? { value(of: .dailySpend) }

    /// `daily_spend`'s reference: the scope's budget over the campaign's days.
    public var dailySpendReference: Double? { forecast?.dailyReference(budget: budget) }

    /// The day has spent more than twice its share of the budget: past what
    /// an ad platform lets a day spend, so the pane and `kpi` warn.
    public var dailySpendIsOver: Bool {
        guard let spent = dailySpend, let reference = dailySpendReference else { return false }
        return spent > SpendForecast.dailyOverspendFactor * reference
    }

    /// One quantity of this scope; nil when a community gauge has no data.
    public func quantity(_ quantity: Quantity) -> Double? {
        switch quantity {
        case .activeUsers: return activeUsers.map(Double.init)
        case .members: return members.map(Double.init)
        case .impressions, .clicks, .conversions, .reach, .participants, .spend, .revenue, .netRevenue:
            return quantity.value(in: counters)
        }
    }

    /// A ratio's numerator and denominator for this scope. Over a scope with
    /// parts, a proportion counts only the parts that report its denominator
    /// (sms clicks come without impressions); money ratios keep every part,
    /// since spend without conversions is a real cost, not a missing count.
    public func operands(of metric: Metric) -> (numerator: Double, denominator: Double)? {
        guard case .ratio(let numerator, let denominator) = metric.kind else { return nil }
        if !parts.isEmpty, metric.totalCountsOnlyPartsWithDenominator {
            var sum = (numerator: 0.0, denominator: 0.0)
            for part in parts {
                guard let d = denominator.value(in: part), d > 0, let n = numerator.value(in: part) else { continue }
                sum.numerator += n
                sum.denominator += d
            }
            return sum
        }
        guard let n = self.quantity(numerator), let d = self.quantity(denominator) else { return nil }
        return (n, d)
    }

    /// The value of a KPI; a ratio with a zero denominator is nil.
    public func value(of metric: Metric) -> Double? {
        switch metric.kind {
        case .sum(let quantity): return self.quantity(quantity)
        case .ratio:
            guard let pair = operands(of: metric) else { return nil }
            return KPIValues.ratio(pair.numerator, pair.denominator)
        case .budget where metric == .dailySpend:
            return forecast?.daySpend.doubleValue
        case .budget where metric == .forecastSpend || metric == .forecastBurn:
            guard let spend = forecast?.forecastSpend(spendToDate: spendToDate) else { return nil }
            if metric == .forecastSpend { return spend }
            guard let budget else { return nil }
            return KPIValues.ratio(spend, budget.doubleValue)
        case .budget:
            guard let budget, let burn = KPIValues.ratio(spendToDate.doubleValue, budget.doubleValue) else { return nil }
            if metric == .budgetBurn { return burn }
            guard let elapsedShare else { return nil }
            return KPIValues.ratio(burn, elapsedShare)
        }
    }

    /// The value of a KPI by its plan name; nil for a name that is no KPI.
    public func value(of name: String) -> Double? { Metric(rawValue: name).flatMap { value(of: $0) } }

    /// (successes, trials) for proportions, for the Wilson interval; nil for others.
    public func proportion(of metric: Metric) -> (successes: Double, trials: Double)? {
        guard metric.isProportion, let pair = operands(of: metric) else { return nil }
        return (pair.numerator, pair.denominator)
    }

    /// The denominator `min_volume` is measured against; nil for KPIs that
    /// have none (sums, budget KPIs).
    public func volume(of metric: Metric) -> Double? {
        operands(of: metric)?.denominator
    }

    /// A row of `kpi --format json`, money as exact decimals; the
    /// community gauges come just before the ratio built from them.
    public func jsonMembers() -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        for metric in Metric.allCases {
            if metric == .communityDAURatio {
                members.append(("active_users", activeUsers.map { .int($0) } ?? .null))
                members.append(("members", self.members.map { .int(Int($0)) } ?? .null))
            }
            switch metric.kind {
            case .sum(.spend): members.append((metric.name, .decimal(counters.spend.decimal)))
            case .sum(.revenue): members.append((metric.name, .decimal(counters.revenue.decimal)))
            case .sum(let quantity): members.append((metric.name, quantity.count(in: counters).map { .int(Int($0)) } ?? .null))
            case .budget where metric == .dailySpend:
                // The day's spend, its reference (budget / campaign days) and
                // whether it went past twice that, as the pane and table mark it.
                members.append((metric.name, forecast.map { .decimal($0.daySpend.decimal) } ?? .null))
                members.append(("daily_spend_reference", .optional(dailySpendReference)))
                members.append(("daily_spend_over", dailySpendReference == nil ? .null : .bool(dailySpendIsOver)))
            case .ratio, .budget: members.append((metric.name, .optional(value(of: metric))))
            }
        }
        return members
    }
}
