/// Where and why a line stopped being valid JSON; `at` is a 0-based byte offset.
struct JSONFailure: Error {
    var error: JSONSyntaxError
    var at: Int
}

/// Where a known field's value sits in the line. For strings, `start..<end` is the
/// text between the quotes; for other kinds, the whole token.
struct ValueSpan {
    var start: Int
    var end: Int
    var kind: JSONValueKind
    /// Whether the string contains a backslash escape and must be decoded.
    var escaped: Bool
    var present: Bool

    static let absent = ValueSpan(start: 0, end: 0, kind: .null, escaped: false, present: false)
}

/// The first pass over a line: validates the full JSON syntax (RFC 8259) and notes
/// where the values of the known keys are, without converting anything. Converting
/// only after the whole object is known to be valid gives "duplicate keys: last
/// wins" for free and means a truncated line is reported as invalid JSON rather
/// than as whatever field happens to be missing.
///
/// Works on raw pointers with no allocation; the line was validated as UTF-8
/// already, so bytes >= 0x80 inside strings need no further checks.
struct JSONLineScanner {
    let p: UnsafePointer<UInt8>
    let end: Int

    @inline(__always)
    func skipWhitespace(_ i: inout Int) {
        while i < end {
            let c = p[i]
            // space, \t, \n, \r
            guard c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D else { return }
            i += 1
        }
    }

    /// Scans the object starting at `i` (which holds `{`), recording known fields.
    func scanEventObject(_ i: inout Int, into spans: inout InlineArray<8, ValueSpan>) throws(JSONFailure) {
        i += 1
        skipWhitespace(&i)
        guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
        if p[i] == UInt8(ascii: "}") {
            i += 1
            return
        }
        while true {
            guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
            guard p[i] == UInt8(ascii: "\"") else { throw JSONFailure(error: .expectedKey, at: i) }
            let keyStart = i + 1
            let keyEscaped = try scanString(&i)
            let field = keyEscaped ? decodedField(keyStart, i - 1) : rawField(keyStart, i - 1)
            skipWhitespace(&i)
            guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
            guard p[i] == UInt8(ascii: ":") else { throw JSONFailure(error: .expectedColon, at: i) }
            i += 1
            skipWhitespace(&i)
            guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
            if p[i] == UInt8(ascii: "\"") {
                let start = i + 1
                let escaped = try scanString(&i)
                if let field {
                    spans[field.rawValue] = ValueSpan(start: start, end: i - 1, kind: .string, escaped: escaped, present: true)
                }
            } else {
                let start = i
                let kind = try scanValue(&i)
                if let field {
                    spans[field.rawValue] = ValueSpan(start: start, end: i, kind: kind, escaped: false, present: true)
                }
            }
            skipWhitespace(&i)
            guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
            let c = p[i]
            i += 1
            if c == UInt8(ascii: ",") {
                skipWhitespace(&i)
                continue
            }
            if c == UInt8(ascii: "}") { return }
            throw JSONFailure(error: .expectedCommaOrBrace, at: i - 1)
        }
    }

    @inline(__always)
    private func rawField(_ start: Int, _ keyEnd: Int) -> EventField? {
        let length = keyEnd - start
        guard length >= 2, length <= 8 else { return nil }
        // One load instead of a byte loop when 8 bytes are inside the line (a key is
        // followed by at least `":` and a value, so this is the common case).
        guard start + 8 <= end else {
            return EventField.matching(UnsafeBufferPointer(start: p + start, count: length))
        }
        let word = UInt64(littleEndian: UnsafeRawPointer(p + start).loadUnaligned(as: UInt64.self))
        return EventField.matching(packed: word & (~UInt64(0) >> UInt64(64 - 8 * length)))
    }

    /// A key written with escapes (`"\u0074s"` is `ts`): rare, so decoded on the stack.
    private func decodedField(_ start: Int, _ end: Int) -> EventField? {
        JSONStringDecoder.withDecoded(UnsafeBufferPointer(start: p + start, count: end - start)) {
            EventField.matching($0)
        }
    }

    /// Scans any value at `i`, leaving `i` just after it.
    func scanValue(_ i: inout Int) throws(JSONFailure) -> JSONValueKind {
        guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
        switch p[i] {
        case UInt8(ascii: "\""):
            _ = try scanString(&i)
            return .string
        case UInt8(ascii: "{"):
            try skipContainer(&i)
            return .object
        case UInt8(ascii: "["):
            try skipContainer(&i)
            return .array
        case UInt8(ascii: "t"):
            try scanLiteral(&i, "true")
            return .boolean
        case UInt8(ascii: "f"):
            try scanLiteral(&i, "false")
            return .boolean
        case UInt8(ascii: "n"):
            try scanLiteral(&i, "null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber(&i)
            return .number
        default:
            throw JSONFailure(error: .expectedValue, at: i)
        }
    }

    /// Scans the string whose opening quote is at `i`; leaves `i` after the closing
    /// quote. Returns whether it contains escapes. Escapes are validated here,
    /// including surrogate pairing, so decoding later cannot fail.
    @inline(__always)
    func scanString(_ i: inout Int) throws(JSONFailure) -> Bool {
        var j = i + 1
        var escaped = false
        while true {
            // Fast path: plain bytes 8 at a time, jumping straight to the first quote,
            // backslash or control character.
            while j + 8 <= end {
                let special = SWAR.specialStringBytes(UInt64(littleEndian: UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)))
                if special != 0 {
                    j += special.trailingZeroBitCount >> 3
                    break
                }
                j += 8
            }
            guard j < end else { throw JSONFailure(error: .unexpectedEnd, at: end) }
            let c = p[j]
            if c == UInt8(ascii: "\"") {
                i = j + 1
                return escaped
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                j = try scanEscape(at: j)
                continue
            }
            if c < 0x20 { throw JSONFailure(error: .controlCharacterInString, at: j) }
            j += 1
        }
    }

    /// Validates the escape whose backslash is at `j`; returns the index after it.
    private func scanEscape(at j: Int) throws(JSONFailure) -> Int {
        guard j + 1 < end else { throw JSONFailure(error: .unexpectedEnd, at: end) }
        switch p[j + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return j + 2
        case UInt8(ascii: "u"):
            let unit = try hex4(at: j)
            if unit >= 0xDC00 && unit <= 0xDFFF { throw JSONFailure(error: .unpairedSurrogate, at: j) }
            guard unit >= 0xD800 && unit <= 0xDBFF else { return j + 6 }
            // A high surrogate must be followed at once by an escaped low surrogate.
            guard j + 7 < end, p[j + 6] == UInt8(ascii: "\\"), p[j + 7] == UInt8(ascii: "u") else {
                throw JSONFailure(error: .unpairedSurrogate, at: j)
            }
            let low = try hex4(at: j + 6)
            guard low >= 0xDC00 && low <= 0xDFFF else { throw JSONFailure(error: .unpairedSurrogate, at: j) }
            return j + 12
        default:
            throw JSONFailure(error: .invalidEscape, at: j)
        }
    }

    /// The 4 hex digits after `\u` at `j`.
    private func hex4(at j: Int) throws(JSONFailure) -> UInt32 {
        guard j + 6 <= end else { throw JSONFailure(error: .invalidUnicodeEscape, at: j) }
        var value: UInt32 = 0
        for k in 2..<6 {
            guard let digit = JSONStringDecoder.hexValue(p[j + k]) else {
                throw JSONFailure(error: .invalidUnicodeEscape, at: j)
            }
            value = value << 4 | digit
        }
        return value
    }
}
