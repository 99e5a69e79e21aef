/// A fast, fixed-seed 64-bit hash of short byte strings (names and user ids).
///
/// Why not `Hasher`: it is randomly seeded per process, and user hashes must be
/// stable across runs (they are compared across restarts and may be persisted);
/// it also costs more per call than the few multiplies needed for 5–20 byte ids.
/// The mixing follows the wyhash/murmur pattern: 8 bytes per step, unaligned loads,
/// overlapping loads for the tail so no byte beyond the string is ever read.
public enum ByteHash {
    @usableFromInline static let k0: UInt64 = 0x9E37_79B9_7F4A_7C15
    @usableFromInline static let k1: UInt64 = 0xBF58_476D_1CE4_E5B9
    @usableFromInline static let k2: UInt64 = 0x94D0_49BB_1331_11EB

    @inlinable @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// The hash of `count` bytes at `base`.
    @inlinable
    public static func hash(_ base: UnsafeRawPointer, count: Int) -> UInt64 {
        var h = k0 ^ (UInt64(truncatingIfNeeded: count) &* k1)
        var p = base
        var remaining = count
        while remaining > 16 {
            let a = p.loadUnaligned(as: UInt64.self)
            let b = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            h = mix(a ^ k1 ^ h, b ^ k2)
            p += 16
            remaining -= 16
        }
        var a: UInt64 = 0
        var b: UInt64 = 0
        if remaining >= 8 {
            // Two overlapping 8-byte loads cover 8...16 bytes.
            a = p.loadUnaligned(as: UInt64.self)
            b = p.loadUnaligned(fromByteOffset: remaining - 8, as: UInt64.self)
        } else if remaining >= 4 {
            a = UInt64(p.loadUnaligned(as: UInt32.self))
            b = UInt64(p.loadUnaligned(fromByteOffset: remaining - 4, as: UInt32.self))
        } else if remaining > 0 {
            let first = UInt64(p.load(as: UInt8.self))
            let middle = UInt64(p.load(fromByteOffset: remaining >> 1, as: UInt8.self))
            let last = UInt64(p.load(fromByteOffset: remaining - 1, as: UInt8.self))
            a = (first << 16) | (middle << 8) | last
        }
        h = mix(a ^ k1 ^ h, b ^ k2 ^ UInt64(truncatingIfNeeded: remaining))
        return mix(h ^ k0, k2)
    }

    /// The hash of a user id's bytes; never `EventRecord.noUser` (0).
    @inlinable
    public static func user(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let h = bytes.isEmpty ? k0 : hash(UnsafeRawPointer(bytes.baseAddress!), count: bytes.count)
        return h == 0 ? 1 : h
    }

    /// The hash of a user id as the stream would carry it (for tests and lookups).
    public static func user(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { user($0) }
    }
}
