import Foundation

/// What KPIs need from the plan beyond the events: budgets per scope for
/// budget burn, and the campaign's span for pacing.
public struct KPIContext: Sendable {
    public var timeZone: String
    public var campaignBudget: Money
    public var channelBudgets: [String: Money]
    /// By segment id and by name (events may carry either).
    public var segmentBudgets: [String: Money]
    /// Segment names → ids, so rows use one key per segment.
    public var segmentIDsByName: [String: String]
    /// The campaign runs over [start, end) in epoch milliseconds.
    public var start: Int64
    public var end: Int64
    /// The campaign's first day and its length in days (`CampaignLength`),
    /// for the spend forecasts and the daily spend reference.
    public var firstDay: Day
    public var campaignDays: Int

    public init(plan: Plan) {
        timeZone = plan.campaign.timezone
        campaignBudget = Money(decimal: plan.campaign.budget)
        var channels: [String: Money] = [:]
        for channel in plan.channels { if let budget = channel.budget { channels[channel.id] = Money(decimal: budget) } }
        channelBudgets = channels
        var segments: [String: Money] = [:], ids: [String: String] = [:]
        for segment in plan.segments {
            ids[segment.name] = segment.id
            if let share = segment.budgetShare {
                let budget = Money(decimal: plan.campaign.budget * Decimal(share))
                segments[segment.id] = budget
                segments[segment.name] = budget
            }
        }
        segmentBudgets = segments
        segmentIDsByName = ids
        let clock = CampaignClock(timeZoneIdentifier: plan.campaign.timezone)
        let length = plan.campaignLength
        start = clock.start(of: plan.campaign.start)
        end = clock.start(of: length.lastDay + 1)
        firstDay = length.start
        campaignDays = length.days
    }

    public func budget(_ dimension: KPIDimension, _ key: String) -> Money? {
        switch dimension {
        case .total, .campaign: return campaignBudget
        case .channel: return channelBudgets[key]
        case .segment: return segmentBudgets[key]
        }
    }

    /// Share of campaign time elapsed at `timestamp`, clamped to 0…1.
    public func elapsedShare(at timestamp: Int64) -> Double? {
        guard end > start else { return nil }
        return min(max(Double(timestamp - start) / Double(end - start), 0), 1)
    }
}

extension Money {
    /// Exact conversion; amounts finer than a billionth are rounded half-even.
    /// (Through the integer's text: Foundation has no Int128 bridge.)
    public init(decimal: Decimal) {
        var scaled = decimal * Decimal(string: String(Money.scale))!
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .bankers)
        self.init(nanos: Int128(rounded.description) ?? 0)
    }
}
