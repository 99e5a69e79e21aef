import CampaignCore
@testable import CampaignStore
import Foundation
import Testing

/// `standup` builds its agenda from the stored history, the dashboard's
/// walkthrough (`w`) from the live monitor. The same stream through both
/// paths gives the same agenda, for the data's latest day when no date is given.
@Suite struct StandupAgendaPathsTests {
    let folder = TemporaryFolder()

    /// UTC, campaign from 03-02; one segment goal: CTR 5 % by 03-06.
    static func plan() -> Plan {
        let text = """
            campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000 }
            segments:
              - id: vip
                name: 高价值老客
                rule: frequency >= 3
                goals:
                  - { metric: ctr, target: 0.05, by: 2026-03-06 }

            """
        let result = PlanLoader.load(yaml: text)
        precondition(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.plan!
    }

    /// CTR 20/1000 = 2 % on 03-02, 30/1000 = 3 % on 03-03, and a last
    /// impression early on 03-04 (the data's latest day).
    static let stream = [
        StoreFixtures.line(10, 0, "impression", channel: "douyin", segment: "vip", count: 1000),
        StoreFixtures.line(11, 0, "click", channel: "douyin", segment: "vip", count: 20),
        StoreFixtures.line(1440 + 10, 0, "impression", channel: "douyin", segment: "vip", count: 1000),
        StoreFixtures.line(1440 + 11, 0, "click", channel: "douyin", segment: "vip", count: 30),
        StoreFixtures.line(2880 + 10, 0, "impression", channel: "douyin", segment: "vip", count: 100),
    ]

    @Test func theStoredHistoryAndTheLiveMonitorGiveTheSameAgenda() throws {
        let plan = Self.plan()
        let schedule = try Schedule(computing: PlanScheduling.input(for: plan))

        // The dashboard's path: every event folded into the monitor as it arrives.
        var fold = MonitorFold(plan: plan)
        var reader = EventStreamReader()
        try reader.read(bytes: Array(Self.stream.joined().utf8), sourceName: "s") { records, symbols in
            _ = fold.fold(records, symbols: symbols)
        }
        let (monitor, names) = (fold.monitor, fold.names)
        let live = StandupAgenda(plan: plan, schedule: schedule, date: nil, anomalies: [], store: monitor.store,
                                 context: monitor.context, name: names.name)

        // The command's path: ingested, then read back.
        let database = try DeckDatabase(path: folder.file("s.deck.sqlite"))
        let events = folder.file("s.jsonl")
        try StoreFixtures.write(Self.stream, to: events)
        try StoreFixtures.ingest(events, into: database, plan: plan)
        let loaded = try StoredHistory.kpiStore(database: database, context: KPIContext(plan: plan))
        let stored = StandupAgenda(plan: plan, schedule: schedule, date: nil, anomalies: [], store: loaded.store,
                                   context: KPIContext(plan: plan), name: loaded.names.name)

        #expect(stored.markdown(campaignStart: plan.campaign.start) == live.markdown(campaignStart: plan.campaign.start))

        // Worked by hand: the latest event is on 03-04, so yesterday is 03-03.
        for agenda in [live, stored] {
            #expect(agenda.date == Day(year: 2026, month: 3, day: 4)!)
            // CTR 2 % → 3 % for douyin and in total (scopes in name order on a tie).
            #expect(agenda.moves.map(\.scope) == ["douyin", "total"])
            #expect(agenda.moves.allSatisfy { $0.metric == .ctr && $0.dayBefore == 0.02 && $0.yesterday == 0.03 })
            // vip CTR to date 50 / 2100 = 2.38 %, 47.6 % of the 5 % target, with
            // half the time to 03-06 gone (2 of 4 days): at risk.
            #expect(agenda.atRisk.map(\.segmentID) == ["vip"])
            let achievement = try #require(agenda.atRisk.first?.achievement)
            #expect(abs(achievement - (50.0 / 2100) / 0.05) < 1e-12)
        }
    }

    @Test func anEmptyStoreFallsBackToTodaysDateInTheCampaignZone() {
        let plan = Self.plan()
        let store = KPIStore(timeZoneIdentifier: "UTC")
        #expect(StandupAgenda.dataDay(of: store) == nil)
        // 2026-12-02T05:57Z is 12-02 in UTC.
        let now = Date(timeIntervalSince1970: 1_796_169_600 + 5 * 3600 + 57 * 60)
        let agenda = StandupAgenda(plan: plan, schedule: try! Schedule(computing: PlanScheduling.input(for: plan)),
                                   date: nil, anomalies: [], store: store, context: KPIContext(plan: plan),
                                   name: { _, _ in "" }, now: now)
        #expect(agenda.date == Day(year: 2026, month: 12, day: 2)!)
    }
}
