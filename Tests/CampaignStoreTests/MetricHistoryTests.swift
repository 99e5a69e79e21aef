import CampaignCore
@testable import CampaignStore
import Foundation
import GRDB
import StoreTestEngines
import Testing

/// The stored history gives back what the stream said, however it was batched.
@Suite struct MetricHistoryTests {
    let folder = TemporaryFolder()

    @Test func aMinuteRecordRoundTripsSortedByLeaf() {
        var b = LeafMinute(leafID: 7)
        b.counters = KPICounters(impressions: 300, clicks: 4, spend: Money(micros: 1_500_000))
        b.events = 2
        b.firstAt = StoreFixtures.at(5, 1)
        b.lastAt = StoreFixtures.at(5, 59)
        var a = LeafMinute(leafID: 2)
        a.events = 3
        a.firstAt = StoreFixtures.at(5, 0)
        a.lastAt = StoreFixtures.at(5, 0)
        a.membersAt = StoreFixtures.at(5, 0)
        a.members = 2_600
        a.users = [.max, 1]
        let minute = CampaignClock.minute(of: StoreFixtures.at(5))
        let decoded = MinuteRecord.decode(MinuteRecord.encode([b, a], minute: minute), minute: minute)
        a.users = [1, .max]
        #expect(decoded == [a, b])
        #expect(MinuteRecord.decode([4, 0], minute: minute) == nil, "an unknown format is refused, not misread")
    }

    /// Databases written before money was kept to 1e-9 hold format-1 minutes,
    /// money in millionths: they still read, and merge into the current format.
    @Test func aFormatOneMinuteWrittenBeforeBillionthsStillDecodes() {
        // Zigzag LEB128 by hand: v ≥ 0 is written as 2v, 7 bits a byte, low first.
        func varint(_ value: Int64) -> [UInt8] {
            var v = UInt64(value) * 2, out: [UInt8] = []
            while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
            return out + [UInt8(v)]
        }
        let minute = CampaignClock.minute(of: StoreFixtures.at(5))
        // Leaf 3: 10 impressions, 2 clicks, 1 conversion, no reach or participants,
        // spend 1.5 (1 500 000 millionths), revenue 19.99, 4 events, first and last
        // at 1 s and 59 s into the minute, no gauge, no users.
        let fields: [Int64] = [3, 10, 2, 1, 0, 0, 1_500_000, 19_990_000, 4, 1_000, 59_000, 0, 0]
        let old: [UInt8] = [1] + fields.flatMap(varint)
        var expected = LeafMinute(leafID: 3)
        expected.counters = KPICounters(impressions: 10, clicks: 2, conversions: 1,
                                        spend: Money(nanos: 1_500_000_000), revenue: Money(nanos: 19_990_000_000))
        expected.events = 4
        expected.firstAt = minute * 60_000 + 1_000
        expected.lastAt = minute * 60_000 + 59_000
        #expect(MinuteRecord.decode(old, minute: minute) == [expected])

        // Merged with a new minute of the same leaf (0.0000004 more spend): format 3, exact.
        var new = LeafMinute(leafID: 3, counters: KPICounters(spend: Money(nanos: 400)), events: 1,
                             firstAt: minute * 60_000 + 2_000, lastAt: minute * 60_000 + 2_000)
        new.users = []
        let merged = MinuteRecord.encode(MinuteRecord.merge(MinuteRecord.decode(old, minute: minute)!, [new]), minute: minute)
        #expect(merged.first == 3)
        #expect(MinuteRecord.decode(merged, minute: minute)?.first?.counters.spend == Money(nanos: 1_500_000_400))
        #expect(MinuteRecord.decode(merged, minute: minute)?.first?.events == 5)
    }

    @Test func aMinuteSplitInTwoMergesToTheBytesOfTheWhole() {
        let minute = CampaignClock.minute(of: StoreFixtures.at(0))
        func leaf(_ id: Int64, impressions: Int64, at second: Int64, members: Int64? = nil, users: [UInt64] = []) -> LeafMinute {
            var leaf = LeafMinute(leafID: id, counters: KPICounters(impressions: impressions), events: 1,
                                  firstAt: StoreFixtures.at(0, second), lastAt: StoreFixtures.at(0, second))
            if let members { leaf.membersAt = StoreFixtures.at(0, second); leaf.members = members }
            leaf.users = users
            return leaf
        }
        let first = [leaf(1, impressions: 10, at: 5, members: 100, users: [9, 3]), leaf(2, impressions: 1, at: 6)]
        let second = [leaf(1, impressions: 5, at: 50, members: 90, users: [3, 4])]
        var whole = leaf(1, impressions: 15, at: 5, members: 90, users: [3, 4, 9])
        whole.events = 2
        whole.lastAt = StoreFixtures.at(0, 50)
        whole.membersAt = StoreFixtures.at(0, 50) // the later gauge reading
        let merged = MinuteRecord.merge(MinuteRecord.decode(MinuteRecord.encode(first, minute: minute), minute: minute)!,
                                        MinuteRecord.decode(MinuteRecord.encode(second, minute: minute), minute: minute)!)
        #expect(MinuteRecord.encode(merged, minute: minute)
            == MinuteRecord.encode([whole, leaf(2, impressions: 1, at: 6)], minute: minute))
    }

    /// Two channels, a segment named once by id and once by name, money, a
    /// gauge read twice in one minute, and community users active twice.
    static let mixedStream = [
        StoreFixtures.line(0, 5, "impression", channel: "douyin", segment: "vip", count: 1200),
        StoreFixtures.line(0, 9, "click", channel: "douyin", segment: "高价值老客", count: 30),
        StoreFixtures.line(0, 30, "spend", channel: "douyin", amount: "12.345678"),
        StoreFixtures.line(1, 0, "conversion", channel: "wechat", segment: "vip", count: 2, amount: "199.90"),
        StoreFixtures.line(1, 10, "community_members", channel: "wechat", count: 2600),
        StoreFixtures.line(1, 50, "community_members", channel: "wechat", count: 2610),
        StoreFixtures.line(1, 20, "community_active", channel: "wechat", user: "u1"),
        StoreFixtures.line(2, 0, "community_active", channel: "wechat", user: "u1"),
        StoreFixtures.line(2, 1, "community_active", channel: "wechat", user: "u2"),
        StoreFixtures.line(3, 0, "reach", channel: "wechat", count: 400),
        StoreFixtures.line(3, 1, "participation", channel: "wechat", count: 40),
    ]

    static func segmentPlan() -> Plan {
        let text = """
            campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000 }
            segments:
              - { id: vip, name: 高价值老客, rule: frequency >= 3 }

            """
        return PlanLoader.load(yaml: text).plan!
    }

    @Test(arguments: TestEngine.all) func theHistoryRebuildsTheKPIsByHand(engine: TestEngine) throws {
        let database = try engine.store(folder)
        let events = folder.file("mixed.jsonl")
        try StoreFixtures.write(Self.mixedStream, to: events)
        let plan = Self.segmentPlan()
        try StoreFixtures.ingest(events, into: database, plan: plan)
        let loaded = try StoredHistory.kpiStore(database: database, context: KPIContext(plan: plan))
        #expect(loaded.events == 11)
        let store = loaded.store
        let all = store.counters(window: .campaignToDate, day: nil) { _ in true }
        #expect(all == KPICounters(impressions: 1200, clicks: 30, conversions: 2, reach: 400, participants: 40,
                                   spend: Money(micros: 12_345_678), revenue: Money(micros: 199_900_000)))
        #expect(store.latestTimestamp == StoreFixtures.at(3, 1))
        #expect(store.earliestTimestamp == StoreFixtures.at(0, 5))
        #expect(store.members { _ in true } == 2610, "the later reading of the minute wins")
        #expect(store.activeUsers(day: Day(year: 2026, month: 3, day: 2)!, dimension: .total, id: -2) == 2, "u1 and u2")
        // "vip" and "高价值老客" are one segment row, as from the stream.
        let segments = store.scopeIDs(.segment).map { loaded.names.name(.segment, $0) }
        #expect(segments == ["vip"])
        let douyin = try #require(store.scopeIDs(.channel).first { loaded.names.name(.channel, $0) == "douyin" })
        let values = store.values(.channel, id: douyin, name: "douyin", window: .campaignToDate,
                                  atMinute: store.clockMinute, context: KPIContext(plan: plan))
        #expect(values.counters.clicks == 30 && values.counters.impressions == 1200)
    }

    @Test(arguments: TestEngine.all) func batchingDoesNotChangeAByteOfTheHistory(engine: TestEngine) throws {
        let events = folder.file("mixed.jsonl")
        try StoreFixtures.write(Self.mixedStream, to: events)
        func dump(commitEvents: Int, name: String) throws -> [String] {
            let database = try engine.store(folder)
            var options = IngestOptions()
            options.commitEvents = commitEvents
            options.chunkSize = commitEvents == 1 ? 1 : 1 << 20 // byte by byte: a commit after every line
            let (_, totals) = try StoreFixtures.ingest(events, into: database, plan: Self.segmentPlan(), options: options)
            #expect(totals.commits >= (commitEvents == 1 ? 11 : 1))
            return try database.readSQL { session in
                try session.fetchAll("SELECT minute, events, leaves FROM metric_minute ORDER BY minute", [])
                    .map { "\($0.int64("minute")!) \($0.int64("events")!) \($0.bytes("leaves")!)" }
            }
        }
        let whole = try dump(commitEvents: 1_000, name: "whole.deck.sqlite")
        #expect(whole.count == 4)
        let split = try dump(commitEvents: 1, name: "split.deck.sqlite")
        #expect(split == whole, "\(split) vs \(whole)")
    }

    @Test(arguments: TestEngine.all) func minuteSeriesForSparklines(engine: TestEngine) throws {
        let database = try engine.store(folder)
        let events = folder.file("mixed.jsonl")
        try StoreFixtures.write(Self.mixedStream, to: events)
        try StoreFixtures.ingest(events, into: database, plan: Self.segmentPlan())
        let first = CampaignClock.minute(of: StoreFixtures.at(0))
        #expect(try MetricSeries.latestMinute(database: database) == first + 3)
        let channels = try MetricSeries.minutes(database: database, dimension: .channel, from: first - 1, through: first + 4)
        #expect(channels["douyin"]?.map(\.impressions) == [0, 1200, 0, 0, 0, 0])
        #expect(channels["wechat"]?.map(\.reach) == [0, 0, 0, 0, 400, 0])
        #expect(channels["wechat"]?.map(\.revenue.nanos) == [0, 0, 199_900_000_000, 0, 0, 0])
        let segments = try MetricSeries.minutes(database: database, dimension: .segment, from: first, through: first + 1,
                                                segmentIDsByName: KPIContext(plan: Self.segmentPlan()).segmentIDsByName)
        #expect(Array(segments.keys) == ["vip"], "by id and by name fold together; no segment is no row")
        #expect(segments["vip"]?.map(\.clicks) == [30, 0])
        let total = try MetricSeries.minutes(database: database, dimension: .total, from: first, through: first)
        #expect(total["total"]?.first?.spend == Money(micros: 12_345_678))
    }
}
