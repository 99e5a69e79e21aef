/// Parses one line of the event stream into an `EventRecord`, interning
/// names into `symbols`.
///
/// A hand-written byte-level parser: Foundation's JSON decoders build a tree of
/// boxed values per line and are an order of magnitude too slow for the ingest
/// benchmark. The line is checked in three passes over bytes that stay in L1:
/// UTF-8 validity, JSON syntax (noting where known fields are), then conversion of
/// only the fields the record needs. Nothing is allocated for a good line whose
/// names were seen before.
public struct EventLineParser: Sendable {
    /// Longest accepted line by default (16 MiB); longer lines are
    /// rejected with their length. Unknown keys may make a valid line that long.
    public static let defaultMaximumLineLength = 16 << 20
    /// No single line stands for more than a trillion events: anything larger is a
    /// producer bug, and refusing it keeps sums far from Int64 overflow.
    public static let maximumCount: Int64 = 1_000_000_000_000

    public var symbols: EventSymbols
    public var limits: EventLimits
    /// Longest accepted line, in bytes without the line break (`--max-line-bytes`).
    public var maximumLineLength: Int { limits.maximumLineLength }
    /// The latest event time accepted so far (`.min`: none yet), for the time-jump rule.
    public var latestAccepted: Int64 = .min
    /// The latest accepted time when this parser first refused a time jump
    /// (`.max`: none refused), so the parallel reader can tell whether a part
    /// parsed on its own decided as the whole stream would have.
    var latestAtFirstTimeJump: Int64 = .max
    /// The previous line's `ts`, which most lines repeat.
    var recentTimestamp = RecentTimestamp()

    public init(symbols: EventSymbols = EventSymbols(), limits: EventLimits = .standard) {
        self.symbols = symbols
        self.limits = limits
    }

    /// Parses one line, without its line break.
    public mutating func parse(_ line: String) -> EventLineOutcome {
        var line = line
        return line.withUTF8 { parse($0) }
    }

    /// Parses one line, without its line break.
    public mutating func parse(_ line: UnsafeBufferPointer<UInt8>) -> EventLineOutcome {
        let n = line.count
        if n > maximumLineLength { return .rejected(.lineTooLong(length: n, limit: maximumLineLength)) }
        guard n > 0, let p = line.baseAddress else { return .rejected(.emptyLine) }
        if let bad = UTF8Check.firstInvalid(p, count: n) { return .rejected(.invalidUTF8(at: bad + 1)) }

        let scanner = JSONLineScanner(p: p, end: n)
        var i = 0
        scanner.skipWhitespace(&i)
        guard i < n else { return .rejected(.emptyLine) }
        guard p[i] == UInt8(ascii: "{") else { return .rejected(Self.notAnObject(scanner, from: i)) }

        var spans = InlineArray<8, ValueSpan>(repeating: .absent)
        do throws(JSONFailure) {
            try scanner.scanEventObject(&i, into: &spans)
            scanner.skipWhitespace(&i)
            if i < n { throw JSONFailure(error: .trailingData, at: i) }
        } catch {
            return .rejected(.invalidJSON(error.error, at: error.at + 1))
        }
        return record(p, spans)
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
