/// Reads a behaviour file (JSON Lines, see `BehaviourLineParser`) fed in
/// chunks of any size into a `BehaviourHistory`. Lines are numbered from 1;
/// every rejected line is counted and the first `sampleLimit` are kept with
/// their line and reason, as the event stream keeps them. A last line without
/// a line end is read as a line (SPEC §12: a command without a database), so a
/// half-written last line is rejected with its line number, never lost silently.
public struct BehaviourReader {
    public static let sampleLimit = 100

    private var parser: BehaviourLineParser
    private var lines: LineAssembler
    private var events: [BehaviourEvent] = []
    private var counts = BehaviourCounts()
    private var samples: [RejectedLineSample] = []
    private let source: String

    /// `source` names the input in samples (`<stdin>` for standard input).
    public init(source: String, maximumLineLength: Int = EventLineParser.defaultMaximumLineLength) {
        self.source = source
        parser = BehaviourLineParser(maximumLineLength: maximumLineLength)
        lines = LineAssembler(maximumLineLength: maximumLineLength)
    }

    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
        var assembler = lines
        assembler.feed(chunk) { line, length in take(line, length) }
        lines = assembler
    }

    public mutating func feed(_ text: String) {
        var text = text
        text.withUTF8 { feed($0) }
    }

    /// Reads the last line (even without a line end) and groups the events by user.
    public mutating func finish() -> BehaviourHistory {
        var assembler = lines
        assembler.finish { line, length in take(line, length) }
        lines = assembler
        return BehaviourHistory(users: parser.users, events: events, counts: counts, rejected: samples)
    }

    private mutating func take(_ line: UnsafeBufferPointer<UInt8>, _ length: Int) {
        counts.lines += 1
        // An empty line is rejected, as the event stream rejects it.
        let outcome = length > line.count ? .rejected(.lineTooLong(length: length, limit: parser.maximumLineLength))
                                          : parser.parse(line)
        switch outcome {
        case .behaviour(let event):
            events.append(event)
            switch event.kind {
            case .browse: counts.browseLines += 1
            case .addToCart: counts.cartLines += 1
            }
        case .ignored:
            counts.ignored += 1
        case .rejected(let reason):
            counts.rejected += 1
            if samples.count < Self.sampleLimit {
                samples.append(RejectedLineSample(source: source, line: counts.lines, reason: reason,
                                                  excerpt: RejectedLineSample.excerpt(of: line, fullLength: length)))
            }
        }
    }
}

/// Every line of a behaviour file, by what it turned out to be.
public struct BehaviourCounts: Sendable, Equatable {
    public var lines = 0
    public var browseLines = 0
    public var cartLines = 0
    /// Good lines of other types (`click`, `conversion` …): not behaviour.
    public var ignored = 0
    public var rejected = 0

    public init() {}
}
