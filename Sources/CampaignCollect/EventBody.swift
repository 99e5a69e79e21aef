/// A request body as event lines. A body is JSON Lines when its first
/// character (after blanks and a byte-order mark) is `{`, and one JSON array of
/// events when it is `[`; anything else is not events at all (HTTP 400).
///
/// An array is cut into its elements, each written as one line, and the lines
/// go to the same reader as a file's: this finds where each element ends (it
/// tracks strings and nesting) and parses nothing, so the rules and reasons
/// for a bad event are the reader's, and an element's line number is its
/// 1-based position in the array.
public enum EventBody {
    /// Why a body is not events; the text goes to the producer in `{"error": …}`
    /// (the JSON answers are a contract, in English).
    public struct Problem: Error, Equatable {
        public let reason: String
    }

    public static func lines(of body: [UInt8]) throws(Problem) -> [UInt8] {
        var start = 0
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < body.count, isBlank(body[start]) { start += 1 }
        guard start < body.count else { throw Problem(reason: "the body is empty: send JSON Lines or a JSON array of events") }
        switch body[start] {
        case UInt8(ascii: "{"): return start == 0 ? body : Array(body[start...])
        case UInt8(ascii: "["): return try arrayLines(body, from: start + 1)
        default:
            throw Problem(reason: "the body is neither JSON Lines (one event object per line) nor a JSON array of events")
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The elements of the array that opens just before `index`, one per line.
    private static func arrayLines(_ body: [UInt8], from index: Int) throws(Problem) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = index
        var position = 0
        func skipBlanks() { while i < body.count, isBlank(body[i]) { i += 1 } }
        skipBlanks()
        if i < body.count, body[i] == UInt8(ascii: "]") {
            i += 1
            return try end(body, at: i, out)
        }
        while true {
            skipBlanks()
            position += 1
            let elementStart = out.count
            var depth = 0
            var inString = false
            var escaped = false
            // Copies one element up to its `,` or the array's `]` at depth 0.
            scan: while i < body.count {
                let byte = body[i]
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    // A raw line break inside a string is invalid JSON: keep it
                    // invalid (a control character) without starting a new line.
                    out.append(byte == 0x0A || byte == 0x0D ? 0x01 : byte)
                    i += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { break scan }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 0 { break scan }
                default: break
                }
                // Blanks between an element's tokens may be line breaks: one line per element.
                out.append(byte == 0x0A || byte == 0x0D ? 0x20 : byte)
                i += 1
            }
            guard i < body.count else { throw Problem(reason: "the JSON array is not closed with ']'") }
            while out.count > elementStart, isBlank(out[out.count - 1]) { out.removeLast() }
            if out.count == elementStart { throw Problem(reason: "element \(position) of the JSON array is empty") }
            out.append(0x0A)
            let closer = body[i]
            i += 1
            if closer == UInt8(ascii: "]") { return try end(body, at: i, out) }
            if closer == UInt8(ascii: "}") { throw Problem(reason: "unexpected '}' after element \(position) of the JSON array") }
        }
    }

    /// Only blanks may follow the array.
    private static func end(_ body: [UInt8], at index: Int, _ out: [UInt8]) throws(Problem) -> [UInt8] {
        var i = index
        while i < body.count, isBlank(body[i]) { i += 1 }
        guard i == body.count else { throw Problem(reason: "text after the end of the JSON array") }
        return out
    }
}
