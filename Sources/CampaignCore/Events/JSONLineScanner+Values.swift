/// Numbers, literals and the values of unknown keys: validated and skipped, since
/// the event needs none of them beyond their extent.
extension JSONLineScanner {
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    func scanNumber(_ i: inout Int) throws(JSONFailure) {
        var j = i
        if p[j] == UInt8(ascii: "-") { j += 1 }
        guard j < end, isASCIIDigit(p[j]) else { throw JSONFailure(error: .invalidNumber, at: j) }
        if p[j] == UInt8(ascii: "0") {
            j += 1
            // A leading zero may not be followed by more digits ("01").
            if j < end, isASCIIDigit(p[j]) { throw JSONFailure(error: .invalidNumber, at: j) }
        } else {
            while j < end, isASCIIDigit(p[j]) { j += 1 }
        }
        if j < end, p[j] == UInt8(ascii: ".") {
            j += 1
            guard j < end, isASCIIDigit(p[j]) else { throw JSONFailure(error: .invalidNumber, at: j) }
            while j < end, isASCIIDigit(p[j]) { j += 1 }
        }
        if j < end, p[j] | 0x20 == UInt8(ascii: "e") {
            j += 1
            if j < end, p[j] == UInt8(ascii: "+") || p[j] == UInt8(ascii: "-") { j += 1 }
            guard j < end, isASCIIDigit(p[j]) else { throw JSONFailure(error: .invalidNumber, at: j) }
            while j < end, isASCIIDigit(p[j]) { j += 1 }
        }
        i = j
    }

    func scanLiteral(_ i: inout Int, _ literal: StaticString) throws(JSONFailure) {
        let count = literal.utf8CodeUnitCount
        guard i + count <= end else { throw JSONFailure(error: .invalidLiteral, at: i) }
        let bytes = literal.utf8Start
        for k in 0..<count where p[i + k] != bytes[k] {
            throw JSONFailure(error: .invalidLiteral, at: i)
        }
        i += count
    }

    func skipObject(_ i: inout Int, depth: Int) throws(JSONFailure) {
        guard depth <= Self.maximumDepth else { throw JSONFailure(error: .nestingTooDeep, at: i) }
        i += 1
        skipWhitespace(&i)
        if i < end, p[i] == UInt8(ascii: "}") {
            i += 1
            return
        }
        while true {
            guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
            guard p[i] == UInt8(ascii: "\"") else { throw JSONFailure(error: .expectedKey, at: i) }
            _ = try scanString(&i)
            skipWhitespace(&i)
            guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
            guard p[i] == UInt8(ascii: ":") else { throw JSONFailure(error: .expectedColon, at: i) }
            i += 1
            skipWhitespace(&i)
            _ = try scanValue(&i, depth: depth)
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

    func skipArray(_ i: inout Int, depth: Int) throws(JSONFailure) {
        guard depth <= Self.maximumDepth else { throw JSONFailure(error: .nestingTooDeep, at: i) }
        i += 1
        skipWhitespace(&i)
        if i < end, p[i] == UInt8(ascii: "]") {
            i += 1
            return
        }
        while true {
            _ = try scanValue(&i, depth: depth)
            skipWhitespace(&i)
            guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
            let c = p[i]
            i += 1
            if c == UInt8(ascii: ",") {
                skipWhitespace(&i)
                continue
            }
            if c == UInt8(ascii: "]") { return }
            throw JSONFailure(error: .expectedCommaOrBracket, at: i - 1)
        }
    }
}

@inline(__always)
func isASCIIDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }
