import Foundation
import Testing
@testable import CampaignCore

/// The bad-lines corpus: 10 000 good lines with a known pattern, every kind of bad
/// line between them, and exact totals of the good ones computed by formula.
struct EventCorpus {
    static let goodLines = 10_000
    /// One byte over the default line limit (16 MiB).
    static let overlongLine = (16 << 20) + 1

    var bytes: [UInt8] = []
    /// (line number, message) of every bad line, in order.
    var expectedRejections: [(line: Int, message: String)] = []
    var skippedLines = 0
    var lineCount = 0

    /// Good line `i`:
    /// - type: `EventType.allCases[i % 8]`, count: `i % 5 + 1`,
    /// - amount: `(i % 7).(i % 100, two digits)` units,
    /// - ts: base + i seconds, written as epoch ms, `Z`, `+08:00` or with `.000`,
    /// - channel `["douyin", "wechat", "weibo"][i % 3]`, user `u(i % 1000)`,
    /// - with varied key order, escapes, unknown nested keys and CRLF endings.
    static func goodLine(_ i: Int) -> String {
        let type = EventType.allCases[i % 8].name
        let channel = ["douyin", "wechat", "weibo"][i % 3]
        // 2026-03-02T02:00:00Z plus i seconds; i < 10 000 < 22 h, so the day never changes.
        let second = i
        let (h, m, s) = (2 + second / 3600, second / 60 % 60, second % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let ts: String
        switch i % 4 {
        case 0: ts = "\(EventFixture.march2at2UTC + Int64(i) * 1000)"
        case 1: ts = "\"2026-03-02T\(two(h)):\(two(m)):\(two(s))Z\""
        case 2: ts = "\"2026-03-02T\(two(h + 8)):\(two(m)):\(two(s))+08:00\""
        default: ts = "\"2026-03-02T\(two(h)):\(two(m)):\(two(s)).000+00:00\""
        }
        // Every 11th line spells the channel's first letter as a \u escape.
        let channelText = i % 11 == 0
            ? "\\u00" + String(channel.utf8.first!, radix: 16) + channel.dropFirst() : channel
        var fields = [
            "\"ts\":\(ts)", "\"type\":\"\(type)\"", "\"channel\":\"\(channelText)\"",
            "\"segment\":\"\(["vip", "new"][i % 2])\"", "\"user\":\"u\(i % 1000)\"",
            "\"count\":\(i % 5 + 1)", "\"amount\":\(i % 7).\(two(i % 100))",
        ]
        if i % 5 == 0 { fields.reverse() }
        if i % 7 == 0 { fields.insert("\"meta\":{\"tags\":[\"a\",{\"b\":null}],\"n\":-1.5e3}", at: 2) }
        return "{" + fields.joined(separator: i % 3 == 0 ? ", " : ",") + "}"
    }

    /// Every kind of bad line, with its message worked out by hand.
    static let badLines: [(bytes: [UInt8], message: String)] = [
        // Truncated: {"ts":" 7 bytes + 25 for the time + " = 33, `,` 34, "type" 35–40, : 41,
        // "cli 42–45; the line ends after byte 45.
        (Array(#"{"ts":"2026-03-02T10:00:00+08:00","type":"cli"#.utf8), "invalid JSON: unexpected end of line at byte 46"),
        (Array(#"{"ts":0,"type":"click","count":"3"}"#.utf8), "wrong type for 'count': expected a non-negative integer, found a string"),
        (Array(#"{"ts":0,"type":"click","count":-2}"#.utf8), "negative 'count'"),
        (Array(#"{"ts":0,"type":"spend","amount":-5.5}"#.utf8), "negative 'amount'"),
        // Binary garbage (a PNG header): 0x89 is not UTF-8.
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0D, 0x1A, 0x00, 0xFF], "invalid UTF-8 at byte 1"),
        // ASCII controls: valid UTF-8, not JSON.
        ([0x00, 0x01, 0x02, 0x7F], "invalid JSON: expected '{' at byte 1"),
        (Array(#"{"ts":0,"type":"click","pad":""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: overlongLine - 32)
            + Array(#""}"#.utf8), "line too long: 16777217 bytes (limit 16777216)"),
        ([], "empty line"),
        (Array("   ".utf8), "empty line"),
        // {"ts":0,"type":"click","channel":" is 34 bytes; E4 B8 (a cut-off 中) starts at 35.
        (Array(#"{"ts":0,"type":"click","channel":""#.utf8) + [0xE4, 0xB8] + Array(#""}"#.utf8), "invalid UTF-8 at byte 35"),
        (Array(#"["ts",0]"#.utf8), "not a JSON object: found an array"),
        (Array(#"{"type":"click","count":1}"#.utf8), "missing 'ts'"),
        (Array(#"{"ts":0,"count":1}"#.utf8), "missing 'type'"),
        (Array(#"{"ts":0,"type":"community_active"}"#.utf8), "'community_active' requires 'user'"),
        (Array(#"{"ts":"2026-03-02T10:00:00","type":"click"}"#.utf8), "bad timestamp: no time zone offset (add Z or ±HH:MM)"),
        (Array(#"{"ts":"2026-02-30T10:00:00Z","type":"click"}"#.utf8), "bad timestamp: impossible date or time"),
        (Array(#"{"ts":0,"type":"click","count":2.5}"#.utf8), "'count' must be an integer"),
        (Array(#"{"ts":0,"type":"click","count":1e13}"#.utf8), "'count' out of range (at most 1e12)"),
        (Array(#"{"ts":true,"type":"click"}"#.utf8),
            "wrong type for 'ts': expected an RFC 3339 string or integer epoch milliseconds, found a boolean"),
        // {"ts":0,"type":"click","channel":"a is 35 bytes; the raw ESC is byte 36.
        (Array(#"{"ts":0,"type":"click","channel":"a"#.utf8) + [0x1B] + Array(#"b"}"#.utf8),
            "invalid JSON: unescaped control character in string at byte 36"),
        // {"ts":0,"type":"click"} is 23 bytes, a space, then t at 25.
        (Array(#"{"ts":0,"type":"click"} trailing"#.utf8), "invalid JSON: unexpected data after the value at byte 25"),
    ]

    init() {
        var nextBad = 0
        func append(_ line: [UInt8], crlf: Bool = false) {
            bytes += line
            bytes += crlf ? [0x0D, 0x0A] : [0x0A]
            lineCount += 1
        }
        for i in 0..<Self.goodLines {
            // One bad line before every good line i ≡ 449 (mod 450), until all kinds are in.
            if i % 450 == 449 && nextBad < Self.badLines.count {
                append(Self.badLines[nextBad].bytes)
                expectedRejections.append((lineCount, Self.badLines[nextBad].message))
                nextBad += 1
            }
            if i % 2500 == 1 {
                append(Array(#"{"ts":0,"type":"story_view","story":{"id":7}}"#.utf8))
                skippedLines += 1
            }
            let line = Array(Self.goodLine(i).utf8)
            if i == Self.goodLines - 1 {
                bytes += line  // the last line has no line break
                lineCount += 1
            } else {
                append(line, crlf: i % 13 == 0)
            }
        }
        precondition(nextBad == Self.badLines.count)
    }
}

/// Everything a reader delivered.
struct Collected: Equatable {
    var records: [EventRecord] = []
    var stats = IngestStats()
    var symbols = EventSymbols()
    var batches = 0
}

@Suite struct EventCorpusTests {
    static let corpus = EventCorpus()

    static func readSerially(_ bytes: [UInt8], chunkSize: Int) throws -> Collected {
        var reader = EventStreamReader(chunkSize: chunkSize)
        var collected = Collected()
        try reader.read(bytes: bytes, sourceName: "corpus.jsonl") { records, _ in
            collected.records += records
            collected.batches += 1
        }
        collected.stats = reader.stats
        collected.symbols = reader.symbols
        return collected
    }

    @Test func goodLinesAddUpExactly() throws {
        let result = try Self.readSerially(Self.corpus.bytes, chunkSize: EventStreamReader.defaultChunkSize)
        let records = result.records
        #expect(records.count == EventCorpus.goodLines)
        // Types cycle with period 8 and counts (i % 5 + 1) with period 5; in each block of
        // 40 lines a type's 5 lines (i ≡ k mod 8) meet every i mod 5 once, so a type gets
        // 10 000 / 8 = 1 250 events and 250 blocks × (1+2+3+4+5) = 3 750 counts.
        for type in EventType.allCases {
            let ofType = records.filter { $0.type == type }
            #expect(ofType.count == 1_250, "\(type)")
            #expect(ofType.reduce(0) { $0 + $1.count } == 3_750, "\(type)")
        }
        #expect(records.reduce(0) { $0 + $1.count } == 30_000)
        // Amounts: Σ(i % 7) over 0..<10 000 = 1 428 full cycles × 21 + (0+1+2+3) = 29 994 units;
        // Σ(i % 100) = 100 cycles × 4 950 = 495 000 hundredths = 4 950 units.
        // 29 994 + 4 950 = 34 944 units = 34 944 000 000 micros.
        #expect(records.reduce(Money.zero) { $0 + $1.amount } == Money(micros: 34_944_000_000))
        #expect(records.allSatisfy { $0.hasAmount })
        // Timestamps: base + i s in four spellings; Σ = 10 000 × base + 1 000 × Σi,
        // Σi = 10 000 × 9 999 / 2 = 49 995 000.
        let base = EventFixture.march2at2UTC
        #expect(records.reduce(Int64(0)) { $0 + $1.timestamp } == 10_000 * base + 1_000 * 49_995_000)
        // Channels by i % 3: 10 000 = 3 × 3 333 + 1, so douyin has one more.
        #expect(result.symbols.channels.names == ["douyin", "wechat", "weibo"])
        #expect(records.filter { $0.channel == 0 }.count == 3_334)
        #expect(records.filter { $0.channel == 2 }.count == 3_333)
        #expect(Set(records.map(\.user)).count == 1_000)
    }

    @Test func everyBadLineIsReportedWithItsLineNumber() throws {
        let result = try Self.readSerially(Self.corpus.bytes, chunkSize: EventStreamReader.defaultChunkSize)
        let stats = result.stats
        let expected = Self.corpus.expectedRejections
        #expect(stats.linesRead == Self.corpus.lineCount)
        #expect(stats.eventsAccepted == EventCorpus.goodLines)
        #expect(stats.skippedByType == ["story_view": Self.corpus.skippedLines])
        #expect(stats.skippedByType["story_view"] == 4)
        #expect(stats.rejected == EventCorpus.badLines.count)
        #expect(stats.linesRead == stats.eventsAccepted + stats.skipped + stats.rejected)
        #expect(stats.samples.count == expected.count)
        for (sample, want) in zip(stats.samples, expected) {
            #expect(sample.line == want.line && sample.reason.message == want.message, "\(sample.formatted)")
            #expect(sample.source == "corpus.jsonl")
        }
        // The first bad line goes in before good line i = 449: 449 good lines (0…448) and the
        // skipped line written before i = 1 come first, so it is line 451.
        #expect(expected.first?.line == 451)
        #expect(stats.samples.first?.formatted == "corpus.jsonl:451: invalid JSON: unexpected end of line at byte 46")
        #expect(stats.rejectedByKind[.emptyLine] == 2)
        #expect(stats.rejectedByKind[.invalidUTF8] == 2)
        #expect(stats.rejectedByKind[.invalidJSON] == 4)
    }

    @Test func samplesShowSafeExcerpts() throws {
        let stats = try Self.readSerially(Self.corpus.bytes, chunkSize: 4096).stats
        let excerpts = Dictionary(stats.samples.map { ($0.reason.message, $0.excerpt) }, uniquingKeysWith: { a, _ in a })
        // The over-long line: its first 80 bytes and an ellipsis.
        let long = try #require(excerpts["line too long: 16777217 bytes (limit 16777216)"])
        #expect(long == #"{"ts":0,"type":"click","pad":""# + String(repeating: "x", count: 50) + "…")
        // Control characters are shown, never written raw.
        #expect(excerpts["invalid JSON: unescaped control character in string at byte 36"] == #"{"ts":0,"type":"click","channel":"a\u{1B}b"}"#)
        #expect(excerpts["invalid UTF-8 at byte 1"] == "\u{FFFD}PNG\\r\\r\\u{1A}\\u{00}\u{FFFD}")
        #expect(excerpts["empty line"] == "")
    }

    @Test func aFullSampleListKeepsTheFirstHundred() throws {
        var text = ""
        for n in 1...250 { text += n % 2 == 0 ? "oops \(n)\n" : "{\"ts\":0,\"type\":\"click\"}\n" }
        var reader = EventStreamReader()
        try reader.read(bytes: Array(text.utf8), sourceName: "s") { _, _ in }
        #expect(reader.stats.rejected == 125)
        #expect(reader.stats.eventsAccepted == 125)
        #expect(reader.stats.samples.count == 100)
        #expect(reader.stats.samples.map(\.line) == Array(stride(from: 2, through: 200, by: 2)))
        #expect(reader.stats.samples.last?.excerpt == "oops 200")
    }
}
