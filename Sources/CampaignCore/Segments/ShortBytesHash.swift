/// A fast 64-bit hash of a short byte string (customer ids, whole CSV rows).
///
/// Why not `Hasher`: it is seeded per process and needs a `Hashable` value,
/// which for bytes means building a String per row; ten million rows make
/// that the slowest step. This reads eight bytes at a time and mixes with
/// multiply-rotate, finishing with SplitMix64's finaliser.
enum ShortBytesHash {
    @inline(__always)
    static func hash(_ start: UnsafeRawPointer, count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        var offset = 0
        while offset + 8 <= count {
            let word = start.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h = (h << 27) | (h >> 37)
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(start.load(fromByteOffset: offset, as: UInt8.self)) << shift
                shift += 8
                offset += 1
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 30
        h &*= 0xBF58_476D_1CE4_E5B9
        h ^= h >> 27
        h &*= 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return h
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = bytes.baseAddress else { return hash(UnsafeRawPointer(bitPattern: 1)!, count: 0) }
        return hash(base, count: bytes.count)
    }
}
