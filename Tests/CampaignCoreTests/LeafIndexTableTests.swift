import Testing
@testable import CampaignCore

/// The store's leaf index table against Swift's Dictionary as the second
/// implementation: every key found with its index, every absent key not found,
/// through many growths, with keys that share their low bits.
@Suite struct LeafIndexTableTests {
    @Test func findsWhatADictionaryFinds() {
        var generator = SystemRandomNumberGenerator()
        var table = LeafIndexTable()
        var reference: [Int64: Int] = [:]
        var keys: [Int64] = []
        for n in 0..<40_000 {
            let key: Int64
            switch n % 4 {
            case 0: key = LeafKey(channel: Int32(n % 12), segment: Int32(n % 300), campaign: Int32(n % 5)).packed
            case 1: key = Int64(n) << 42 // same low bits
            case 2: key = Int64.random(in: 0...(1 << 62), using: &generator)
            default: key = LeafKey(channel: -1, segment: Int32(n), campaign: -1).packed // "no name" ids
            }
            guard reference[key] == nil else { continue }
            reference[key] = reference.count
            table.insert(key, index: reference[key]!)
            keys.append(key)
        }
        #expect(table.count == reference.count)
        for key in keys { #expect(table.index(of: key) == reference[key]) }
        for _ in 0..<10_000 {
            let key = Int64.random(in: 0...(1 << 62), using: &generator)
            #expect(table.index(of: key) == reference[key])
        }
    }
}
