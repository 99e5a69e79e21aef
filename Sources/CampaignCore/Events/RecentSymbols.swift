/// A small direct-mapped cache in front of a `SymbolTable`: short name bytes -> id.
///
/// Why: a stream repeats a handful of channel, segment and campaign ids on every
/// line, and the table's lookup (hash with two wide multiplies, probe, compare
/// against the arena) was a tenth of the parse. Names of 1–16 bytes are held
/// here exactly as (length, two words), so a hit is a few loads and compares.
/// Entries only ever map bytes to the id the table gave them, and table ids never
/// change, so a hit returns exactly what the table would.
///
/// 512 slots (16 KB), not 8: a stream with 300 segments (the generic benchmark
/// file) missed on nearly every segment and half its channels, and the
/// table's lookup behind the misses was 4 % of `kpi`'s CPU.
struct RecentSymbols: Sendable {
    static let slotBits = 9
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

        /// One of the slots, from the top bits of one multiply.
        @inline(__always)
        var slot: Int {
            Int(truncatingIfNeeded: ((a ^ b &+ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - RecentSymbols.slotBits))
        }
    }

    private struct Entry: Sendable {
        var key: Key
        var id: Int32
    }

    /// Length 0 never matches a key, so the initial entries are empty.
    /// Allocated on first use: most tables (a parser's for each dimension,
    /// the merged ones) stay small, and copies of them share it until written.
    private var entries: [Entry] = []

    @inline(__always)
    func id(for key: Key) -> Int32? {
        entries.withUnsafeBufferPointer { entries in
            guard !entries.isEmpty else { return nil }
            let entry = entries[key.slot]
            return entry.key == key ? entry.id : nil
        }
    }

    @inline(__always)
    mutating func remember(_ key: Key, id: Int32) {
        if entries.isEmpty {
            entries = Array(repeating: Entry(key: Key(empty: ()), id: -1), count: 1 << RecentSymbols.slotBits)
        }
        let slot = key.slot
        entries.withUnsafeMutableBufferPointer { $0[slot] = Entry(key: key, id: id) }
    }
}

extension RecentSymbols.Key {
    fileprivate init(empty: Void) {
        a = 0
        b = 0
        length = 0
    }
}
