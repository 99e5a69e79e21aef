/// Interns names (channel, segment or campaign ids) as dense `Int32` ids.
///
/// Why hand-rolled rather than `[String: Int32]`: the parser sees the raw bytes of
/// a name on every line, and building a String to look it up would allocate per
/// line. Here a name is hashed and compared as bytes; only the first sighting of a
/// name copies its bytes and builds its String, once. Ids are given out in order
/// of first sighting, so merging per-thread tables in file order reproduces the
/// serial ids exactly (see `ParallelEventReader`).
public struct SymbolTable: Sendable, Equatable {
    /// All interned names' bytes, back to back.
    private var arena: [UInt8] = []
    /// Per id: start of its bytes in `arena`; the end is the next id's start.
    private var starts: [Int] = [0]
    /// Per id: its name, built once on interning.
    public private(set) var names: [String] = []
    /// Open addressing, linear probing: slot -> id + 1 (0 = empty).
    private var slots: [Int32] = Array(repeating: 0, count: 64)
    /// Per id: its hash, so growing and probing never rehash bytes.
    private var hashes: [UInt64] = []
    /// The last few short names looked up; skips hashing and probing for them.
    private var recent = RecentSymbols()

    public init() {}

    /// Builds a table holding `names` in order (ids 0, 1, …; duplicates keep the first).
    public init(_ names: [String]) {
        for name in names { _ = intern(name) }
    }

    public var count: Int { names.count }

    /// The name of `id`; `nil` for `EventRecord.noSymbol` or an id not in the table.
    public func name(_ id: Int32) -> String? {
        id >= 0 && Int(id) < names.count ? names[Int(id)] : nil
    }

    /// The id of `name`, if it was interned.
    public func id(of name: String) -> Int32? {
        var name = name
        return name.withUTF8 { find($0, hash: Self.hash($0)) }
    }

    /// The id of `bytes`, if they were interned.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(bytes, hash: Self.hash(bytes))
    }

    public static func == (lhs: SymbolTable, rhs: SymbolTable) -> Bool { lhs.names == rhs.names }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.isEmpty ? 0 : ByteHash.hash(UnsafeRawPointer(bytes.baseAddress!), count: bytes.count)
    }

    /// The id of `bytes`, interning them on first sight. A short name met lately is
    /// answered by `recent`; other already-seen names cost one hash and one byte
    /// comparison. Neither allocates.
    @inline(__always)
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let key = RecentSymbols.Key(bytes)
        if let key, let id = recent.id(for: key) { return id }
        let h = Self.hash(bytes)
        let id = find(bytes, hash: h) ?? insert(bytes, hash: h)
        if let key { recent.remember(key, id: id) }
        return id
    }

    public mutating func intern(_ name: String) -> Int32 {
        var name = name
        return name.withUTF8 { intern($0) }
    }

    /// Whether `bytes` was interned.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        find(bytes, hash: Self.hash(bytes)) != nil
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let id = Int(entry - 1)
                if hashes[id] == h && equals(id, bytes) { return Int32(id) }
                slot = (slot + 1) & mask
            }
        }
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        let length = starts[id + 1] - start
        guard length == bytes.count else { return false }
        if length == 0 { return true }
        return arena.withUnsafeBufferPointer { arena in
            memoryEqual(arena.baseAddress! + start, bytes.baseAddress!, length)
        }
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32 {
        let id = names.count
        precondition(id < Int(Int32.max - 1), "symbol table full")
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(h)
        // The parser validated the bytes as UTF-8; decoding cannot repair anything.
        names.append(String(decoding: bytes, as: UTF8.self))
        if (id + 1) * 2 > slots.count { grow() } else { place(id) }
        return Int32(id)
    }

    private mutating func place(_ id: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[id]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(id + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for id in 0..<names.count { place(id) }
    }
}

/// Byte equality of two short ranges; a plain loop beats a libc call for ids of a
/// few bytes and keeps this file free of platform imports.
@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i + 8 <= count {
        let x = UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
        let y = UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
        if x != y { return false }
        i += 8
    }
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
