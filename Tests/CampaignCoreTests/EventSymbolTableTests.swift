import Testing
@testable import CampaignCore

@Suite struct EventSymbolTableTests {
    @Test func internReturnsStableDenseIds() {
        var table = SymbolTable()
        #expect(table.intern("douyin") == 0)
        #expect(table.intern("wechat") == 1)
        #expect(table.intern("douyin") == 0)
        #expect(table.count == 2)
        #expect(table.name(1) == "wechat")
        #expect(table.name(-1) == nil && table.name(2) == nil)
        #expect(table.id(of: "wechat") == 1 && table.id(of: "weibo") == nil)
    }

    @Test func manyNamesSurviveGrowth() {
        var table = SymbolTable()
        // Names of every length 1…40 (all hash tail paths) and common prefixes.
        let names = (0..<20_000).map { "n\($0)" + String(repeating: "x", count: $0 % 40) }
        for (index, name) in names.enumerated() { #expect(table.intern(name) == Int32(index)) }
        for (index, name) in names.enumerated() where index % 7 == 0 { #expect(table.intern(name) == Int32(index)) }
        #expect(table.names == names)
        #expect(SymbolTable(names) == table)
    }

    @Test func bytesNotStringsAreCompared() {
        var table = SymbolTable()
        // "é" precomposed (C3 A9) and decomposed (65 CC 81) are different bytes, so different names.
        #expect(table.intern("\u{E9}") == 0)
        #expect(table.intern("e\u{301}") == 1)
        #expect(table.intern("") == 2)
        #expect(table.intern("") == 2)
    }

    @Test func hashIsStableAndSpreads() {
        // Fixed seed: the same bytes hash the same in every process (user ids are compared
        // across restarts).
        #expect(ByteHash.user("u123456") == ByteHash.user("u123456"))
        let hashes = Set((0..<100_000).map { ByteHash.user("u\($0)") })
        #expect(hashes.count == 100_000)
        #expect(!hashes.contains(0))
    }

    @Test func packedKeysMatchTheirNames() {
        for field in EventField.allCases {
            var key = field.key
            #expect(key.withUTF8 { EventField.matching($0) } == field)
        }
        var near = "count!"
        #expect(near.withUTF8 { EventField.matching($0) } == nil)
    }
}
