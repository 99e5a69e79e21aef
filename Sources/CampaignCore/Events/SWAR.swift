/// Byte tests on 8 bytes at once ("SIMD within a register"): the parser's inner
/// loops skip plain ASCII text a word at a time. The formulas are the classic
/// exact "does any byte …" tests (Hacker's Delight / Bit Twiddling Hacks).
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// High bits marking bytes that end a plain run inside a JSON string: `"`, `\`
    /// or a control character. Only the lowest marked byte is exact (a borrow can
    /// mark bytes above a true match), which is all a scanner needs: the index of
    /// the first special byte is `trailingZeroBitCount / 8` (little-endian loads).
    @inline(__always)
    static func specialStringBytes(_ word: UInt64) -> UInt64 {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroes = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        let controls = (word &- ones &* 0x20) & ~word
        return (zeroes | controls) & highBits
    }

    /// Whether any byte has its high bit set (is not ASCII).
    @inline(__always)
    static func hasNonASCII(_ word: UInt64) -> Bool { word & highBits != 0 }
}
