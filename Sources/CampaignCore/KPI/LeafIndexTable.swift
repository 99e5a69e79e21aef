/// A leaf's packed key (`LeafKey.packed`, never negative) to its index in
/// the store's leaf arrays: open addressing, linear probing, a multiplicative
/// hash, at most half full.
///
/// Hand-written for speed, the measured need: on the generic benchmark file
/// (18,000 leaves, events in no leaf order, so the last-leaf shortcut rarely
/// hits) the store's `[Int64: Int]` lookup — SipHash, then probing — was 7 %
/// of `kpi`'s CPU, all of it on the one thread that folds.
///
/// Each slot holds its key and its index side by side (16 bytes): with keys
/// and indexes in two arrays a lookup missed the cache twice, and the first
/// of those misses alone was a quarter of `KPIStore.add` on that file.
struct LeafIndexTable: Sendable {
    private static let empty: Int64 = -1
    private struct Slot {
        var key: Int64
        var index: Int32
    }
    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init() {
        slots = Array(repeating: Slot(key: Self.empty, index: 0), count: 64)
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
            let found = slots[i]
            if found.key == key { return Int(found.index) }
            if found.key == Self.empty { return nil }
            i = (i + 1) & mask
        }
    }

    /// Adds a key not yet in the table.
    mutating func insert(_ key: Int64, index: Int) {
        precondition(key >= 0 && index <= Int(Int32.max))
        if (count + 1) * 2 > slots.count { grow() }
        var i = Self.slot(key, mask)
        while slots[i].key != Self.empty { i = (i + 1) & mask }
        slots[i] = Slot(key: key, index: Int32(index))
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: Self.empty, index: 0), count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for slot in old where slot.key != Self.empty { insert(slot.key, index: Int(slot.index)) }
    }
}
