import CampaignCore
@testable import CampaignStore
import Foundation
import StoreTestEngines
import Testing

/// The stored history keeps who converted, so CAC (spend / distinct
/// converting users) is the same from a database as from the stream.
@Suite struct ConvertingUsersHistoryTests {
    let folder = TemporaryFolder()

    @Test func buyersRoundTripOnceEachAndMergeAsASet() {
        let minute = CampaignClock.minute(of: StoreFixtures.at(5))
        var leaf = LeafMinute(leafID: 4, counters: KPICounters(conversions: 3), events: 3,
                              firstAt: StoreFixtures.at(5, 1), lastAt: StoreFixtures.at(5, 9))
        leaf.buyers = [9, 2]
        let bytes = MinuteRecord.encode([leaf], minute: minute)
        #expect(bytes.first == 3)
        #expect(MinuteRecord.decode(bytes, minute: minute)?.first?.buyers == [2, 9])
        var other = LeafMinute(leafID: 4, counters: KPICounters(conversions: 1), events: 1,
                               firstAt: StoreFixtures.at(5, 30), lastAt: StoreFixtures.at(5, 30))
        other.buyers = [9, 5]
        let merged = MinuteRecord.merge(MinuteRecord.decode(bytes, minute: minute)!, [other])
        #expect(merged.first?.buyers.sorted() == [2, 5, 9])
        #expect(merged.first?.counters.conversions == 4)
    }

    /// A minute written as format 2 (before buyers were kept) still reads, with none.
    @Test func aFormatTwoMinuteReadsWithoutBuyers() {
        let minute = CampaignClock.minute(of: StoreFixtures.at(5))
        var leaf = LeafMinute(leafID: 1, counters: KPICounters(impressions: 10), events: 1,
                              firstAt: StoreFixtures.at(5, 1), lastAt: StoreFixtures.at(5, 1))
        leaf.users = [7]
        // Format 3 ends each leaf with the buyers' count (0: one zero byte); format 2 has no such field.
        let current = MinuteRecord.encode([leaf], minute: minute)
        #expect(current.last == 0)
        let formatTwo = [UInt8(2)] + current.dropFirst().dropLast()
        #expect(MinuteRecord.decode(formatTwo, minute: minute) == [leaf])
    }

    /// Spend 350 (douyin 200, search 150); conversions by u1 twice on douyin
    /// (two minutes apart), u2 on douyin, u3 on search, and two on search
    /// without a user. CAC: 350 / 3 in total, douyin 200 / 2 = 100, search 150 / 1.
    @Test(arguments: TestEngine.all) func reportFiguresFromTheDatabaseEqualTheStreams(engine: TestEngine) throws {
        let lines = [
            StoreFixtures.line(0, 0, "spend", channel: "douyin", amount: "200"),
            StoreFixtures.line(0, 5, "spend", channel: "search", amount: "150"),
            StoreFixtures.line(1, 0, "conversion", channel: "douyin", count: 1, amount: "50", user: "u1"),
            StoreFixtures.line(1, 10, "conversion", channel: "douyin", count: 1, amount: "30", user: "u2"),
            StoreFixtures.line(3, 0, "conversion", channel: "douyin", count: 1, amount: "20", user: "u1"),
            StoreFixtures.line(3, 5, "conversion", channel: "search", count: 1, amount: "40", user: "u3"),
            StoreFixtures.line(4, 0, "conversion", channel: "search", count: 2, amount: "80"),
        ]
        let events = folder.file("c.jsonl")
        try StoreFixtures.write(lines, to: events)
        let plan = StoreFixtures.plan(alerts: [])
        let database = try engine.store(folder)
        try StoreFixtures.ingest(events, into: database, plan: plan)
        let context = KPIContext(plan: plan)
        let loaded = try StoredHistory.kpiStore(database: database, context: context)
        #expect(loaded.users.total.count == 3)
        let report = ResultsReport(plan: plan, store: loaded.store, context: context, users: loaded.users,
                                   name: loaded.names.name)
        #expect(report.overall.convertingUsers == 3)
        #expect(report.overall.cac.map { abs($0 - 350.0 / 3) < 1e-12 } == true)
        let byChannel = Dictionary(uniqueKeysWithValues: report.channels.map { ($0.key, $0) })
        #expect(byChannel["douyin"]?.convertingUsers == 2)      // u1 (twice) and u2
        #expect(byChannel["douyin"]?.cac == 100)                // 200 / 2
        #expect(byChannel["search"]?.convertingUsers == 1)      // u3; the line without a user adds no one
        #expect(byChannel["search"]?.cac == 150)                // 150 / 1
        #expect(report.overall.conversions == 6, "the replayed buyers add no conversions")
    }
}
