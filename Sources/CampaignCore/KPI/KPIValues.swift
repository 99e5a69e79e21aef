import Foundation

/// Every KPI of SPEC §4 for one scope and window. Ratios with a zero
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

    public init(counters: KPICounters, activeUsers: Int? = nil, members: Int64? = nil, budget: Money? = nil,
                spendToDate: Money = .zero, elapsedShare: Double? = nil) {
        self.counters = counters
        self.activeUsers = activeUsers
        self.members = members
        self.budget = budget
        self.spendToDate = spendToDate
        self.elapsedShare = elapsedShare
    }

    static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator > 0 ? numerator / denominator : nil
    }

    public var ctr: Double? { KPIValues.ratio(Double(counters.clicks), Double(counters.impressions)) }
    public var cvr: Double? { KPIValues.ratio(Double(counters.conversions), Double(counters.clicks)) }
    public var cpa: Double? { KPIValues.ratio(counters.spend.doubleValue, Double(counters.conversions)) }
    public var roi: Double? {
        KPIValues.ratio(counters.revenue.doubleValue - counters.spend.doubleValue, counters.spend.doubleValue)
    }
    public var participationRate: Double? { KPIValues.ratio(Double(counters.participants), Double(counters.reach)) }
    public var communityDAURatio: Double? {
        guard let activeUsers, let members else { return nil }
        return KPIValues.ratio(Double(activeUsers), Double(members))
    }
    public var budgetBurn: Double? {
        guard let budget else { return nil }
        return KPIValues.ratio(spendToDate.doubleValue, budget.doubleValue)
    }
    public var pacing: Double? {
        guard let burn = budgetBurn, let elapsedShare else { return nil }
        return KPIValues.ratio(burn, elapsedShare)
    }

    /// The value of a KPI by its SPEC name.
    public func value(of metric: String) -> Double? {
        switch metric {
        case "impressions": return Double(counters.impressions)
        case "clicks": return Double(counters.clicks)
        case "conversions": return Double(counters.conversions)
        case "reach": return Double(counters.reach)
        case "participants": return Double(counters.participants)
        case "spend": return counters.spend.doubleValue
        case "revenue": return counters.revenue.doubleValue
        case "ctr": return ctr
        case "cvr": return cvr
        case "cpa": return cpa
        case "roi": return roi
        case "participation_rate": return participationRate
        case "community_dau_ratio": return communityDAURatio
        case "budget_burn": return budgetBurn
        case "pacing": return pacing
        default: return nil
        }
    }

    /// (successes, trials) for ratio KPIs, for the Wilson interval; nil for others.
    public func proportion(of metric: String) -> (successes: Double, trials: Double)? {
        switch metric {
        case "ctr": return (Double(counters.clicks), Double(counters.impressions))
        case "cvr": return (Double(counters.conversions), Double(counters.clicks))
        case "participation_rate": return (Double(counters.participants), Double(counters.reach))
        case "community_dau_ratio":
            guard let activeUsers, let members else { return nil }
            return (Double(activeUsers), Double(members))
        default: return nil
        }
    }

    /// The denominator `min_volume` is measured against (SPEC §4 table); nil
    /// for plain sums, which have none.
    public func volume(of metric: String) -> Double? {
        switch metric {
        case "ctr": return Double(counters.impressions)
        case "cvr": return Double(counters.clicks)
        case "cpa": return Double(counters.conversions)
        case "roi": return counters.spend.doubleValue
        case "participation_rate": return Double(counters.reach)
        case "community_dau_ratio": return members.map(Double.init)
        default: return nil
        }
    }

    /// A row of `kpi --format json` (SPEC §9), money as exact decimals.
    public func jsonMembers() -> [(String, JSONValue)] {
        [
            ("impressions", .int(Int(counters.impressions))), ("clicks", .int(Int(counters.clicks))),
            ("conversions", .int(Int(counters.conversions))), ("reach", .int(Int(counters.reach))),
            ("participants", .int(Int(counters.participants))),
            ("spend", .decimal(counters.spend.decimal)), ("revenue", .decimal(counters.revenue.decimal)),
            ("ctr", .optional(ctr)), ("cvr", .optional(cvr)), ("cpa", .optional(cpa)), ("roi", .optional(roi)),
            ("participation_rate", .optional(participationRate)),
            ("active_users", activeUsers.map { .int($0) } ?? .null),
            ("members", members.map { .int(Int($0)) } ?? .null),
            ("community_dau_ratio", .optional(communityDAURatio)),
            ("budget_burn", .optional(budgetBurn)), ("pacing", .optional(pacing)),
        ]
    }
}
