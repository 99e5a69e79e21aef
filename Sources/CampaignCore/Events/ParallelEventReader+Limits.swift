/// The stream-order bounds (`EventLimits`) under parallel parsing.
///
/// A worker parses its part without knowing what came before it: it judges
/// time jumps from the part's first event and interns names with no cap. Its
/// decisions are the stream's exactly when (1) its first accepted event is
/// within the jump limit of the latest event accepted before the part, (2) no
/// time jump it refused could have been taken by the stream, which holds when
/// the latest time before the part is at most the part's own latest time at
/// its first refusal, and (3) the names it met that are new to the stream fit
/// under the cap in every dimension. Otherwise (bad data only) the part is
/// parsed again on the calling thread, with the shared tables and times, so
/// every count, sample and symbol id is what the serial reader gives.
extension ParallelEventReader.Worker {
    func decidedAsTheStream(after latest: Int64, symbols: EventSymbols, limits: EventLimits) -> Bool {
        if latest != .min {
            if let first = sink.records.first?.timestamp, first > latest, first - latest > limits.maxTimeJump { return false }
            if latest > sink.parser.latestAtFirstTimeJump { return false }
        }
        return Self.fits(channelIds.count, sink.parser.symbols.channels, symbols.channels, limits.maxScopes)
            && Self.fits(segmentIds.count, sink.parser.symbols.segments, symbols.segments, limits.maxScopes)
            && Self.fits(campaignIds.count, sink.parser.symbols.campaigns, symbols.campaigns, limits.maxScopes)
    }

    /// Whether the local names from `adopted` on that `shared` lacks fit under `cap`.
    private static func fits(_ adopted: Int, _ local: SymbolTable, _ shared: SymbolTable, _ cap: Int) -> Bool {
        let fresh = local.count - adopted
        if shared.count + fresh <= cap { return true } // the common case: no lookups
        var missing = 0
        for id in adopted..<local.count where shared.id(of: local.names[id]) == nil { missing += 1 }
        return shared.count + missing <= cap
    }
}

extension ParallelEventReader {
    /// A one-thread sink that continues the shared tables, times and limits.
    func serialSink(sourceName: String) -> EventLineSink {
        var sink = EventLineSink(symbols: symbols, limits: limits)
        sink.parser.latestAccepted = latestAccepted
        sink.source = sourceName
        return sink
    }

    /// Takes back what a serial sink read: its tables, latest time and statistics.
    mutating func adoptSerial(_ sink: EventLineSink, lineOffset: Int = 0) {
        symbols = sink.parser.symbols
        latestAccepted = sink.parser.latestAccepted
        stats.merge(sink.stats, lineOffset: lineOffset)
    }

    /// Parses a worker's part again on this thread with the shared state, and
    /// starts that worker afresh (its local tables may hold names the stream
    /// refused); returns the part's records.
    mutating func reparse(_ part: UnsafeBufferPointer<UInt8>, worker index: Int, sourceName: String,
                          lineBase: inout Int) -> [EventRecord] {
        workers[index] = Worker(limits: limits)
        reparsedParts += 1
        var sink = serialSink(sourceName: sourceName)
        var assembler = LineAssembler(maximumLineLength: limits.maximumLineLength)
        assembler.feed(part) { sink.take($0, fullLength: $1) }
        assembler.finish { sink.take($0, fullLength: $1) }
        adoptSerial(sink, lineOffset: lineBase)
        lineBase += sink.stats.linesRead
        return sink.records
    }
}
