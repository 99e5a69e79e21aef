/// Parses one line of the event stream into an `EventRecord`, interning
/// names into `symbols`.
///
/// A hand-written byte-level parser: Foundation's JSON decoders build a tree of
/// boxed values per line and are an order of magnitude too slow for the ingest
/// benchmark. The line is checked in three passes over bytes that stay in L1:
/// UTF-8 validity, JSON syntax (noting where known fields are; these two are
/// `EventObjectPass`, shared with behaviour files), then conversion of
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
        var spans = InlineArray<8, ValueSpan>(repeating: .absent)
        if let rejection = EventObjectPass.scan(line, maximumLineLength: maximumLineLength, into: &spans) {
            return .rejected(rejection)
        }
        return record(line.baseAddress!, spans)
    }
}
