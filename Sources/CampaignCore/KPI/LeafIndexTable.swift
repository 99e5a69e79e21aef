/// A leaf's packed key (`LeafKey.packed`, never negative) to its index in
/// the store's leaf arrays: open addressing, linear probing, a multiplicative
/// hash, at most half full.
///
/// Hand-written for speed, the measured need: on the generic benchmark file
/// (18,000 leaves, events in no leaf order, so the last-leaf shortcut rarely
/// hits) the store's `[Int64: Int]` lookup — SipHash, then probing — was 7 %
/// of `kpi`'s CPU, all of it on the one thread that folds.
///
/// In front of it, a `LeafGrid` answers for keys whose symbol ids are small
/// (every stream we know of): the table's 18,000 keys take 768 KB spread over
/// 65,536 slots, and each lookup was a cache miss (9 % of `kpi`'s CPU on the
/// generic file); the grid holds the same leaves in 94 KB.
struct LeafIndexTable: Sendable {
    private static let empty: Int64 = -1
    private var keys: [Int64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0
    private var grid = LeafGrid()

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
        let cell = grid.cell(of: key)
        if cell >= 0 {
            let index = grid.cells[cell]
            return index >= 0 ? Int(index) : nil
        }
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
        if !grid.set(key, index: Int32(index)) { growGrid(toHold: key) }
    }

    /// Widens the grid to cover `key` (each extent at least doubled, so a
    /// stream naming new ids one by one rebuilds it a logarithmic number of
    /// times) unless it would exceed `LeafGrid.maximumCells`; keys outside it
    /// stay in the table alone.
    private mutating func growGrid(toHold key: Int64) {
        let wanted = LeafGrid.coordinates(of: key)
        var extents = grid.extents
        for d in 0..<3 where wanted[d] >= extents[d] { extents[d] = max(wanted[d] + 1, extents[d] * 2) }
        guard extents[0] * extents[1] * extents[2] <= LeafGrid.maximumCells else { return }
        grid = LeafGrid(extents: extents)
        for (key, value) in zip(keys, values) where key != Self.empty { _ = grid.set(key, index: value) }
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

/// A direct map from a leaf's three symbol ids to its index: one cell per
/// combination of ids below the extents (cell `(c × segments + s) × campaigns
/// + k`, each id shifted by one so that "no name", -1, is 0), -1 where no
/// leaf is. Covers every key whose ids are within the extents, so a key there
/// and not in a cell is in no leaf at all.
struct LeafGrid: Sendable {
    /// 4 MB of cells at most; beyond, leaves go to the hash table only.
    static let maximumCells = 1 << 20
    // Three stored extents, not an array: the lookup reads them on every event.
    private var channels = 0, segments = 0, campaigns = 0
    private(set) var cells: [Int32] = []

    init() {}

    init(extents: [Int]) {
        (channels, segments, campaigns) = (extents[0], extents[1], extents[2])
        cells = Array(repeating: -1, count: channels * segments * campaigns)
    }

    var extents: [Int] { [channels, segments, campaigns] }

    /// A packed key's ids plus one (`LeafKey.packed` keeps 21 bits of each).
    static func coordinates(of key: Int64) -> [Int] {
        [Int((key >> 42 &+ 1) & 0x1F_FFFF), Int((key >> 21 &+ 1) & 0x1F_FFFF), Int((key &+ 1) & 0x1F_FFFF)]
    }

    /// The key's cell, or -1 when it lies outside the extents.
    @inline(__always)
    func cell(of key: Int64) -> Int {
        let c = Int((key >> 42 &+ 1) & 0x1F_FFFF), s = Int((key >> 21 &+ 1) & 0x1F_FFFF), k = Int((key &+ 1) & 0x1F_FFFF)
        return c < channels && s < segments && k < campaigns ? (c * segments + s) * campaigns + k : -1
    }

    /// Records the key's index; false when the key lies outside the extents.
    mutating func set(_ key: Int64, index: Int32) -> Bool {
        let cell = cell(of: key)
        guard cell >= 0 else { return false }
        cells[cell] = index
        return true
    }
}
