/// The passes every JSON Lines reader makes over one line before reading its
/// fields: the length limit, UTF-8 validity, the JSON object's syntax (noting
/// where the known fields are), nothing after the object, and each failure
/// mapped to its `EventRejection`. The event stream (`EventLineParser`) and
/// behaviour files (`BehaviourLineParser`) both call it, so a fix to how JSON
/// is read reaches both, and both reject a line with the same reason.
enum EventObjectPass {
    /// Fills `spans` with the known fields of `line` (without its line
    /// break); returns why the line is rejected, or nil when it is a JSON
    /// object. Inlined: it runs once per line on the ingest benchmark's path.
    @inline(__always)
    static func scan(_ line: UnsafeBufferPointer<UInt8>, maximumLineLength: Int,
                     into spans: inout InlineArray<8, ValueSpan>) -> EventRejection? {
        let n = line.count
        if n > maximumLineLength { return .lineTooLong(length: n, limit: maximumLineLength) }
        guard n > 0, let p = line.baseAddress else { return .emptyLine }
        if let bad = UTF8Check.firstInvalid(p, count: n) { return .invalidUTF8(at: bad + 1) }

        let scanner = JSONLineScanner(p: p, end: n)
        var i = 0
        scanner.skipWhitespace(&i)
        guard i < n else { return .emptyLine }
        guard p[i] == UInt8(ascii: "{") else { return notAnObject(scanner, from: i) }
        do throws(JSONFailure) {
            try scanner.scanEventObject(&i, into: &spans)
            scanner.skipWhitespace(&i)
            if i < n { throw JSONFailure(error: .trailingData, at: i) }
        } catch {
            return .invalidJSON(error.error, at: error.at + 1)
        }
        return nil
    }

    /// Why a line that does not start with `{` is rejected: "not a JSON object" if
    /// it is some other valid JSON value, otherwise where its syntax breaks.
    static func notAnObject(_ scanner: JSONLineScanner, from start: Int) -> EventRejection {
        var i = start
        do throws(JSONFailure) {
            let kind = try scanner.scanValue(&i)
            scanner.skipWhitespace(&i)
            if i < scanner.end { throw JSONFailure(error: .trailingData, at: i) }
            return .notAnObject(found: kind)
        } catch {
            // Not even the start of a value ("hello", "nope"): say what a line must be.
            if error.at == start {
                return .invalidJSON(.expectedObjectOrValue, at: start + 1)
            }
            return .invalidJSON(error.error, at: error.at + 1)
        }
    }
}
