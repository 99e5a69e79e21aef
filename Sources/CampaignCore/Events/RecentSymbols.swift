/// A small direct-mapped cache in front of a `SymbolTable`: short name bytes -> id.
///
/// Why: a stream repeats a handful of channel, segment and campaign ids on every
/// line, and the table's lookup (hash with two wide multiplies, probe, compare
/// against the arena) was a tenth of the parse. Names of 1–16 bytes are held
/// here exactly as (length, two words), so a hit is a few loads and compares.
/// Entries only ever map bytes to the id the table gave them, and table ids never
/// change, so a hit returns exactly what the table would.
struct RecentSymbols: Sendable {
    /// The exact content of a 1–16 byte name: with the length known, the two
    /// (possibly overlapping) loads cover every byte, as in `ByteHash`'s tail.
    struct Key: Equatable, Sendable {
        var a: UInt64
        var b: UInt64
        var length: Int

        @inline(__always)
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            let n = bytes.count
            guard n > 0, n <= 16, let base = bytes.baseAddress else { return nil }
            let p = UnsafeRawPointer(base)
            length = n
            if n >= 8 {
                a = p.loadUnaligned(as: UInt64.self)
                b = p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 {
                a = UInt64(p.loadUnaligned(as: UInt32.self))
                b = UInt64(p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            } else {
                a = UInt64(base[0]) << 16 | UInt64(base[n >> 1]) << 8 | UInt64(base[n - 1])
                b = 0
            }
        }

        /// One of 8 slots, from the top bits of one multiply.
        @inline(__always)
        var slot: Int { Int(truncatingIfNeeded: ((a ^ b &+ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> 61) }
    }

    private struct Entry: Sendable {
        var key: Key
        var id: Int32
    }

    /// Length 0 never matches a key, so the initial entries are empty.
    private var entries = InlineArray<8, Entry>(repeating: Entry(key: Key(empty: ()), id: -1))

    @inline(__always)
    func id(for key: Key) -> Int32? {
        let entry = entries[key.slot]
        return entry.key == key ? entry.id : nil
    }

    @inline(__always)
    mutating func remember(_ key: Key, id: Int32) {
        entries[key.slot] = Entry(key: key, id: id)
    }
}

extension RecentSymbols.Key {
    fileprivate init(empty: Void) {
        a = 0
        b = 0
        length = 0
    }
}
