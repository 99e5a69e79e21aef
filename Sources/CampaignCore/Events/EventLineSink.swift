/// Turns lines into records and statistics: the part shared by the file reader,
/// the follower and each worker of the parallel reader.
struct EventLineSink: Sendable {
    var parser: EventLineParser
    var stats = IngestStats()
    /// Records parsed since the consumer was last called.
    var records: [EventRecord] = []
    /// Name of the current source, for samples.
    var source = ""
    /// Lines of the current source so far (the number of the last line taken).
    var lineNumber = 0

    init(symbols: EventSymbols = EventSymbols(), limits: EventLimits = .standard) {
        parser = EventLineParser(symbols: symbols, limits: limits)
    }

    /// Takes one line without its line break. `bytes` is the whole line, or only its
    /// start when `fullLength` exceeds the line limit (the rest was never kept).
    @inline(__always)
    mutating func take(_ bytes: UnsafeBufferPointer<UInt8>, fullLength: Int) {
        lineNumber += 1
        stats.linesRead += 1
        let outcome: EventLineOutcome =
            fullLength > parser.maximumLineLength
            ? .rejected(.lineTooLong(length: fullLength, limit: parser.maximumLineLength)) : parser.parse(bytes)
        switch outcome {
        case .event(let record):
            records.append(record)
            stats.eventsAccepted += 1
        case .skipped(let typeName):
            stats.noteSkipped(typeName)
        case .rejected(let reason):
            stats.noteRejected(reason, source: source, line: lineNumber, bytes: bytes, fullLength: fullLength)
        }
    }

    /// Hands the pending records to `consumer` and empties the batch (keeping its
    /// storage, so the steady state allocates nothing).
    mutating func deliver(_ consumer: EventConsumer) throws {
        guard !records.isEmpty else { return }
        try consumer(records, parser.symbols)
        records.removeAll(keepingCapacity: true)
    }
}

/// Receives parsed records in batches, with the symbol tables their ids refer to.
/// Batches are reused: keep the values, not the array, if you need them later.
public typealias EventConsumer = (_ records: [EventRecord], _ symbols: EventSymbols) throws -> Void
