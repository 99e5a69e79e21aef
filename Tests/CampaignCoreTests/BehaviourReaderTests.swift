@testable import CampaignCore
import Foundation
import Testing

/// `--behaviour` files: browse and add-to-cart lines per customer, counted
/// as of a day. Days and epoch milliseconds below were worked out with
/// Python's datetime (2026-04-01T00:00Z = 1775001600000; 2026-01-01 is 90
/// days before 2026-04-01, 2026-03-15 is 17).
@Suite struct BehaviourReaderTests {
    static let lines = [
        #"{"ts":"2026-01-01T10:00:00Z","type":"browse","user":"A"}"#,              // 1: 90 days before: counts
        #"{"ts":"2025-12-31T23:00:00Z","type":"browse","user":"A"}"#,              // 2: 91 days: does not
        #"{"ts":"2026-01-01T01:00:00+08:00","type":"add_to_cart","user":"A"}"#,    // 3: 01-01 as written (12-31 in UTC)
        #"{"ts":"2026-03-31T00:00:00Z","type":"click","user":"A"}"#,               // 4: not behaviour: ignored
        #"{"ts":"2026-02-30T00:00:00Z","type":"browse","user":"A"}"#,              // 5: no such day
        #"{"ts":1775001600000,"type":"add_to_cart","user":"B","count":3}"#,        // 6: 04-01 UTC, three adds
        #"{"ts":"2026-04-02T00:00:00Z","type":"browse","user":"A"}"#,              // 7: after the as-of day
        #"{"ts":"2026-03-20T00:00:00Z","type":"browse"}"#,                         // 8: whose?
        #"{"ts":"2026-03-15T12:00:00Z","type":"browse","user":"A"}"#,              // 9: 17 days before
        #"{"ts":"2026-03-21T00:00:00Z","type":"bro"#,                              // 10: half written, no line end
    ]

    static func read(_ text: String, chunk: Int? = nil) -> BehaviourHistory {
        var reader = BehaviourReader(source: "behaviour.jsonl")
        let bytes = Array(text.utf8)
        let step = chunk ?? max(bytes.count, 1)
        var offset = 0
        while offset < bytes.count {
            let upper = min(bytes.count, offset + step)
            bytes[offset..<upper].withUnsafeBufferPointer { reader.feed($0) }
            offset = upper
        }
        return reader.finish()
    }

    static var file: String { lines.joined(separator: "\n") }
    static let asOf = Day(iso: "2026-04-01")!

    @Test func countsAtTheNinetyDayBoundaryAndTheAsOfDay() throws {
        let history = Self.read(Self.file)
        let a = history.activity(ofUser: "A", asOf: Self.asOf, recentDays: 90)
        // Lines 1 and 9 are browses within 90 days (line 2 is 91 days, line 7 after the as-of day);
        // line 3 is the one cart add; the last is 03-15 (line 7 does not count yet).
        #expect(a == BehaviourActivity(lastDay: Day(iso: "2026-03-15"), browses90d: 2, cartAdds90d: 1, recent: 3))
        #expect(a.daysSinceLast(asOf: Self.asOf) == 17)
        // The recent window is `asOf − day ≤ N`: 17 days counts line 9, 16 does not.
        #expect(history.activity(ofUser: "A", asOf: Self.asOf, recentDays: 17).recent == 1)
        #expect(history.activity(ofUser: "A", asOf: Self.asOf, recentDays: 16).recent == 0)
        // A day later the 01-01 events are 91 days old, and line 7 has happened.
        let later = history.activity(ofUser: "A", asOf: Self.asOf + 1, recentDays: 90)
        #expect(later == BehaviourActivity(lastDay: Day(iso: "2026-04-02"), browses90d: 2, cartAdds90d: 0, recent: 2))
        // B: one line standing for three cart adds, on the as-of day itself (epoch milliseconds: the UTC day).
        #expect(history.activity(ofUser: "B", asOf: Self.asOf, recentDays: 0)
                == BehaviourActivity(lastDay: Self.asOf, browses90d: 0, cartAdds90d: 3, recent: 3))
        // Before anything happened, and a user with no behaviour at all.
        #expect(history.activity(ofUser: "A", asOf: Day(iso: "2025-12-30")!, recentDays: 90) == BehaviourActivity())
        #expect(history.activity(ofUser: "nobody", asOf: Self.asOf, recentDays: 90) == BehaviourActivity())
    }

    @Test func everyLineIsAccountedForAndBadOnesKeepTheirLine() throws {
        let history = Self.read(Self.file)
        #expect(history.counts.lines == 10)
        #expect(history.counts.browseLines == 4 && history.counts.cartLines == 2)
        #expect(history.counts.ignored == 1 && history.counts.rejected == 3)
        #expect(history.rejected.map(\.line) == [5, 8, 10])
        #expect(history.rejected[0].reason == .badTimestamp(.impossibleDate))
        #expect(history.rejected[1].reason == .missingField(.user))
        guard case .invalidJSON = history.rejected[2].reason else {
            Issue.record("a half-written last line is invalid JSON, not \(history.rejected[2].reason)")
            return
        }
        #expect(history.rejected[0].formatted.hasPrefix("behaviour.jsonl:5: "))
        #expect(history.userIDs == ["A", "B"]) // the user of a rejected line is not kept
    }

    @Test func chunksOfAnySizeGiveTheSameResult() {
        let whole = Self.read(Self.file)
        for chunk in [1, 2, 7, 64] {
            let pieces = Self.read(Self.file, chunk: chunk)
            #expect(pieces.counts == whole.counts)
            #expect(pieces.rejected == whole.rejected)
            #expect(pieces.userIDs == whole.userIDs)
            for user in ["A", "B"] {
                #expect(pieces.activity(ofUser: user, asOf: Self.asOf, recentDays: 30)
                        == whole.activity(ofUser: user, asOf: Self.asOf, recentDays: 30))
            }
        }
    }

    @Test func badLinesOfEveryKindAreRejectedAsTheEventStreamRejectsThem() {
        let cases: [(String, EventRejection)] = [
            ("", .emptyLine),
            ("[1]", .notAnObject(found: .array)),
            (#"{"type":"browse","user":"A"}"#, .missingField(.ts)),
            (#"{"ts":0,"user":"A"}"#, .missingField(.type)),
            (#"{"ts":true,"type":"browse","user":"A"}"#, .wrongType(.ts, found: .boolean)),
            (#"{"ts":0,"type":"browse","user":7}"#, .wrongType(.user, found: .number)),
            (#"{"ts":0,"type":"browse","user":""}"#, .missingField(.user)),
            (#"{"ts":0,"type":"browse","user":"A","count":-1}"#, .negativeNumber(.count)),
            (#"{"ts":0,"type":"browse","user":"A","count":1.5}"#, .nonIntegerCount),
            (#"{"ts":"2026-03-02","type":"browse","user":"A"}"#, .badTimestamp(.notRFC3339)),
            (#"{"ts":"2026-03-02T10:00:00","type":"browse","user":"A"}"#, .badTimestamp(.missingOffset)),
            (#"{"ts":1.5,"type":"browse","user":"A"}"#, .badTimestamp(.fractionalMilliseconds)),
        ]
        for (line, reason) in cases {
            let history = Self.read(line + "\n")
            #expect(history.rejected.first?.reason == reason, "\(line)")
            // The event stream gives the same reason (its own parser, where it reads the line).
            var events = EventLineParser()
            if case .rejected(let eventReason) = events.parse(line), reason != .missingField(.user),
               reason != .wrongType(.user, found: .number) {
                #expect(eventReason == reason, "\(line)")
            }
        }
        // A type the stream does not know, without a user: not behaviour, so ignored, not rejected.
        #expect(Self.read(#"{"ts":0,"type":"page_view"}"#).counts.ignored == 1)
        // Epoch milliseconds before 1970 fall on the UTC day before (floor, not truncation).
        let early = Self.read(#"{"ts":-3600000,"type":"browse","user":"E"}"#)
        #expect(early.activity(ofUser: "E", asOf: Day(iso: "1970-01-01")!, recentDays: 0).lastDay == Day(iso: "1969-12-31"))
        // Escaped user ids and types are decoded: "\u0041" is A.
        let escaped = Self.read(#"{"ts":0,"type":"add\u005fto_cart","user":"\u0041"}"#)
        #expect(escaped.userIDs == ["A"] && escaped.counts.cartLines == 1)
    }

    @Test func theEventStreamSkipsBehaviourLinesWithoutTouchingKPIs() {
        // Today's stream counts an unknown type as skipped, never rejected (SPEC §3), so a
        // stream with browse and add_to_cart lines keeps its KPIs and can be the behaviour file too.
        var parser = EventLineParser()
        #expect(parser.parse(#"{"ts":0,"type":"browse","user":"A","channel":"web"}"#) == .skipped(typeName: "browse"))
        #expect(parser.parse(#"{"ts":0,"type":"add_to_cart","user":"A"}"#) == .skipped(typeName: "add_to_cart"))
        #expect(parser.symbols.channels.count == 0) // a skipped line leaves no channel behind
        let mixed = [#"{"ts":0,"type":"click","channel":"web","user":"A"}"#, #"{"ts":0,"type":"browse","user":"A"}"#]
        let history = Self.read(mixed.joined(separator: "\n"))
        #expect(history.counts.ignored == 1 && history.counts.browseLines == 1)
    }

    @Test func customersWithBehaviourButNoPurchaseAreKept() throws {
        let behaviour = Self.read(Self.file)
        let purchases = try readTransactions("customer_id,date,amount\nZ,2026-01-01,1\nA,2026-01-02,2\n")
        // Transactions' customers Z (index 0) and A (1): Z has no behaviour, A is user 0.
        let mapping = behaviour.indices(for: purchases.customerIDs)
        #expect(mapping == [-1, 0])
        #expect(behaviour.usersWithoutPurchases(mapping).map { behaviour.userIDs[$0] } == ["B"])
        #expect(behaviour.index(ofUser: "B") == 1)
    }

    @Test func readsAFileAndSaysWhenItCannot() throws {
        let path = NSTemporaryDirectory() + "behaviour-\(UUID().uuidString).jsonl"
        try Self.file.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let history = try BehaviourInput.history(path: path)
        #expect(history.counts == Self.read(Self.file).counts)
        #expect(history.rejected.first?.source == path)
        let missing = #expect(throws: BehaviourInput.ReadError.self) { try BehaviourInput.history(path: path + ".missing") }
        #expect(missing?.description == "cannot read \(path).missing: no such file (--behaviour)")
        #expect(history.summaryLine(source: "b.jsonl")
                == "behaviour b.jsonl (lines): browse 4, add_to_cart 2, other types ignored 1, rejected 3")
    }
}
