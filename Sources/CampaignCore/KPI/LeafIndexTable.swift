/// A leaf's packed key (`LeafKey.packed`, never negative) to its index in
/// the store's leaf arrays: open addressing, linear probing, a multiplicative
/// hash, at most half full.
///
/// Hand-written for speed, the measured need: on the generic benchmark file
/// (18,000 leaves, events in no leaf order, so the last-leaf shortcut rarely
/// hits) the store's `[Int64: Int]` lookup — SipHash, then probing — was 7 %
/// of `kpi`'s CPU, all of it on the one thread that folds.
struct LeafIndexTable: Sendable {
    private static let empty: Int64 = -1
    private var keys: [Int64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init() {
        keys = Array(repeating: Self.empty, count: 64)
        values = Array(repeating: 0, count: 64)
        mask = 63
    }

    @inline(__always)
    private static func slot(_ key: Int64, _ mask: Int) -> Int {
        // Fibonacci hashing: the high bits of the product mix every bit of the key.
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    func index(of key: Int64) -> Int? {
        var i = Self.slot(key, mask)
        while true {
            let found = keys[i]
            if found == key { return Int(values[i]) }
            if found == Self.empty { return nil }
            i = (i + 1) & mask
        }
    }

    /// Adds a key not yet in the table.
    mutating func insert(_ key: Int64, index: Int) {
        precondition(key >= 0 && index <= Int(Int32.max))
        if (count + 1) * 2 > keys.count { grow() }
        var i = Self.slot(key, mask)
        while keys[i] != Self.empty { i = (i + 1) & mask }
        keys[i] = key
        values[i] = Int32(index)
        count += 1
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty { insert(key, index: Int(value)) }
    }
}
