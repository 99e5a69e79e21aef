import Foundation
import Testing
@testable import CampaignCore

/// The stream-order bounds: at most `maxScopes` distinct names per
/// dimension and no event more than `maxTimeJump` after the latest accepted
/// one, decided identically by the serial and the parallel reader.
@Suite struct EventLimitsTests {
    static let base: Int64 = 1_772_416_800_000  // 2026-03-02T02:00:00Z
    static let minute: Int64 = 60_000
    static let day: Int64 = 86_400_000

    static func line(_ ts: Int64, channel: String, segment: String? = nil) -> String {
        #"{"ts":\#(ts),"type":"click","channel":"\#(channel)""# + (segment.map { #","segment":"\#($0)""# } ?? "") + "}"
    }

    static func readSerially(_ text: String, limits: EventLimits) throws -> Collected {
        var reader = EventStreamReader(limits: limits)
        var collected = Collected()
        try reader.read(bytes: Array(text.utf8), sourceName: "s") { records, _ in collected.records += records }
        collected.stats = reader.stats
        collected.symbols = reader.symbols
        return collected
    }

    @Test func aLineRefusedForOneFullDimensionLeavesNoNameInAnother() throws {
        let text = [Self.line(Self.base, channel: "a", segment: "s1"),
                    Self.line(Self.base, channel: "a", segment: "s2"),  // segments now full (2)
                    Self.line(Self.base, channel: "b", segment: "s3"),  // refused: and "b" is not kept
                    Self.line(Self.base, channel: "c", segment: "s1"),  // "c" gets id 1, not 2
                    Self.line(Self.base, channel: "d", segment: #"s\u0031"#),  // channels full: refused
                    Self.line(Self.base, channel: "c", segment: #"s\u0032"#)]  // "s2" escaped: known
            .joined(separator: "\n")
        let read = try Self.readSerially(text, limits: EventLimits(maxScopes: 2))
        #expect(read.symbols.channels.names == ["a", "c"])
        #expect(read.symbols.segments.names == ["s1", "s2"])
        #expect(read.records.map(\.channel) == [0, 0, 1, 1])
        #expect(read.stats.samples.map(\.line) == [3, 5])
        #expect(read.stats.samples.map(\.reason.message) == ["too many distinct segments (at most 2; --max-scopes)",
                                                             "too many distinct channels (at most 2; --max-scopes)"])
        #expect(read.stats.rejectedByKind == [.tooManyScopes: 2])
    }

    @Test func lateEventsAreTakenAndOnlyForwardJumpsAreRefused() throws {
        let text = [Self.line(Self.base, channel: "a"),
                    Self.line(Self.base - 30 * Self.day, channel: "a"),  // a month late: fine
                    Self.line(Self.base + 7 * Self.day, channel: "a"),  // exactly the limit: fine
                    Self.line(Self.base + 14 * Self.day + 1, channel: "a"),  // 7 days and 1 ms after it: refused
                    Self.line(Self.base + 14 * Self.day, channel: "a")]
            .joined(separator: "\n")
        let read = try Self.readSerially(text, limits: .standard)
        #expect(read.records.map(\.timestamp) == [Self.base, Self.base - 30 * Self.day, Self.base + 7 * Self.day,
                                                  Self.base + 14 * Self.day])
        #expect(read.stats.samples.map(\.line) == [4])
        let off = try Self.readSerially(text, limits: EventLimits(maxTimeJump: EventLimits.timeJump(parsing: "off")!))
        #expect(off.stats.rejected == 0)
    }

    @Test func timeJumpSyntax() {
        #expect(EventLimits.timeJump(parsing: "7d") == 7 * Self.day)
        #expect(EventLimits.timeJump(parsing: "12h") == Int64(12 * 3_600_000))
        #expect(EventLimits.timeJump(parsing: "15m") == 15 * Self.minute)
        #expect(EventLimits.timeJump(parsing: "30s") == 30_000)
        #expect(EventLimits.timeJump(parsing: "off") == .max)
        for bad in ["7", "d", "-1d", "7w", "", "1.5d", "99999999999999999d"] {
            #expect(EventLimits.timeJump(parsing: bad) == nil, "\(bad)")
        }
        #expect(EventLimits.timeJumpText(7 * Self.day) == "7d")
        #expect(EventLimits.timeJumpText(90 * Self.minute) == "90m")
        #expect(EventLimits.gapText(7 * Self.day + Self.minute) == "7 days 1 minute")
    }

    /// 2 000 lines 10 minutes apart (13.9 days), with: 40 channels from the
    /// start and a new name on every line ending in 50 (20 names, the cap of
    /// 50 keeps the first 10); two stray timestamps 400 days ahead (lines 500
    /// and 1500); and 100 late lines (1000…1099) a day after the start, then a
    /// line at day 9 — a time jump from the late lines, but not from the
    /// stream's latest time (day 6.9), so it is taken.
    static let mixed: String = {
        var lines: [String] = []
        for i in 0..<2_000 {
            var ts = base + Int64(i) * 10 * minute
            if (1_000..<1_100).contains(i) { ts = base + day }
            if i == 1_100 { ts = base + 9 * day }
            if i == 500 || i == 1_500 { ts = base + 400 * day }
            lines.append(line(ts, channel: i % 100 == 50 ? "n\(i)" : "c\(i % 40)"))
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let mixedLimits = EventLimits(maxScopes: 50)

    @Test func theSerialReaderCountsByHand() throws {
        let read = try Self.readSerially(Self.mixed, limits: Self.mixedLimits)
        #expect(read.stats.rejectedByKind == [.timeJump: 2, .tooManyScopes: 10])
        #expect(read.stats.eventsAccepted == 2_000 - 12)
        #expect(read.symbols.channels.count == 50)
        #expect(read.records.contains { $0.timestamp == Self.base + 9 * Self.day })
    }

    @Test(arguments: [(2, 1 << 20), (3, 4096), (4, 1000), (2, 64), (1, 10_000)])
    func theParallelReaderDecidesAsTheSerialOne(threads: Int, windowSize: Int) throws {
        let url = try EventChunkingTests.temporaryFile(Array(Self.mixed.utf8))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var serialReader = EventStreamReader(limits: Self.mixedLimits)
        var serial = Collected()
        try serialReader.read(path: url.path) { records, _ in serial.records += records }
        var reader = ParallelEventReader(threads: threads, windowSize: windowSize, limits: Self.mixedLimits)
        var parallel = Collected()
        try reader.read(path: url.path) { records, symbols in
            parallel.records += records
            #expect(records.allSatisfy { Int($0.channel) < symbols.channels.count })
        }
        #expect(parallel.records == serial.records)
        #expect(reader.symbols == serialReader.symbols)
        #expect(reader.stats == serialReader.stats)
        #expect(reader.latestAccepted == serial.records.map(\.timestamp).max())
        if windowSize < 10_000 { #expect(reader.reparsedParts > 0, "small parts meet the bounds on their own") }
    }
}
