import CampaignText
import Foundation

/// `campaign-deck report`: how the campaign is doing against its plan (goals,
/// ROI, CPA and CAC, budget by line).
/// Built from campaign-to-date KPIs; money stays exact (`Money`) throughout.
public struct ResultsReport: Sendable {
    /// Money, conversions and the ratios derived from them, for the whole
    /// campaign, one channel or one segment.
    public struct Economics: Sendable {
        public var key: String
        public var spend: Money
        public var revenue: Money
        public var conversions: Int64
        /// Distinct converting users; nil when conversions carry no users.
        public var convertingUsers: Int?
        var values: KPIValues { KPIValues(counters: KPICounters(conversions: conversions, spend: spend, revenue: revenue)) }
        public var roi: Double? { values.roi }
        public var cpa: Double? { values.cpa }
        /// spend / distinct converting users (see `ConvertingUsers`).
        public var cac: Double? { convertingUsers.flatMap { KPIValues.ratio(spend.doubleValue, Double($0)) } }
    }

    public struct BudgetUse: Sendable {
        /// The budget line's id; `(none)` for spend of channels in no line.
        public var id: String
        public var name: String
        public var planned: Money?
        public var used: Money
        public var usedShare: Double? { planned.flatMap { KPIValues.ratio(used.doubleValue, $0.doubleValue) } }
    }

    public var currency: String
    /// The latest event time, epoch ms; nil for an empty stream.
    public var asOf: Int64?
    public var goals: [GoalProgress]
    /// The plan's campaign targets (`targets:`), in plan order.
    public var targets: [TargetProgress]
    public var overall: Economics
    public var channels: [Economics]
    /// Per segment, by key, from the events that carry `segment`; a last
    /// `noSegment` row gathers money and conversions that carry none, so the
    /// rows add up to `overall`.
    public var segments: [Economics]
    public var benchmarkCPA: Double?
    public var budget: [BudgetUse]

    /// The key of the segment row for events without a segment (like the budget's `(none)` line).
    public static let noSegment = "(none)"

    /// `name` turns store ids into channel and segment ids (`ScopeNames.name`).
    public init(plan: Plan, store: KPIStore, context: KPIContext, users: ConvertingUsers?,
                name: (KPIDimension, Int32) -> String) {
        currency = plan.campaign.currency
        asOf = store.clockMinute == .min ? nil : store.latestTimestamp
        benchmarkCPA = plan.campaign.benchmarks.first { $0.name == "cpa" }?.value
        let minute = store.clockMinute
        func values(_ dimension: KPIDimension) -> [String: KPIValues] {
            store.campaignToDateValues(dimension, context: context, name: name)
        }
        let segmentValues = values(.segment)
        goals = GoalProgress.all(plan: plan, values: segmentValues)
        targets = TargetProgress.all(plan: plan, store: store, context: context)
        func economics(_ key: String, _ counters: KPICounters, _ users: Set<UInt64>??) -> Economics {
            Economics(key: key, spend: counters.spend, revenue: counters.revenue, conversions: counters.conversions,
                      convertingUsers: users.map { $0?.count ?? 0 })
        }
        overall = economics("total", values(.total)["total"]?.counters ?? .zero, users.map { $0.total })
        channels = values(.channel).sorted { $0.key < $1.key }.map { key, value in
            economics(key, value.counters, users.map { $0.byChannel[key] })
        }
        segments = segmentValues.sorted { $0.key < $1.key }.map { key, value in
            economics(key, value.counters, users.map { $0.bySegment[key] })
        }
        // Spend is often bought per channel, not per segment: show where it went
        // rather than leave the segment rows silently short of the total.
        let unsegmented = minute == .min ? KPICounters.zero
            : store.counters(window: .campaignToDate, day: nil, include: { $0.id(along: .segment) < 0 })
        if unsegmented.spend != .zero || unsegmented.revenue != .zero || unsegmented.conversions != 0 {
            segments.append(economics(Self.noSegment, unsegmented, users.map { $0.bySegment[Self.noSegment] }))
        }
        budget = Self.budgetUse(plan: plan, channels: channels)
    }

    /// Channel spend summed into each channel's `budget_line`, in plan order;
    /// spend of channels in no line (or not in the plan) shows as `(none)` so
    /// the lines always add up to the total spend.
    static func budgetUse(plan: Plan, channels: [Economics]) -> [BudgetUse] {
        var used: [String: Money] = [:]
        var unassigned = Money.zero
        for channel in channels {
            if let line = plan.channel(channel.key)?.budgetLine, plan.budgetLines.contains(where: { $0.id == line }) {
                used[line, default: .zero] += channel.spend
            } else {
                unassigned += channel.spend
            }
        }
        var rows = plan.budgetLines.map {
            BudgetUse(id: $0.id, name: $0.name, planned: Money(decimal: $0.amount), used: used[$0.id] ?? .zero)
        }
        if unassigned != .zero { rows.append(BudgetUse(id: "(none)", name: Phrase.dataNoBudgetLine.text(), planned: nil, used: unassigned)) }
        return rows
    }
}
