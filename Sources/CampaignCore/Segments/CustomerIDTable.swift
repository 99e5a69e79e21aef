import Foundation

/// Interns customer ids: each distinct id gets a dense index 0, 1, 2… in
/// order of first appearance, and its bytes are stored once.
///
/// Why not `[String: Int]`: that needs a String per row (ten million
/// allocations for a 10 M-row file) before the lookup can even start. This
/// table hashes the bytes in place, and a String is made only when an id is
/// printed. Open addressing with linear probing; each 16-byte slot carries the
/// id's first eight bytes, its length and 24 bits of its hash, so a lookup of
/// an id of up to eight bytes touches one cache line and nothing else (the
/// table is far bigger than the CPU caches for a million customers, so cache
/// misses are what a lookup costs). The slots live in `LargeAllocation`
/// memory: huge pages keep those misses from also being TLB misses.
final class CustomerIDTable {
    private struct Slot {
        /// The id's first eight bytes, zero-padded.
        var prefix: UInt64
        /// `hashTag(24) << 40 | min(length, 255) << 32 | (index + 1)`; 0 marks an empty slot.
        var meta: UInt64
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var slotMask: Int
    private var bytes: UnsafeMutablePointer<UInt8>
    private var bytesCapacity: Int
    private var bytesCount = 0
    /// Start of id `i` in `bytes`; one extra entry marks the end of the last.
    private var starts: [Int] = [0]

    var count: Int { starts.count - 1 }
    var storedBytes: UnsafePointer<UInt8> { UnsafePointer(bytes) }
    var storedByteCount: Int { bytesCount }
    var storedStarts: [Int] { starts }

    init(expectedCount: Int = 1 << 12) {
        var slotCount = 16
        while slotCount < expectedCount * 2 { slotCount <<= 1 }
        slots = Self.allocateSlots(slotCount)
        slotMask = slotCount - 1
        bytesCapacity = max(1024, expectedCount * 8)
        bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: bytesCapacity)
        starts.reserveCapacity(expectedCount + 1) // reserved, not touched: no regrowth copies
    }

    deinit {
        Self.deallocateSlots(slots, slotMask + 1)
        bytes.deallocate()
        batchHashes.deallocate()
    }

    /// The index of the id with these bytes, adding it when new.
    func intern(_ id: UnsafeRawBufferPointer) -> Int32 {
        intern(id, hash: ShortBytesHash.hash(id))
    }

    /// Interns `count` ids in order (so indices come out exactly as one at a
    /// time), writing each one's index to `indices`.
    ///
    /// Why in batches: a lookup is one cache miss into a table far bigger than
    /// the caches, and one at a time those misses queue up behind each other.
    /// Touching every id's home slot first lets the CPU fetch them all at once;
    /// the lookups that follow then find their lines already in cache.
    func intern(batch ids: UnsafePointer<UnsafeRawBufferPointer>, count: Int, indices: UnsafeMutablePointer<UInt32>) {
        precondition(count <= Self.batchLimit)
        let slots = self.slots, mask = self.slotMask
        var touched: UInt64 = 0
        for k in 0..<count {
            let hash = ShortBytesHash.hash(ids[k])
            batchHashes[k] = hash
            touched &+= slots[Int(truncatingIfNeeded: hash) & mask].meta
        }
        // Kept so the loads above are not optimised away.
        touchSink = touched
        for k in 0..<count {
            indices[k] = UInt32(truncatingIfNeeded: intern(ids[k], hash: batchHashes[k]))
        }
    }

    /// The largest batch `intern(batch:count:indices:)` takes.
    static let batchLimit = 64
    private let batchHashes = UnsafeMutablePointer<UInt64>.allocate(capacity: CustomerIDTable.batchLimit)
    private var touchSink: UInt64 = 0

    /// Maps every id of `other` to its index here, adding those not yet here
    /// in `other`'s order: after reading two halves of a file into two tables,
    /// absorbing the second into the first numbers every customer by first
    /// appearance in the whole file, as reading it in one piece would.
    func absorb(_ other: CustomerIDTable) -> [UInt32] {
        var mapping = [UInt32](repeating: 0, count: other.count)
        let ids = UnsafeMutablePointer<UnsafeRawBufferPointer>.allocate(capacity: Self.batchLimit)
        defer { ids.deallocate() }
        mapping.withUnsafeMutableBufferPointer { mapping in
            var first = 0
            while first < other.count {
                let count = min(Self.batchLimit, other.count - first)
                for k in 0..<count {
                    let lower = other.starts[first + k], upper = other.starts[first + k + 1]
                    ids[k] = UnsafeRawBufferPointer(start: other.bytes + lower, count: upper - lower)
                }
                intern(batch: ids, count: count, indices: mapping.baseAddress! + first)
                first += count
            }
        }
        return mapping
    }

    /// Hands back the lookup slots (most of the table's memory, and on a big
    /// file tens of MB that grouping can reuse) once every id is in; the ids
    /// stay readable, but nothing more can be interned.
    func releaseSlots() {
        Self.deallocateSlots(slots, slotMask + 1)
        slots = Self.allocateSlots(16)
        slotMask = 15
        isFrozen = true
    }

    private var isFrozen = false

    @inline(__always)
    private func intern(_ id: UnsafeRawBufferPointer, hash: UInt64) -> Int32 {
        precondition(!isFrozen, "interning after releaseSlots()")
        let prefix = Self.prefix(id)
        let key = (hash >> 40) << 40 | UInt64(min(id.count, 255)) << 32
        let slots = self.slots, mask = self.slotMask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry.meta == 0 { break }
            if entry.meta & ~0xFFFF_FFFF == key, entry.prefix == prefix {
                let index = Int(truncatingIfNeeded: entry.meta & 0xFFFF_FFFF) - 1
                if id.count <= 8 || restMatches(index, id) { return Int32(truncatingIfNeeded: index) }
            }
            slot = (slot + 1) & mask
        }
        let index = count
        precondition(index < Int(Int32.max), "more than 2 billion distinct customers")
        store(id)
        slots[slot] = Slot(prefix: prefix, meta: key | UInt64(index + 1))
        if count * 2 > mask { grow() }
        return Int32(truncatingIfNeeded: index)
    }

    /// The id as text (invalid UTF-8 is repaired, never trusted).
    func id(at index: Int) -> String {
        let lower = starts[index], upper = starts[index + 1]
        return String(decoding: UnsafeBufferPointer(start: bytes + lower, count: upper - lower), as: UTF8.self)
    }

    @inline(__always)
    private static func prefix(_ id: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = id.baseAddress else { return 0 }
        if id.count >= 8 { return base.loadUnaligned(as: UInt64.self) }
        var value: UInt64 = 0
        for i in 0..<id.count { value |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << (8 * UInt64(i)) }
        return value
    }

    /// Whether stored id `index` equals `id` (longer than eight bytes) in full.
    private func restMatches(_ index: Int, _ id: UnsafeRawBufferPointer) -> Bool {
        let lower = starts[index], upper = starts[index + 1]
        guard upper - lower == id.count, let base = id.baseAddress else { return false }
        return memcmp(bytes + lower, base, id.count) == 0
    }

    private func store(_ id: UnsafeRawBufferPointer) {
        if bytesCount + id.count > bytesCapacity {
            let grown = max(bytesCapacity * 2, bytesCount + id.count)
            let replacement = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            replacement.update(from: bytes, count: bytesCount)
            bytes.deallocate()
            bytes = replacement
            bytesCapacity = grown
        }
        if let base = id.baseAddress {
            (bytes + bytesCount).update(from: base.assumingMemoryBound(to: UInt8.self), count: id.count)
        }
        bytesCount += id.count
        starts.append(bytesCount)
    }

    /// Doubles the slot array, keeping the load factor at most one half.
    private func grow() {
        let oldSlots = slots, oldCount = slotMask + 1
        let newCount = oldCount * 2
        slots = Self.allocateSlots(newCount)
        slotMask = newCount - 1
        for old in 0..<oldCount where oldSlots[old].meta != 0 {
            let index = Int(truncatingIfNeeded: oldSlots[old].meta & 0xFFFF_FFFF) - 1
            let hash = ShortBytesHash.hash(UnsafeRawPointer(bytes + starts[index]), count: starts[index + 1] - starts[index])
            var slot = Int(truncatingIfNeeded: hash) & slotMask
            while slots[slot].meta != 0 { slot = (slot + 1) & slotMask }
            slots[slot] = oldSlots[old]
        }
        Self.deallocateSlots(oldSlots, oldCount)
    }

    /// Zeroed memory, and an all-zero slot is an empty one: no initialising pass.
    private static func allocateSlots(_ count: Int) -> UnsafeMutablePointer<Slot> {
        LargeAllocation.allocate(byteCount: count * MemoryLayout<Slot>.stride).bindMemory(to: Slot.self, capacity: count)
    }

    private static func deallocateSlots(_ slots: UnsafeMutablePointer<Slot>, _ count: Int) {
        LargeAllocation.deallocate(UnsafeMutableRawPointer(slots), byteCount: count * MemoryLayout<Slot>.stride)
    }
}
