@testable import CampaignCore
import Foundation

/// A small campaign with known daily spends, impressions and clicks, for the
/// spend forecasts and the campaign targets. Every figure the tests expect is
/// worked by hand from the table below.
///
/// UTC; the one task runs 03-02…03-11, so the campaign is 10 days long and
/// ends at 03-12 00:00. Budget 1000 (douyin 600, sms none).
///
/// | day   | douyin spend | sms spend | impressions | clicks | conversions |
/// |-------|--------------|-----------|-------------|--------|-------------|
/// | 03-02 | 50           |           | 1000        | 25     | 2           |
/// | 03-03 | 60           |           | 1000        | 25     | 2           |
/// | 03-04 | 90           | 30        | 400         | 10     | 2           |
/// | 03-05 | 40 + 100     |           | 200         | 5      | 2           |
///
/// The last event is at 03-05 11:59, so as of 12:00 (the end of that minute)
/// 6.5 days are left in the campaign.
enum TargetFixtures {
    static let plan = """
    campaign: { id: f, name: F, timezone: UTC, start: 2026-03-02, budget: 1000, benchmarks: { cpa: 45 } }
    channels:
      - { id: douyin, name: D, kind: paid, budget: 600 }
      - { id: sms, name: S, kind: owned }
    phases:
      - { id: run, name: Run, weeks: 1-2 }
    tasks:
      - { id: a, name: A, phase: run, days: 10 }
    alerts:
      - { name: Over budget soon, metric: forecast_burn, per: channel, above: 1.05, window: day }
      - { name: Under spending, metric: forecast_burn, per: total, below: 0.8, window: day }
      - { name: Day overspent, metric: daily_spend, per: channel, above: 120, window: day }
    targets:
      - { metric: impressions, target: 5000, by: 2026-03-09 }
      - { metric: ctr, target: 0.03 }
      - { metric: cpa, at_most: benchmark.cpa, min_volume: 5 }
      - { metric: spend, at_most: 800, by: 2026-03-11 }

    """

    static func line(_ ts: String, _ type: String, _ channel: String, count: Int = 1, amount: Double? = nil) -> String {
        let money = amount.map { ", \"amount\": \($0)" } ?? ""
        return "{\"ts\": \"\(ts)\", \"type\": \"\(type)\", \"channel\": \"\(channel)\", \"count\": \(count)\(money)}"
    }

    /// The table above as a stream; `through` drops the days after it.
    static func events(through lastDay: Int = 5) -> String {
        var lines: [String] = []
        let days: [(day: Int, douyin: [Double], sms: Double?, impressions: Int, clicks: Int)] = [
            (2, [50], nil, 1000, 25), (3, [60], nil, 1000, 25), (4, [90], 30, 400, 10), (5, [40, 100], nil, 200, 5),
        ]
        for day in days where day.day <= lastDay {
            let date = "2026-03-0\(day.day)"
            lines.append(line("\(date)T09:00:00Z", "impression", "douyin", count: day.impressions))
            lines.append(line("\(date)T09:30:00Z", "click", "douyin", count: day.clicks))
            lines.append(line("\(date)T10:00:00Z", "conversion", "douyin", count: 2, amount: 100))
            for (index, amount) in day.douyin.enumerated() {
                lines.append(line("\(date)T1\(index):00:00Z", "spend", "douyin", amount: amount))
            }
            if let sms = day.sms { lines.append(line("\(date)T11:00:00Z", "spend", "sms", amount: sms)) }
            lines.append(line("\(date)T11:59:00Z", "click", "douyin", count: 0))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func load(planText: String = plan, events text: String = events()) throws
        -> (plan: Plan, store: KPIStore, context: KPIContext, names: ScopeNames) {
        guard let plan = PlanLoader.load(yaml: planText).plan else { throw MissingPlan() }
        let context = KPIContext(plan: plan)
        var store = KPIStore(timeZoneIdentifier: plan.campaign.timezone)
        var names = ScopeNames(context: context)
        var reader = EventStreamReader()
        try reader.read(bytes: Array(text.utf8), sourceName: "fixture") { records, symbols in
            names.update(symbols)
            for record in records {
                store.add(timestamp: record.timestamp, type: record.type, leaf: names.leaf(of: record),
                          user: record.user, count: record.count, amount: record.amount)
            }
        }
        precondition(reader.stats.rejected == 0, "the target fixture stream has a bad line")
        return (plan, store, context, names)
    }

    static func values(_ loaded: (plan: Plan, store: KPIStore, context: KPIContext, names: ScopeNames),
                        _ dimension: KPIDimension) -> [String: KPIValues] {
        loaded.store.campaignToDateValues(dimension, context: loaded.context, name: loaded.names.name)
    }
}

struct MissingPlan: Error {}
