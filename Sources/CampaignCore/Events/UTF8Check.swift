/// Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing
/// above U+10FFFF. The stream is UTF-8; checking the whole line first
/// means every string the parser later takes from it is valid, so names can be
/// built with `String(decoding:)` without silent repair.
enum UTF8Check {
    /// The 0-based offset of the first byte of the first invalid sequence, or nil.
    static func firstInvalid(_ p: UnsafePointer<UInt8>, count: Int) -> Int? {
        var i = 0
        while true {
            // Fast path: event lines are almost always ASCII. Four words OR'd
            // together need one branch per 32 bytes instead of four.
            while i + 32 <= count {
                let w = UnsafeRawPointer(p + i)
                let any = w.loadUnaligned(as: UInt64.self) | w.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | w.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | w.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if SWAR.hasNonASCII(any) { break }
                i += 32
            }
            while i + 8 <= count, !SWAR.hasNonASCII(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) {
                i += 8
            }
            while i < count, p[i] < 0x80 { i += 1 }
            guard i < count else { return nil }
            guard let length = sequenceLength(p, i, count) else { return i }
            i += length
        }
    }

    /// The length of the valid multi-byte sequence at `i`, or nil.
    private static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Int? {
        let lead = p[i]
        @inline(__always) func continuation(_ k: Int) -> Bool { i + k < count && p[i + k] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return nil }
            let second = p[i + 1]
            if lead == 0xE0 && second < 0xA0 { return nil }  // overlong
            if lead == 0xED && second > 0x9F { return nil }  // UTF-16 surrogate
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return nil }
            let second = p[i + 1]
            if lead == 0xF0 && second < 0x90 { return nil }  // overlong
            if lead == 0xF4 && second > 0x8F { return nil }  // above U+10FFFF
            return 4
        default:
            return nil  // stray continuation byte, C0/C1 (overlong), F5...FF
        }
    }
}
