/// The additive part of every KPI: sums that can be added and
/// subtracted minute by minute. Ratios are computed from these, never stored.
public struct KPICounters: Equatable, Sendable {
    public var impressions: Int64 = 0
    public var clicks: Int64 = 0
    public var conversions: Int64 = 0
    public var reach: Int64 = 0
    public var participants: Int64 = 0
    public var spend = Money.zero
    public var revenue = Money.zero

    public init() {}

    public init(impressions: Int64 = 0, clicks: Int64 = 0, conversions: Int64 = 0, reach: Int64 = 0,
                participants: Int64 = 0, spend: Money = .zero, revenue: Money = .zero) {
        self.impressions = impressions
        self.clicks = clicks
        self.conversions = conversions
        self.reach = reach
        self.participants = participants
        self.spend = spend
        self.revenue = revenue
    }

    public static let zero = KPICounters()

    /// Folds one event in. Gauges and distinct users are kept elsewhere.
    @inline(__always)
    public mutating func add(_ type: EventType, count: Int64, amount: Money) {
        switch type {
        case .impression: impressions &+= count
        case .click: clicks &+= count
        case .conversion:
            conversions &+= count
            revenue += amount
        case .spend: spend += amount
        case .reach: reach &+= count
        case .participation: participants &+= count
        case .communityActive, .communityMembers: break
        }
    }

    @inline(__always)
    public static func += (lhs: inout KPICounters, rhs: KPICounters) {
        lhs.impressions &+= rhs.impressions
        lhs.clicks &+= rhs.clicks
        lhs.conversions &+= rhs.conversions
        lhs.reach &+= rhs.reach
        lhs.participants &+= rhs.participants
        lhs.spend += rhs.spend
        lhs.revenue += rhs.revenue
    }

    @inline(__always)
    public static func -= (lhs: inout KPICounters, rhs: KPICounters) {
        lhs.impressions &-= rhs.impressions
        lhs.clicks &-= rhs.clicks
        lhs.conversions &-= rhs.conversions
        lhs.reach &-= rhs.reach
        lhs.participants &-= rhs.participants
        lhs.spend = lhs.spend - rhs.spend
        lhs.revenue = lhs.revenue - rhs.revenue
    }

    public var isEmpty: Bool { self == .zero }
}
