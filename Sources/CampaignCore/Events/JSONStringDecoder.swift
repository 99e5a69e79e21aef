/// Decodes the escapes of a JSON string body into UTF-8. Only strings that contain
/// a backslash come here (rare in event streams), so the decoded bytes live in a
/// temporary stack allocation and the common path never copies.
enum JSONStringDecoder {
    /// Calls `body` with the decoded bytes of `raw`, the text between the quotes.
    /// `raw` was validated by `JSONLineScanner.scanString`, so every escape is
    /// well formed and every surrogate paired.
    static func withDecoded<R>(_ raw: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // Each escape decodes to no more bytes than it occupies (`\uXXXX` = 6 bytes
        // for at most 3; a surrogate pair = 12 bytes for 4), so raw.count suffices.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(raw.count, 1)) { out in
            var i = 0
            var n = 0
            while i < raw.count {
                let c = raw[i]
                guard c == UInt8(ascii: "\\") else {
                    out[n] = c
                    n += 1
                    i += 1
                    continue
                }
                let e = raw[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "b"): out[n] = 0x08
                case UInt8(ascii: "f"): out[n] = 0x0C
                case UInt8(ascii: "n"): out[n] = 0x0A
                case UInt8(ascii: "r"): out[n] = 0x0D
                case UInt8(ascii: "t"): out[n] = 0x09
                case UInt8(ascii: "u"):
                    var scalar = hex4(raw, i)
                    i += 4
                    if scalar >= 0xD800 && scalar <= 0xDBFF {
                        let low = hex4(raw, i + 2)
                        i += 6
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    n += encode(scalar, into: out.baseAddress! + n)
                    continue
                default: out[n] = e  // \" \\ \/
                }
                n += 1
            }
            return body(UnsafeBufferPointer(start: out.baseAddress, count: n))
        }
    }

    private static func hex4(_ raw: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in i..<(i + 4) { value = value << 4 | (hexValue(raw[k]) ?? 0) }
        return value
    }

    /// UTF-8 encodes `scalar` (a valid scalar value) at `out`; returns the length.
    private static func encode(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            out[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            out[0] = UInt8(0xC0 | scalar >> 6)
            out[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            out[0] = UInt8(0xE0 | scalar >> 12)
            out[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            out[0] = UInt8(0xF0 | scalar >> 18)
            out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }

    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
