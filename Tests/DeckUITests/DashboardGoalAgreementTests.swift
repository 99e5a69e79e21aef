import CampaignCore
@testable import DeckUI
import Testing

/// The dashboard's Segments pane and `report` judge goals with one
/// computation, so on the same data they show the same figures: every goal of
/// a segment, a cost goal with a negative lift, and no achievement from a
/// handful of events.
@Suite struct DashboardGoalAgreementTests {
    static let plan = PlanLoader.load(yaml: """
    campaign: { id: goals, name: Goals, timezone: UTC, start: 2026-03-02, budget: 100000 }
    channels:
      - { id: douyin, name: Douyin, kind: paid }
    segments:
      - id: vip
        name: VIP
        rule: frequency >= 3
        goals:
          - { metric: cpa, baseline: 50, lift: -0.1 }
          - { metric: cvr, target: 0.25 }
      - id: rising
        name: Rising
        rule: frequency == 1
        goals:
          - { metric: ctr, target: 0.01 }
          - { metric: ctr, target: 0.05, min_volume: 40 }
          - { metric: repurchase_rate, target: 0.3 }
    phases:
      - { id: run, name: Run, weeks: 1-4 }

    """).plan!

    /// vip: 10,000 impressions, 1,000 clicks, 200 conversions, 9,200 spent.
    /// rising: 50 impressions, 5 clicks.
    static let events = """
    {"ts":"2026-03-03T10:00:00Z","type":"impression","channel":"douyin","segment":"vip","count":10000}
    {"ts":"2026-03-03T10:01:00Z","type":"click","channel":"douyin","segment":"vip","count":1000}
    {"ts":"2026-03-03T10:02:00Z","type":"conversion","channel":"douyin","segment":"vip","count":200,"amount":30000}
    {"ts":"2026-03-03T10:03:00Z","type":"spend","channel":"douyin","segment":"vip","amount":9200}
    {"ts":"2026-03-03T10:04:00Z","type":"impression","channel":"douyin","segment":"rising","count":50}
    {"ts":"2026-03-03T10:05:00Z","type":"click","channel":"douyin","segment":"rising","count":5}

    """

    static func fed() throws -> (CampaignMonitor, ScopeNames) {
        var fold = MonitorFold(plan: plan)
        var reader = EventStreamReader()
        try reader.read(bytes: Array(events.utf8), sourceName: "test") { records, symbols in
            _ = fold.fold(records, symbols: symbols)
        }
        return (fold.monitor, fold.names)
    }

    @Test func dashboardShowsEveryGoalWithReportsFigures() throws {
        let (monitor, names) = try Self.fed()
        let snapshot = SnapshotBuilder(plan: Self.plan).snapshot(monitor: monitor, names: names)
        let report = ResultsReport(plan: Self.plan, store: monitor.store, context: monitor.context, users: nil,
                                   name: names.name)
        let dashboard = snapshot.segments.flatMap(\.goals)
        #expect(dashboard.map { "\($0.segmentID) \($0.goal.metric)" }
                == ["vip cpa", "vip cvr", "rising ctr", "rising ctr", "rising repurchase_rate"])
        #expect(dashboard.map(\.actual) == report.goals.map(\.actual))
        #expect(dashboard.map(\.achievement) == report.goals.map(\.achievement))

        // CPA 9,200 / 200 = 46 against a baseline of 50 and a lift of −10 %:
        // a fall of 4 out of the 5 wanted, 0.8 (not 46 / 45 = 1.02).
        #expect(abs((dashboard[0].actual ?? 0) - 46) < 1e-9)
        #expect(abs((dashboard[0].achievement ?? 0) - 0.8) < 1e-9)
        // CVR 200 / 1,000 = 0.2 of 0.25: 0.8.
        #expect(abs((dashboard[1].achievement ?? 0) - 0.8) < 1e-9)
        // CTR 5 / 50 = 10 % on 50 impressions: below the default minimum of 100, no achievement (not 1000 %).
        #expect(abs((dashboard[2].actual ?? 0) - 0.1) < 1e-9)
        #expect(dashboard[2].achievement == nil)
        // The same CTR with min_volume 40: 0.1 / 0.05 = 2.
        #expect(abs((dashboard[3].achievement ?? 0) - 2) < 1e-9)
        // A customer feature is not measured by the stream.
        #expect(dashboard[4].actual == nil && dashboard[4].achievement == nil)
    }
}
