/// Per-minute counters of every leaf for the last day of event time, in one
/// ring shared by all leaves, so memory stays fixed however long the stream
/// runs and is proportional to what it holds.
///
/// Each of the 1,440 slots remembers which minute it holds (a stale slot is
/// never mistaken for a recent one) and keeps an entry only for the leaves
/// that had data in that minute. Why shared, not one ring per leaf: a full
/// ring is 1,440 counters (about 92 KB) whether the leaf saw one event or a
/// million, so 50,000 channel names seen once took 4.6 GB. Here a leaf seen
/// once costs one entry, and closing a minute visits only the leaves that had
/// data in it rather than every leaf.
struct MinuteRing: Sendable {
    static let capacity = 1_440
    /// Above this many entries a slot finds leaves through a dictionary.
    private static let scanLimit = 16

    private struct Slot: Sendable {
        var minute: Int64 = .min
        var leaves: [Int32] = []
        var counters: [KPICounters] = []
        /// Leaf -> position, built once the slot is too big to scan.
        var positions: [Int32: Int32]?

        func position(of leaf: Int32) -> Int? {
            if let positions { return positions[leaf].map(Int.init) }
            return leaves.firstIndex(of: leaf)
        }
    }

    private var slots = [Slot](repeating: Slot(), count: MinuteRing.capacity)
    /// Per leaf: the minute of its latest entry and where that entry is, so a
    /// leaf's next event in the same minute (the common case) needs no search.
    private var lastMinute: [Int64] = []
    private var lastPosition: [Int32] = []

    @inline(__always)
    private static func slot(_ minute: Int64) -> Int {
        Int(((minute % Int64(capacity)) + Int64(capacity)) % Int64(capacity))
    }

    /// Makes room for one more leaf (ids are dense, in order).
    mutating func appendLeaf() {
        lastMinute.append(.min)
        lastPosition.append(0)
    }

    /// The counters of `leaf` in `minute`, or zero if the ring no longer (or never) held it.
    func counters(leaf: Int, at minute: Int64) -> KPICounters {
        let slot = slots[MinuteRing.slot(minute)]
        guard slot.minute == minute, let position = slot.position(of: Int32(leaf)) else { return .zero }
        return slot.counters[position]
    }

    /// Calls `body` with each leaf that had data in `minute`, and its counters.
    @inline(__always)
    func forEach(at minute: Int64, _ body: (Int, KPICounters) -> Void) {
        let s = MinuteRing.slot(minute)
        guard slots[s].minute == minute else { return }
        slots[s].leaves.withUnsafeBufferPointer { leaves in
            slots[s].counters.withUnsafeBufferPointer { counters in
                for i in leaves.indices { body(Int(leaves[i]), counters[i]) }
            }
        }
    }

    /// Adds to `leaf` in `minute`, reclaiming the slot if it held an older minute.
    @inline(__always)
    mutating func add(leaf: Int, _ type: EventType, count: Int64, amount: Money, at minute: Int64) {
        let s = MinuteRing.slot(minute)
        if slots[s].minute != minute {
            slots[s].minute = minute
            slots[s].leaves.removeAll(keepingCapacity: true)
            slots[s].counters.removeAll(keepingCapacity: true)
            slots[s].positions = nil
        }
        let position = position(of: leaf, inSlot: s, minute: minute)
        slots[s].counters[position].add(type, count: count, amount: amount)
    }

    /// Where `leaf`'s entry in slot `s` is, making one if it has none.
    @inline(__always)
    private mutating func position(of leaf: Int, inSlot s: Int, minute: Int64) -> Int {
        let newest = lastMinute[leaf]
        if newest == minute { return Int(lastPosition[leaf]) }
        let id = Int32(truncatingIfNeeded: leaf)
        let position: Int
        // A minute after the leaf's newest entry cannot hold the leaf yet (an
        // entry there would be its newest), so only a late event searches.
        // Measured need: on a stream whose leaves come in no order almost every
        // event is its leaf's first in its minute, and that search (through a
        // dictionary kept up to date once a slot held 16 leaves) was 3 % of
        // `kpi`'s CPU. The dictionary is now made by the first search that
        // needs it.
        if minute > newest {
            position = append(id, inSlot: s)
        } else if let found = search(id, inSlot: s) {
            position = found
        } else {
            position = append(id, inSlot: s)
        }
        // Only the newest minute is remembered: a late event does not displace it.
        if minute > newest {
            lastMinute[leaf] = minute
            lastPosition[leaf] = Int32(position)
        }
        return position
    }

    /// A new entry for `id` in slot `s` (which does not hold it).
    @inline(__always)
    private mutating func append(_ id: Int32, inSlot s: Int) -> Int {
        let position = slots[s].leaves.count
        slots[s].leaves.append(id)
        slots[s].counters.append(.zero)
        if slots[s].positions != nil { slots[s].positions![id] = Int32(position) }
        return position
    }

    /// Where `id`'s entry in slot `s` is, if it has one; a slot too big to
    /// scan gets its position table first.
    private mutating func search(_ id: Int32, inSlot s: Int) -> Int? {
        if slots[s].positions == nil && slots[s].leaves.count > MinuteRing.scanLimit {
            var positions = [Int32: Int32](minimumCapacity: slots[s].leaves.count * 2)
            for (i, leaf) in slots[s].leaves.enumerated() where positions[leaf] == nil { positions[leaf] = Int32(i) }
            slots[s].positions = positions
        }
        return slots[s].position(of: id)
    }

    /// Leaves the ring has room for.
    var leafCount: Int { lastMinute.count }

    /// Entries held, over all slots (for tests: memory follows the data).
    var entryCount: Int { slots.reduce(0) { $0 + $1.leaves.count } }
}

// MARK: Snapshot (MonitorFold+Snapshot)

extension MinuteRing {
    /// The slots that hold a minute; the per-leaf shortcuts are rebuilt from
    /// them and the slots' position tables when first searched.
    func write(_ out: inout SnapshotWriter) {
        let held = slots.enumerated().filter { $0.element.minute != .min }
        out.int(lastMinute.count)
        out.int(held.count)
        for (index, slot) in held {
            out.int(index)
            out.i64(slot.minute)
            out.int(slot.leaves.count)
            for leaf in slot.leaves { out.i32(leaf) }
            out.counterList(slot.counters)
        }
    }

    init(_ input: inout SnapshotReader) throws {
        self.init()
        let leafCount = try input.count(minimumSize: 0)
        for _ in 0..<leafCount { appendLeaf() }
        for _ in 0..<(try input.count(minimumSize: 24)) {
            let index = try input.int()
            guard slots.indices.contains(index) else { throw SnapshotReader.Malformed() }
            var slot = Slot()
            slot.minute = try input.i64()
            guard MinuteRing.slot(slot.minute) == index else { throw SnapshotReader.Malformed() }
            for _ in 0..<(try input.count(minimumSize: 4)) {
                let leaf = try input.i32()
                guard leaf >= 0, Int(leaf) < leafCount else { throw SnapshotReader.Malformed() }
                slot.leaves.append(leaf)
            }
            slot.counters = try input.counterList()
            guard slot.counters.count == slot.leaves.count else { throw SnapshotReader.Malformed() }
            // The shortcut to each leaf's newest entry, which the ring relies
            // on (a leaf is never searched for after its newest minute).
            for (i, leaf) in slot.leaves.enumerated() where slot.minute > lastMinute[Int(leaf)] {
                lastMinute[Int(leaf)] = slot.minute
                lastPosition[Int(leaf)] = Int32(i)
            }
            slots[index] = slot
        }
    }
}
