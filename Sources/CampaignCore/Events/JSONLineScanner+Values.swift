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

    /// Skips the object or array at `i` (which holds `{` or `[`) with everything
    /// nested in it, leaving `i` just after its closer. Iterative, with the open
    /// containers kept one bit each in `ContainerStack`: an unknown key may hold
    /// JSON nested as deep as the line is long, and no recursion means no
    /// stack to overflow on a hostile line. Errors and their positions are those of
    /// a recursive descent.
    func skipContainer(_ i: inout Int) throws(JSONFailure) {
        var open = ContainerStack()
        open.push(object: p[i] == UInt8(ascii: "{"))
        i += 1
        var justOpened = true
        while true {
            skipWhitespace(&i)
            if justOpened {
                justOpened = false
                if i < end, p[i] == open.closer {
                    i += 1
                    open.pop()
                    if open.isEmpty { return }
                    if try closeAfterValue(&i, &open) { return }
                    continue
                }
            }
            if open.isObject {
                guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
                guard p[i] == UInt8(ascii: "\"") else { throw JSONFailure(error: .expectedKey, at: i) }
                _ = try scanString(&i)
                skipWhitespace(&i)
                guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
                guard p[i] == UInt8(ascii: ":") else { throw JSONFailure(error: .expectedColon, at: i) }
                i += 1
                skipWhitespace(&i)
            }
            if i < end, p[i] == UInt8(ascii: "{") || p[i] == UInt8(ascii: "[") {
                open.push(object: p[i] == UInt8(ascii: "{"))
                i += 1
                justOpened = true
                continue
            }
            _ = try scanValue(&i)
            if try closeAfterValue(&i, &open) { return }
        }
    }

    /// After a value inside the open containers: consumes a `,` (another member
    /// follows: returns false) or closers until one is followed by `,`, or until
    /// the outermost closes (returns true).
    private func closeAfterValue(_ i: inout Int, _ open: inout ContainerStack) throws(JSONFailure) -> Bool {
        while true {
            skipWhitespace(&i)
            guard i < end else { throw JSONFailure(error: .unexpectedEnd, at: i) }
            let c = p[i]
            i += 1
            if c == UInt8(ascii: ",") { return false }
            guard c == open.closer else {
                throw JSONFailure(error: open.isObject ? .expectedCommaOrBrace : .expectedCommaOrBracket, at: i - 1)
            }
            open.pop()
            if open.isEmpty { return true }
        }
    }
}

/// The kinds of the containers open around the scanner, one bit per level
/// (1 = object): 64 levels in a register, deeper ones in an array that is only
/// allocated when a line nests that deep.
struct ContainerStack {
    private var depth = 0
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    var isEmpty: Bool { depth == 0 }

    /// Whether the innermost open container is an object.
    var isObject: Bool {
        let level = depth - 1
        let word = level < 64 ? low : high[(level - 64) >> 6]
        return word >> UInt64(level & 63) & 1 == 1
    }

    var closer: UInt8 { isObject ? UInt8(ascii: "}") : UInt8(ascii: "]") }

    mutating func push(object: Bool) {
        let level = depth
        let bit = UInt64(object ? 1 : 0) << UInt64(level & 63)
        if level < 64 {
            low = low & ~(1 << UInt64(level)) | bit
        } else {
            let index = (level - 64) >> 6
            if index == high.count { high.append(0) }
            high[index] = high[index] & ~(1 << UInt64(level & 63)) | bit
        }
        depth += 1
    }

    mutating func pop() { depth -= 1 }
}

@inline(__always)
func isASCIIDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }
