import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses files on several threads and delivers exactly what `EventStreamReader`
/// would: the same records with the same symbol ids, in file order, and the same
/// statistics and samples with the same line numbers.
///
/// How: the file is mapped and walked in windows (32 MiB by default, so memory
/// stays bounded for any file size); each window is cut into one part per thread
/// at line boundaries, and every thread parses its part with its own parser and
/// symbol tables, with no locks. Parts are then merged in order on the calling
/// thread: each thread's names new since the last merge are interned into the
/// shared tables (part by part, in order of first sighting, which reproduces the
/// serial ids), records are rewritten to the shared ids, and samples get the line
/// count of everything before their part added.
///
/// The stream-order bounds (`EventLimits`: distinct scope values, time jumps)
/// depend on everything before a line; a part is checked at its merge and, in
/// the rare case its own decisions could differ from the stream's, parsed
/// again on the calling thread with the shared state (ParallelEventReader+Limits.swift).
public struct ParallelEventReader: Sendable {
    public static let defaultWindowSize = 32 << 20

    public let threads: Int
    /// Bytes per window; a window is extended to the end of its last line.
    public var windowSize: Int
    public internal(set) var stats = IngestStats()
    public internal(set) var symbols = EventSymbols()
    public let limits: EventLimits
    /// The latest event time accepted so far, over everything merged.
    public internal(set) var latestAccepted: Int64 = .min
    /// Parts parsed a second time on the calling thread (for tests: the check works).
    var reparsedParts = 0
    var workers: [Worker]

    public init(threads: Int, windowSize: Int = ParallelEventReader.defaultWindowSize, limits: EventLimits = .standard) {
        precondition(threads >= 1 && windowSize >= 1)
        self.threads = threads
        self.windowSize = windowSize
        self.limits = limits
        workers = (0..<threads).map { _ in Worker(limits: limits) }
    }

    /// Reads each source in order (`-` is standard input, read on one thread).
    public mutating func read(sources: [String], consumer: EventConsumer) throws {
        for source in sources { try read(path: source, consumer: consumer) }
    }

    public mutating func read(path: String, consumer: EventConsumer) throws {
        if path == "-" {
            try readSerially(fd: 0, sourceName: FileIO.standardInputName, consumer: consumer)
            return
        }
        let fd = try FileIO.openForReading(path)
        defer { FileIO.close(fd) }
        guard let mapped = MappedFile(fd: fd) else {
            try readSerially(fd: fd, sourceName: path, consumer: consumer)
            return
        }
        try read(bytes: mapped.bytes, sourceName: path, consumer: consumer)
    }

    /// Reads a whole stream held in memory.
    public mutating func read(bytes: UnsafeBufferPointer<UInt8>, sourceName: String, consumer: EventConsumer) throws {
        var lineBase = 0
        var offset = 0
        while offset < bytes.count {
            let windowEnd = Self.lineEnd(in: bytes, after: min(offset + windowSize, bytes.count))
            let parts = Self.cut(bytes, from: offset, to: windowEnd, into: threads)
            parseInParallel(bytes, parts: parts, sourceName: sourceName)
            for index in parts.indices {
                let part = UnsafeBufferPointer(rebasing: bytes[parts[index]])
                try merge(worker: index, part: part, sourceName: sourceName, lineBase: &lineBase, consumer: consumer)
            }
            offset = windowEnd
        }
    }

    /// The index just after the first `\n` at or after `position - 1` (or the end).
    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, after position: Int) -> Int {
        guard position < bytes.count, position > 0, let base = bytes.baseAddress else { return bytes.count }
        let from = base + position - 1
        guard let found = memchr(from, 0x0A, bytes.count - (position - 1)) else { return bytes.count }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
    }

    /// `count` consecutive ranges covering `from..<to`, each ending after a `\n`
    /// (or at `to`). Some may be empty when lines are long.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into count: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = from
        for k in 1...count {
            let target = k == count ? to : from + (to - from) * k / count
            let end = k == count ? to : min(max(lineEnd(in: bytes, after: target), start), to)
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    private mutating func parseInParallel(_ bytes: UnsafeBufferPointer<UInt8>, parts: [Range<Int>], sourceName: String) {
        workers.withUnsafeMutableBufferPointer { workers in
            // Each iteration touches only its own worker and reads the shared,
            // immutable input: no two threads write the same memory.
            nonisolated(unsafe) let shared = workers
            nonisolated(unsafe) let input = bytes
            DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                shared[index].parse(UnsafeBufferPointer(rebasing: input[parts[index]]), sourceName: sourceName)
            }
        }
    }

    /// Folds one worker's part into the shared state and hands its records on
    /// (or parses the part again here, when its own decisions may not be the stream's).
    private mutating func merge(worker index: Int, part: UnsafeBufferPointer<UInt8>, sourceName: String,
                                lineBase: inout Int, consumer: EventConsumer) throws {
        guard workers[index].decidedAsTheStream(after: latestAccepted, symbols: symbols, limits: limits) else {
            try reparse(part, worker: index, sourceName: sourceName, lineBase: &lineBase, consumer: consumer)
            return
        }
        latestAccepted = max(latestAccepted, workers[index].sink.parser.latestAccepted)
        workers[index].adopt(into: &symbols)
        workers[index].remapRecords()
        stats.merge(workers[index].sink.stats, lineOffset: lineBase)
        lineBase += workers[index].sink.stats.linesRead
        workers[index].sink.stats = IngestStats()
        try workers[index].sink.deliver { records, _ in try consumer(records, symbols) }
    }

    /// Standard input and other unmappable sources: one thread, in chunks,
    /// parsed straight into the shared state.
    private mutating func readSerially(fd: Int32, sourceName: String, consumer: EventConsumer) throws {
        let chunkSize = EventStreamReader.defaultChunkSize
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var assembler = LineAssembler()
        var sink = serialSink(sourceName: sourceName)
        defer { adoptSerial(sink) }
        while true {
            let n = try FileIO.read(fd, into: buffer.baseAddress!, count: chunkSize, source: sourceName)
            let chunk = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
            if n == 0 {
                assembler.finish { sink.take($0, fullLength: $1) }
            } else {
                assembler.feed(chunk) { sink.take($0, fullLength: $1) }
            }
            try sink.deliver(consumer)
            if n == 0 { return }
        }
    }
}
