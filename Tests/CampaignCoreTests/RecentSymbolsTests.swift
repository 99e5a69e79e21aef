import Testing
@testable import CampaignCore

/// The symbol table behind its cache of recent short names (512 slots)
/// against a Dictionary that gives ids in order of first sight: names of
/// 1–20 bytes (the cache holds 1–16), names that differ in one middle byte
/// (covered by neither of the two overlapping loads alone), far more names
/// than slots, in random order, and a copy interning on its own.
@Suite struct RecentSymbolsTests {
    @Test func internGivesWhatADictionaryGives() {
        var rng = SplitMix64(seed: 512)
        let alphabet = Array("abcdefghij-_0123456789é".utf8)
        var names: [[UInt8]] = []
        for n in 0..<3_000 {
            let length = 1 + n % 20
            var bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            if n % 3 == 0, let previous = names.last, previous.count == length, length > 2 {
                bytes = previous
                bytes[length / 2] = bytes[length / 2] == 0x61 ? 0x62 : 0x61  // one middle byte differs
            }
            names.append(bytes)
        }
        var table = SymbolTable()
        var reference: [[UInt8]: Int32] = [:]
        var snapshot: (table: SymbolTable, count: Int)? = nil
        for step in 0..<60_000 {
            // Mostly a small working set (as a stream repeats its names), now and then any name.
            let pick = rng.next() % 4 == 0 ? Int(rng.next() % UInt64(names.count)) : Int(rng.next() % 600)
            let name = names[pick]
            let expected = reference[name] ?? Int32(reference.count)
            reference[name] = expected
            let got = name.withUnsafeBufferPointer { table.intern($0) }
            #expect(got == expected, "step \(step): \(String(decoding: name, as: UTF8.self))")
            if step == 30_000 { snapshot = (table, table.count) }
        }
        #expect(table.count == reference.count)
        // The copy taken half way kept its own names and cache.
        var copy = snapshot!.table
        #expect(copy.count == snapshot!.count)
        for (name, id) in reference where Int(id) < snapshot!.count {
            #expect(name.withUnsafeBufferPointer { copy.intern($0) } == id)
        }
        #expect(copy.count == snapshot!.count)
    }
}
