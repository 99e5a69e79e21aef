import Testing
@testable import CampaignCore

/// Every rejection reason with its exact message. Byte positions are 1-based and
/// counted by hand in the comments.
@Suite struct EventRejectionTests {
    typealias F = EventFixture

    func rejection(bytes: [UInt8]) -> EventRejection? {
        var parser = EventLineParser()
        let outcome = bytes.withUnsafeBufferPointer { parser.parse($0) }
        guard case .rejected(let reason) = outcome else { return nil }
        return reason
    }

    @Test func emptyLines() {
        #expect(F.rejection("") == "empty line")
        #expect(F.rejection(" \t ") == "empty line")
        #expect(F.parse("") == .rejected(.emptyLine))
    }

    @Test func lineTooLong() {
        // The default limit is 16 MiB = 16 777 216 bytes.
        let tooLong = String(repeating: "x", count: 16_777_217)
        #expect(F.rejection(tooLong) == "line too long: 16777217 bytes (limit 16777216)")
        // Exactly at the limit the line is parsed (and is not JSON).
        #expect(F.rejection(String(repeating: "x", count: 16_777_216)) == "invalid JSON: expected '{' at byte 1")
        // A good line padded to exactly the limit is accepted.
        let prefix = #"{"ts":0,"type":"click","pad":""#
        let padded = prefix + String(repeating: "p", count: 16_777_216 - prefix.utf8.count - 2) + #""}"#
        #expect(padded.utf8.count == 16_777_216)
        #expect(F.record(padded) != nil)
        // A smaller limit (--max-line-bytes) is kept the same way.
        var small = EventLineParser(limits: EventLimits(maximumLineLength: 100))
        #expect(small.parse(String(repeating: "x", count: 101)) == .rejected(.lineTooLong(length: 101, limit: 100)))
        #expect(EventRejection.lineTooLong(length: 101, limit: 100).message == "line too long: 101 bytes (limit 100)")
    }

    @Test func invalidUTF8() {
        // {"ts":0,"type":"click","channel":"a is 35 bytes ({ 1, "ts" 2–5, : 6, 0 7, , 8,
        // "type" 9–14, : 15, "click" 16–22, , 23, "channel" 24–32, : 33, " 34, a 35);
        // the lone lead byte C3 (not followed by a continuation byte) is byte 36.
        let start = Array(#"{"ts":0,"type":"click","channel":"a"#.utf8)
        let end = Array(#""}"#.utf8)
        #expect(rejection(bytes: start + [0xC3] + end)?.message == "invalid UTF-8 at byte 36")
        #expect(rejection(bytes: start + [0xC0, 0x80] + end) == .invalidUTF8(at: 36))  // overlong NUL
        #expect(rejection(bytes: start + [0xE0, 0x80, 0xAF] + end) == .invalidUTF8(at: 36))  // overlong '/'
        #expect(rejection(bytes: start + [0xED, 0xA0, 0x80] + end) == .invalidUTF8(at: 36))  // surrogate D800
        #expect(rejection(bytes: start + [0xF4, 0x90, 0x80, 0x80] + end) == .invalidUTF8(at: 36))  // > U+10FFFF
        #expect(rejection(bytes: start + [0xF5] + end) == .invalidUTF8(at: 36))
        #expect(rejection(bytes: start + [0x80] + end) == .invalidUTF8(at: 36))  // stray continuation
        #expect(rejection(bytes: [0xFF, 0xFE, 0x7B]) == .invalidUTF8(at: 1))
        // Valid multi-byte sequences of every length pass: é (2), 中 (3), 🚀 (4).
        var parser = EventLineParser()
        let good = start + Array("é中🚀".utf8) + end
        #expect(good.withUnsafeBufferPointer { parser.parse($0) } != .rejected(.invalidUTF8(at: 36)))
        #expect(parser.symbols.channels.names == ["aé中🚀"])
    }

    @Test(arguments: [(String, String)]([
        // { 1, " 2, t 3, s 4, " 5, space 6, 1 7
        (#"{"ts" 1}"#, "invalid JSON: expected ':' at byte 7"),
        // 22 bytes, then the line ends: byte 23
        (#"{"ts":1,"type":"click""#, "invalid JSON: unexpected end of line at byte 23"),
        // {"ts":" is 7 bytes and 2026-03-02T10:00 16 more: 23 bytes, the end is byte 24
        (#"{"ts":"2026-03-02T10:00"#, "invalid JSON: unexpected end of line at byte 24"),
        (#"{"#, "invalid JSON: unexpected end of line at byte 2"),
        // ... 1 7, space 8, " 9
        (#"{"ts":1 "type":"click"}"#, "invalid JSON: expected ',' or '}' at byte 9"),
        (#"{"ts":1,}"#, "invalid JSON: expected a string key at byte 9"),
        (#"{ts:1}"#, "invalid JSON: expected a string key at byte 2"),
        (#"{'ts':1}"#, "invalid JSON: expected a string key at byte 2"),
        (#"{"ts":}"#, "invalid JSON: expected a value at byte 7"),
        (#"{"ts":01}"#, "invalid JSON: invalid number at byte 8"),
        (#"{"ts":1.}"#, "invalid JSON: invalid number at byte 9"),
        (#"{"ts":-}"#, "invalid JSON: invalid number at byte 8"),
        (#"{"ts":1e}"#, "invalid JSON: invalid number at byte 9"),
        (#"{"ts":+1}"#, "invalid JSON: expected a value at byte 7"),
        (#"{"ts":tru}"#, "invalid JSON: invalid literal at byte 7"),
        (#"{"ts":NaN}"#, "invalid JSON: expected a value at byte 7"),
        // { 1, " 2, a 3, " 4, : 5, " 6, \ 7
        (#"{"a":"\x"}"#, "invalid JSON: invalid escape sequence at byte 7"),
        (#"{"a":"\u12G4"}"#, "invalid JSON: invalid \\u escape at byte 7"),
        (#"{"a":"\u12"}"#, "invalid JSON: invalid \\u escape at byte 7"),
        (#"{"a":"\ud83d"}"#, "invalid JSON: unpaired surrogate in \\u escape at byte 7"),
        (#"{"a":"\ud83dx\ude80"}"#, "invalid JSON: unpaired surrogate in \\u escape at byte 7"),
        (#"{"a":"\ud83d\u0041"}"#, "invalid JSON: unpaired surrogate in \\u escape at byte 7"),
        (#"{"a":"\ude80"}"#, "invalid JSON: unpaired surrogate in \\u escape at byte 7"),
        // { 1, " 2, a 3, " 4, : 5, " 6, x 7, tab 8
        ("{\"a\":\"x\ty\"}", "invalid JSON: unescaped control character in string at byte 8"),
        (#"{"ts":1}x"#, "invalid JSON: unexpected data after the value at byte 9"),
        (#"{"ts":1}{"ts":2}"#, "invalid JSON: unexpected data after the value at byte 9"),
        // { 1, " 2, a 3, " 4, : 5, [ 6, 1 7, , 8, 2 9, } 10
        (#"{"a":[1,2}"#, "invalid JSON: expected ',' or ']' at byte 10"),
        (#"{"a":{"b" 1}}"#, "invalid JSON: expected ':' at byte 11"),
        (#"{"a":{"b":1,}}"#, "invalid JSON: expected a string key at byte 13"),
        (#"{"a":[1,]}"#, "invalid JSON: expected a value at byte 9"),
        ("hello", "invalid JSON: expected '{' at byte 1"),
        ("  }", "invalid JSON: expected '{' at byte 3"),
        (#"[1,2"#, "invalid JSON: unexpected end of line at byte 5"),
        (#"42 43"#, "invalid JSON: unexpected data after the value at byte 4"),
    ]))
    func invalidJSON(line: String, message: String) {
        #expect(F.rejection(line) == message)
    }

    @Test func nestingHasNoDepthLimit() {
        // Unknown keys are skipped whatever they hold (see EventLongLineTests for deeper).
        let deep = #"{"ts":0,"type":"click","a":"# + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "}"
        #expect(F.record(deep) != nil)
        // Without ts and type the same line is missing its fields, not too deep.
        #expect(F.rejection(#"{"a":"# + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "}") == "missing 'ts'")
    }

    @Test func notAnObject() {
        #expect(F.rejection("[1,2]") == "not a JSON object: found an array")
        #expect(F.rejection(" 42 ") == "not a JSON object: found a number")
        #expect(F.rejection(#""ts""#) == "not a JSON object: found a string")
        #expect(F.rejection("null") == "not a JSON object: found null")
        #expect(F.rejection("true") == "not a JSON object: found a boolean")
    }

    @Test func missingFields() {
        #expect(F.rejection(#"{"type":"click"}"#) == "missing 'ts'")
        #expect(F.rejection(#"{"ts":0}"#) == "missing 'type'")
        #expect(F.rejection("{}") == "missing 'ts'")
        #expect(F.rejection(#"{"TS":0,"Type":"click"}"#) == "missing 'ts'")  // keys are case-sensitive
    }

    @Test func wrongTypes() {
        let ts = "wrong type for 'ts': expected an RFC 3339 string or integer epoch milliseconds, found"
        #expect(F.rejection(#"{"ts":true,"type":"click"}"#) == ts + " a boolean")
        #expect(F.rejection(#"{"ts":null,"type":"click"}"#) == ts + " null")
        #expect(F.rejection(#"{"ts":{"s":1},"type":"click"}"#) == ts + " an object")
        #expect(F.rejection(#"{"ts":0,"type":1}"#) == "wrong type for 'type': expected a string, found a number")
        #expect(F.rejection(#"{"ts":0,"type":null}"#) == "wrong type for 'type': expected a string, found null")
        #expect(F.rejection(#"{"ts":0,"type":"click","channel":5}"#) == "wrong type for 'channel': expected a string, found a number")
        #expect(F.rejection(#"{"ts":0,"type":"click","segment":["vip"]}"#) == "wrong type for 'segment': expected a string, found an array")
        #expect(F.rejection(#"{"ts":0,"type":"click","campaign":{}}"#) == "wrong type for 'campaign': expected a string, found an object")
        #expect(F.rejection(#"{"ts":0,"type":"click","user":123}"#) == "wrong type for 'user': expected a string, found a number")
        #expect(F.rejection(#"{"ts":0,"type":"click","count":"3"}"#) == "wrong type for 'count': expected a non-negative integer, found a string")
        #expect(F.rejection(#"{"ts":0,"type":"click","count":true}"#) == "wrong type for 'count': expected a non-negative integer, found a boolean")
        #expect(F.rejection(#"{"ts":0,"type":"spend","amount":"1.5"}"#) == "wrong type for 'amount': expected a non-negative number, found a string")
    }

    @Test func negativeNumbers() {
        #expect(F.rejection(#"{"ts":0,"type":"click","count":-1}"#) == "negative 'count'")
        #expect(F.rejection(#"{"ts":0,"type":"click","count":-1.5}"#) == "negative 'count'")
        #expect(F.rejection(#"{"ts":0,"type":"spend","amount":-0.01}"#) == "negative 'amount'")
        #expect(F.rejection(#"{"ts":0,"type":"spend","amount":-1e-9}"#) == "negative 'amount'")  // even if it rounds to 0
        #expect(F.parse(#"{"ts":0,"type":"spend","amount":-0.0}"#) != .rejected(.negativeNumber(.amount)))
    }

    @Test func nonIntegerCount() {
        #expect(F.rejection(#"{"ts":0,"type":"click","count":1.5}"#) == "'count' must be an integer")
        #expect(F.rejection(#"{"ts":0,"type":"click","count":1e-1}"#) == "'count' must be an integer")
        #expect(F.rejection(#"{"ts":0,"type":"click","count":0.0000000001}"#) == "'count' must be an integer")
    }

    @Test func outOfRange() {
        #expect(F.rejection(#"{"ts":0,"type":"click","count":1000000000001}"#) == "'count' out of range (at most 1e12)")
        #expect(F.rejection(#"{"ts":0,"type":"click","count":1e300}"#) == "'count' out of range (at most 1e12)")
        #expect(F.rejection(#"{"ts":0,"type":"click","count":99999999999999999999999}"#) == "'count' out of range (at most 1e12)")
        // Amounts: at most 1e15 (it was 1e12 when sums were 64-bit).
        #expect(F.rejection(#"{"ts":0,"type":"spend","amount":1e16}"#) == "'amount' out of range (at most 1e15)")
        #expect(F.rejection(#"{"ts":0,"type":"spend","amount":1000000000000000.000000001}"#) == "'amount' out of range (at most 1e15)")
        #expect(F.rejection(#"{"ts":0,"type":"spend","amount":1e999999999999}"#) == "'amount' out of range (at most 1e15)")
    }

    @Test func communityActiveNeedsUser() {
        #expect(F.rejection(#"{"ts":0,"type":"community_active"}"#) == "'community_active' requires 'user'")
        #expect(F.rejection(#"{"ts":0,"type":"community_active","user":null}"#) == "'community_active' requires 'user'")
        #expect(F.rejection(#"{"ts":0,"type":"community_active","user":""}"#) == "'community_active' requires 'user'")
    }

    @Test func firstProblemInFieldOrderIsReported() {
        // ts is checked before type, type before count, count before amount.
        #expect(F.rejection(#"{"count":-1,"type":5,"ts":"x"}"#) == "bad timestamp: not RFC 3339 (expected e.g. 2026-03-02T10:00:00+08:00)")
        #expect(F.rejection(#"{"amount":-1,"count":-1,"type":"click","ts":0}"#) == "negative 'count'")
        // Syntax comes before any field: a broken line is invalid JSON, not "missing 'type'".
        // {"ts":0, is 8 bytes and "typ 4 more: the end is byte 13.
        #expect(F.rejection(#"{"ts":0,"typ"#) == "invalid JSON: unexpected end of line at byte 13")
    }

    @Test func rejectedLinesInternNothing() {
        var parser = EventLineParser()
        _ = parser.parse(#"{"ts":0,"type":"click","channel":"ghost","count":-1}"#)
        #expect(parser.symbols.channels.count == 0)
    }

    @Test func everyKindHasADistinctName() {
        #expect(Set(EventRejectionKind.allCases.map(\.rawValue)).count == EventRejectionKind.allCases.count)
        #expect(EventRejection.lineTooLong(length: 5, limit: 4).kind == .lineTooLong)
        #expect(EventRejection.invalidJSON(.expectedColon, at: 3).kind == .invalidJSON)
    }
}
