import Testing
@testable import CampaignCore

/// Shared by the Event*Tests files: parse with a fresh parser.
enum EventFixture {
    /// 2026-03-02T10:00:00+08:00 = 2026-03-02T02:00:00Z.
    /// Days 1970-01-01 → 2026-01-01: 56 years × 365 + 14 leap days (1972 … 2024) = 20 454;
    /// + 31 (Jan) + 28 (Feb) + 1 = 20 514 days → 20 514 × 86 400 = 1 772 409 600 s;
    /// + 2 h = 7 200 s → 1 772 416 800 s → 1 772 416 800 000 ms.
    static let march2at2UTC: Int64 = 1_772_416_800_000

    static func parse(_ line: String) -> EventLineOutcome {
        var parser = EventLineParser()
        return parser.parse(line)
    }

    static func record(_ line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> EventRecord? {
        guard case .event(let record) = parse(line) else {
            Issue.record("not an event: \(parse(line))", sourceLocation: sourceLocation)
            return nil
        }
        return record
    }

    static func rejection(_ line: String) -> String? {
        guard case .rejected(let reason) = parse(line) else { return nil }
        return reason.message
    }
}

@Suite struct EventLineParserTests {
    typealias F = EventFixture

    @Test func typicalLineHasEveryField() throws {
        var parser = EventLineParser()
        let outcome = parser.parse(
            #"{"ts":"2026-03-02T10:00:00+08:00","type":"click","channel":"douyin","segment":"vip","campaign":"spring-2026","user":"u123456","count":1}"#
        )
        guard case .event(let r) = outcome else { Issue.record("\(outcome)"); return }
        #expect(r.timestamp == F.march2at2UTC)
        #expect(r.type == .click)
        #expect(r.channel == 0 && r.segment == 0 && r.campaign == 0)
        #expect(parser.symbols.channels.name(r.channel) == "douyin")
        #expect(parser.symbols.segments.name(r.segment) == "vip")
        #expect(parser.symbols.campaigns.name(r.campaign) == "spring-2026")
        #expect(r.user == ByteHash.user("u123456"))
        #expect(r.count == 1)
        #expect(r.hasAmount == false && r.amount == .zero)
    }

    @Test func minimalLineTakesDefaults() throws {
        let r = try #require(F.record(#"{"ts":0,"type":"impression"}"#))
        #expect(r == EventRecord(timestamp: 0, type: .impression))
        #expect(r.channel == -1 && r.segment == -1 && r.campaign == -1 && r.user == 0 && r.count == 1)
    }

    @Test(arguments: EventType.allCases)
    func everyTypeName(type: EventType) throws {
        let user = type == .communityActive ? #","user":"m1""# : ""
        let r = try #require(F.record(#"{"ts":0,"type":"\#(type.name)"\#(user)}"#))
        #expect(r.type == type)
    }

    @Test func typeNamesAreExact() {
        #expect(F.parse(#"{"ts":0,"type":"Click"}"#) == .skipped(typeName: "Click"))
        #expect(F.parse(#"{"ts":0,"type":"clicks"}"#) == .skipped(typeName: "clicks"))
        #expect(F.parse(#"{"ts":0,"type":"community_activ"}"#) == .skipped(typeName: "community_activ"))
        #expect(F.parse(#"{"ts":0,"type":""}"#) == .skipped(typeName: ""))
    }

    @Test func unknownTypeIsSkippedEvenWithFieldsOfOtherShapes() {
        // A newer producer's event may carry fields we would reject; it is skipped, not rejected.
        #expect(F.parse(#"{"ts":0,"type":"story_view","count":"lots","amount":{"x":1}}"#) == .skipped(typeName: "story_view"))
    }

    @Test func countAndAmount() throws {
        let r = try #require(F.record(#"{"ts":0,"type":"conversion","count":3,"amount":19.99}"#))
        #expect(r.count == 3)
        #expect(r.hasAmount && r.amount == Money(micros: 19_990_000))
        // An explicit zero is present, unlike a missing amount.
        let zero = try #require(F.record(#"{"ts":0,"type":"spend","amount":0}"#))
        #expect(zero.hasAmount && zero.amount == .zero)
        // Integer-valued spellings of a count are integers: 1.0 = 1, 2e3 = 2 000, 1.00e1 = 10;
        // 2500E-3 = 2.5 is not.
        #expect(F.record(#"{"ts":0,"type":"click","count":1.0}"#)?.count == 1)
        #expect(F.record(#"{"ts":0,"type":"click","count":2e3}"#)?.count == 2_000)
        #expect(F.rejection(#"{"ts":0,"type":"click","count":2500E-3}"#) == "'count' must be an integer")
        #expect(F.record(#"{"ts":0,"type":"click","count":1.00e1}"#)?.count == 10)
        #expect(F.record(#"{"ts":0,"type":"click","count":0}"#)?.count == 0)
        #expect(F.record(#"{"ts":0,"type":"click","count":-0}"#)?.count == 0)  // -0 is not negative
        #expect(F.record(#"{"ts":0,"type":"community_members","count":1000000000000}"#)?.count == 1_000_000_000_000)
    }

    @Test func nullOptionalFieldsAreAbsent() throws {
        let r = try #require(
            F.record(#"{"ts":0,"type":"click","channel":null,"segment":null,"campaign":null,"user":null,"count":null,"amount":null}"#))
        #expect(r == EventRecord(timestamp: 0, type: .click))
    }

    @Test func emptyNamesAreAbsent() throws {
        let r = try #require(F.record(#"{"ts":0,"type":"click","channel":"","user":""}"#))
        #expect(r.channel == EventRecord.noSymbol && r.user == EventRecord.noUser)
    }

    @Test func keysInAnyOrderAndWhitespaceAnywhere() throws {
        let compact = try #require(F.record(#"{"ts":"2026-03-02T02:00:00Z","type":"spend","channel":"wechat","amount":5,"count":2}"#))
        let shuffled = try #require(
            F.record(" \t{ \"count\" : 2 ,\r\"amount\":5 , \"channel\"\t:\"wechat\",\"type\" :\"spend\",  \"ts\":\"2026-03-02T02:00:00Z\" }\t "))
        #expect(compact == shuffled)
        #expect(compact.timestamp == EventFixture.march2at2UTC)
    }

    @Test func unknownKeysAndNestedValuesAreSkipped() throws {
        let line = #"{"meta":{"a":[1,2,{"b":"}"}],"c":{}},"ts":0,"list":[[],[[]],"]",-1.5e-3,true,false,null],"# +
            #""type":"click","flag":true,"none":null,"n":-0.0E+0,"s":"x\"y","channel":"a"}"#
        let r = try #require(F.record(line))
        #expect(r.type == .click && r.channel == 0 && r.timestamp == 0)
    }

    @Test func duplicateKeysLastWins() throws {
        var parser = EventLineParser()
        let outcome = parser.parse(#"{"ts":0,"type":"impression","channel":"a","type":"click","channel":"b","count":"x","count":4}"#)
        guard case .event(let r) = outcome else { Issue.record("\(outcome)"); return }
        #expect(r.type == .click && r.count == 4)
        #expect(parser.symbols.channels.names == ["b"])  // "a" was never interned
    }

    @Test func escapesInStringsAreDecoded() throws {
        var parser = EventLineParser()
        // \u00e9 = é (C3 A9); \ud83d\ude80 = U+1F680 🚀 (F0 9F 9A 80); \" \\ \/ \t.
        let outcome = parser.parse(
            #"{"ts":0,"type":"cl\u0069ck","channel":"caf\u00e9","segment":"a\"b\\c\/d\te","campaign":"\ud83d\ude80 go","user":"\u0075\u0031"}"#)
        guard case .event(let r) = outcome else { Issue.record("\(outcome)"); return }
        #expect(r.type == .click)
        #expect(parser.symbols.channels.name(r.channel) == "café")
        #expect(parser.symbols.segments.name(r.segment) == "a\"b\\c/d\te")
        #expect(parser.symbols.campaigns.name(r.campaign) == "🚀 go")
        #expect(r.user == ByteHash.user("u1"))
    }

    @Test func escapedAndRawSpellingsInternToOneSymbol() throws {
        var parser = EventLineParser()
        _ = parser.parse(#"{"ts":0,"type":"click","channel":"café"}"#)
        _ = parser.parse(#"{"ts":0,"type":"click","channel":"caf\u00E9"}"#)
        _ = parser.parse(#"{"ts":0,"type":"click","channel":"\u0063af\u00e9"}"#)
        #expect(parser.symbols.channels.names == ["café"])
    }

    @Test func escapedKeysAreMatched() throws {
        // "\u0074s" is "ts"; "typ\u0065" is "type".
        let r = try #require(F.record(#"{"\u0074s":5,"typ\u0065":"reach"}"#))
        #expect(r.timestamp == 5 && r.type == .reach)
    }

    @Test func nonASCIINamesAreKeptAsUTF8() throws {
        var parser = EventLineParser()
        let outcome = parser.parse(#"{"ts":0,"type":"reach","channel":"小红书","segment":"新客"}"#)
        guard case .event(let r) = outcome else { Issue.record("\(outcome)"); return }
        #expect(parser.symbols.channels.name(r.channel) == "小红书")
        #expect(parser.symbols.segments.name(r.segment) == "新客")
    }

    @Test func internedIdsAreDenseInOrderOfFirstSighting() {
        var parser = EventLineParser()
        var ids: [Int32] = []
        for name in ["douyin", "wechat", "douyin", "weibo", "wechat"] {
            if case .event(let r) = parser.parse(#"{"ts":0,"type":"click","channel":"\#(name)"}"#) { ids.append(r.channel) }
        }
        #expect(ids == [0, 1, 0, 2, 1])
        #expect(parser.symbols.channels.names == ["douyin", "wechat", "weibo"])
        #expect(parser.symbols.segments.count == 0)
    }

    @Test func userHashDependsOnlyOnTheBytes() throws {
        let a = try #require(F.record(#"{"ts":0,"type":"click","user":"u123456"}"#))
        let b = try #require(F.record(#"{"user":"u123456","type":"reach","ts":9}"#))
        let c = try #require(F.record(#"{"ts":0,"type":"click","user":"u123457"}"#))
        #expect(a.user == b.user && a.user != c.user && a.user != 0)
    }

    @Test func communityActiveWithUser() throws {
        let r = try #require(F.record(#"{"ts":0,"type":"community_active","user":"m-42"}"#))
        #expect(r.type == .communityActive && r.user == ByteHash.user("m-42"))
    }

    @Test func trailingCarriageReturnIsWhitespace() throws {
        #expect(F.record("{\"ts\":0,\"type\":\"click\"}\r") != nil)
    }
}
