/// Reads JSON Lines event streams from files, standard input or memory,
/// and delivers the parsed records in batches.
///
/// Input is read in large chunks (1 MiB by default) and split into lines in place,
/// so the per-line cost is parsing alone; the consumer is called once per chunk
/// with every record it held, so a KPI fold pays no per-event call overhead.
/// Statistics and symbol tables accumulate over everything read by one reader.
public struct EventStreamReader: Sendable {
    public static let defaultChunkSize = 1 << 20

    /// Bytes asked of each `read(2)`; any value >= 1 gives the same results.
    public var chunkSize: Int
    /// Internal, not private: report files hand their records in through it (`deliver(reportRecords:)`).
    var sink: EventLineSink
    private var assembler: LineAssembler

    /// `latestAccepted`: the latest event time already taken (e.g. stored by an
    /// earlier ingest), from which the time-jump rule starts.
    public init(chunkSize: Int = EventStreamReader.defaultChunkSize, symbols: EventSymbols = EventSymbols(),
                limits: EventLimits = .standard, latestAccepted: Int64 = .min) {
        precondition(chunkSize >= 1, "chunk size must be positive")
        self.chunkSize = chunkSize
        sink = EventLineSink(symbols: symbols, limits: limits)
        sink.parser.latestAccepted = latestAccepted
        assembler = LineAssembler(maximumLineLength: limits.maximumLineLength)
    }

    public var stats: IngestStats { sink.stats }
    public var symbols: EventSymbols { sink.parser.symbols }

    /// Reads each source in order: a path, or `-` for standard input. Line numbers
    /// restart with each source. A source that cannot be opened or read throws;
    /// everything read before it stays counted.
    public mutating func read(sources: [String], consumer: EventConsumer) throws {
        for source in sources { try read(path: source, consumer: consumer) }
    }

    /// Reads one file, or standard input for `-`.
    public mutating func read(path: String, consumer: EventConsumer) throws {
        if path == "-" {
            try read(fileDescriptor: 0, sourceName: FileIO.standardInputName, consumer: consumer)
            return
        }
        let fd = try FileIO.openForReading(path)
        defer { FileIO.close(fd) }
        try read(fileDescriptor: fd, sourceName: path, consumer: consumer)
    }

    /// Reads `fd` to its end (it is not closed).
    public mutating func read(fileDescriptor fd: Int32, sourceName: String, consumer: EventConsumer) throws {
        begin(sourceName)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = try FileIO.read(fd, into: buffer.baseAddress!, count: chunkSize, source: sourceName)
            if n == 0 { break }
            take(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n))
            try sink.deliver(consumer)
        }
        end()
        try sink.deliver(consumer)
    }

    /// Reads a whole stream held in memory, in `chunkSize` pieces as if from a file.
    public mutating func read(bytes: [UInt8], sourceName: String, consumer: EventConsumer) throws {
        begin(sourceName)
        try bytes.withUnsafeBufferPointer { all in
            var offset = 0
            while offset < all.count {
                let piece = min(chunkSize, all.count - offset)
                take(UnsafeBufferPointer(rebasing: all[offset..<(offset + piece)]))
                try sink.deliver(consumer)
                offset += piece
            }
        }
        end()
        try sink.deliver(consumer)
    }

    private mutating func begin(_ sourceName: String) {
        begin(source: sourceName)
    }

    // MARK: Streaming, for a reader that reads the bytes itself and must know
    // where the last complete line ended (ingest stores that offset).

    /// Starts a source whose lines so far are `firstLine` (line numbers continue
    /// from there); forgets any partial line.
    public mutating func begin(source: String, firstLine: Int = 0) {
        sink.source = source
        sink.lineNumber = firstLine
        assembler.reset()
    }

    /// Parses every line `chunk` completes and hands the records to `consumer`.
    /// A line begun but not ended waits for the next chunk (see `partialLineLength`).
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, consumer: EventConsumer) throws {
        take(chunk)
        try sink.deliver(consumer)
    }

    /// Bytes of the line begun but not ended, counted in full (0 if none): the
    /// last complete line ends this many bytes before the end of what was fed.
    public var partialLineLength: Int { assembler.partialLineLength }

    /// Bytes held in memory for that line: at most the line limit plus one,
    /// however long the line is.
    public var retainedPartialLineBytes: Int { assembler.retainedBytes }

    /// Drops the kept rejected-line samples (the counts stay), so a long-running
    /// reader of many small batches (the HTTP collector) keeps samples for each
    /// batch rather than only for the first hundred rejects of its life.
    public mutating func forgetSamples() {
        sink.stats.samples.removeAll()
    }

    /// The source is complete: takes a line without a line break as a line.
    public mutating func finishSource(consumer: EventConsumer) throws {
        end()
        try sink.deliver(consumer)
    }

    private mutating func take(_ chunk: UnsafeBufferPointer<UInt8>) {
        assembler.feed(chunk) { sink.take($0, fullLength: $1) }
    }

    private mutating func end() {
        assembler.finish { sink.take($0, fullLength: $1) }
    }
}
