/// A set of user hashes (`ByteHash.user`) for `DistinctCounter`'s exact
/// phase: open addressing, linear probing, at most three quarters full.
///
/// Why not `Set<UInt64>`: its SipHash of every inserted value was most of
/// the cost of a `community_active` event (four sets each: the day's channel,
/// segment, campaign and total) — about 4 % of `kpi`'s CPU on the generic
/// benchmark file. The values are hashes already; one multiply spreads them
/// over the slots.
struct UserHashSet: Sendable {
    /// 0 marks an empty slot; the value 0 itself is held by `hasZero`.
    private var slots: [UInt64] = []
    private var hasZero = false
    private(set) var count = 0

    init() {}

    init(minimumCapacity: Int) {
        var size = 8
        while size * 3 < minimumCapacity * 4 { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    @inline(__always)
    private static func slot(_ value: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Adds `value`; whether it was new.
    @discardableResult
    mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            guard !hasZero else { return false }
            hasZero = true
            count += 1
            return true
        }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let mask = slots.count - 1
        var i = Self.slot(value, mask)
        while true {
            let found = slots[i]
            if found == value { return false }
            if found == 0 { break }
            i = (i + 1) & mask
        }
        slots[i] = value
        count += 1
        return true
    }

    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return hasZero }
        guard !slots.isEmpty else { return false }
        let mask = slots.count - 1
        var i = Self.slot(value, mask)
        while true {
            let found = slots[i]
            if found == value { return true }
            if found == 0 { return false }
            i = (i + 1) & mask
        }
    }

    /// Every value, in no particular order.
    var values: [UInt64] { (hasZero ? [0] : []) + slots.filter { $0 != 0 } }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: max(8, old.count * 2))
        let mask = slots.count - 1
        for value in old where value != 0 {
            var i = Self.slot(value, mask)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = value
        }
    }
}
