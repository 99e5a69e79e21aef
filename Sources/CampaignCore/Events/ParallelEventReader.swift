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
/// How: the file is read in windows (16 MiB by default; two are in memory, one
/// folded while the next is parsed, so memory stays bounded for any file size)
/// with `pread`, not mapped: a file truncated while it is read then simply ends
/// early, where touching a mapped page past the new end would kill the process
/// with SIGBUS. Each window ends after its last line break and is
/// cut into one part per thread at line boundaries, and every thread parses its
/// part with its own parser and symbol tables, with no locks. A line longer than a
/// window is streamed through a `LineAssembler` on the calling thread instead.
/// Parts are then merged in order on the calling thread: each thread's names new
/// since the last merge are interned into the shared tables (part by part, in
/// order of first sighting, which reproduces the serial ids), records are
/// rewritten to the shared ids, and samples get the line count of everything
/// before their part added.
///
/// The stream-order bounds (`EventLimits`: distinct scope values, time jumps)
/// depend on everything before a line; a part is checked at its merge and, in
/// the rare case its own decisions could differ from the stream's, parsed
/// again on the calling thread with the shared state (ParallelEventReader+Limits.swift).
public struct ParallelEventReader: Sendable {
    public static let defaultWindowSize = 16 << 20

    public let threads: Int
    /// Bytes per window read from a file (or walked in memory).
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
        guard FileIO.isRegularFile(fd) else {
            try readSerially(fd: fd, sourceName: path, consumer: consumer)
            return
        }
        try readWindows(fd: fd, sourceName: path, consumer: consumer)
    }

    /// Reads a regular file window by window until `pread` finds its end (which
    /// comes early if the file shrinks meanwhile: what was read is kept).
    ///
    /// Pipelined: while the calling thread folds one window's records (the
    /// consumer), the next window is read and parsed on the other threads, into
    /// a second buffer. Measured need: `kpi` on the benchmark's files spent 23 %
    /// (simulator) and 37 % (generic) of its CPU parsing on two threads and then
    /// 69 % and 48 % folding on one while the second core stood idle; the fold
    /// and the next parse now overlap. The merge into the shared state stays on
    /// the calling thread, window after window, so records, ids, statistics and
    /// samples are what the unpipelined reader gave.
    private mutating func readWindows(fd: Int32, sourceName: String, consumer: EventConsumer) throws {
        let capacity = max(windowSize, EventStreamReader.defaultChunkSize)
        let buffers = (0..<2).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16) }
        defer { for buffer in buffers { buffer.deallocate() } }
        var current = 0
        var lineBase = 0
        var offset: Int64 = 0
        var window = WindowRead()
        readAndParse(fd: fd, sourceName: sourceName, buffer: buffers[current], at: offset, into: &window)
        var spares: [[EventRecord]] = []
        while true {
            if let error = window.error { throw error }
            if window.count == 0 { return }
            let bytes = UnsafeBufferPointer(start: buffers[current].baseAddress!.assumingMemoryBound(to: UInt8.self),
                                            count: window.count)
            if window.end == 0 {
                // Not one line break in a whole window: one long line, streamed.
                offset = try readLongLine(fd: fd, from: offset, buffer: buffers[current], sourceName: sourceName,
                                          lineBase: &lineBase, consumer: consumer)
                readAndParse(fd: fd, sourceName: sourceName, buffer: buffers[current], at: offset, into: &window)
                continue
            }
            var batches = mergeWindow(bytes, parts: window.parts, sourceName: sourceName, lineBase: &lineBase,
                                      spares: &spares)
            offset += Int64(window.end)
            // A short read is the end of the file.
            if window.count < windowSize {
                for batch in batches where !batch.records.isEmpty { try consumer(batch.records, batch.symbols) }
                return
            }
            let next = buffers[1 - current]
            let nextWindow = try foldWhileReading(fd: fd, sourceName: sourceName, buffer: next, at: offset,
                                                  batches: batches, consumer: consumer)
            for index in batches.indices { batches[index].records.removeAll(keepingCapacity: true) }
            spares = batches.map(\.records)
            window = nextWindow
            current = 1 - current
        }
    }

    /// One window's read and parse: its byte count, where its last whole line
    /// ends, its parts, or the read's error. Written by the thread that reads,
    /// read by the caller only after waiting for it.
    struct WindowRead: Sendable {
        var count = 0
        var end = 0
        var parts: [Range<Int>] = []
        var error: EventInputError?
    }

    /// Reads the window at `offset` into `buffer` and parses its whole lines on
    /// the workers (nothing of the shared state is touched).
    private mutating func readAndParse(fd: Int32, sourceName: String, buffer: UnsafeMutableRawBufferPointer,
                                       at offset: Int64, into window: inout WindowRead) {
        let (threads, windowSize) = (self.threads, self.windowSize)
        workers.withUnsafeMutableBufferPointer { workers in
            Self.readAndParse(fd: fd, sourceName: sourceName, buffer: buffer, at: offset, windowSize: windowSize,
                              threads: threads, workers: workers, into: &window)
        }
    }

    private static func readAndParse(fd: Int32, sourceName: String, buffer: UnsafeMutableRawBufferPointer, at offset: Int64,
                                     windowSize: Int, threads: Int, workers: UnsafeMutableBufferPointer<Worker>,
                                     into window: inout WindowRead) {
        window = WindowRead()
        do {
            window.count = try FileIO.readFully(fd, into: buffer.baseAddress!, count: windowSize, at: offset,
                                                source: sourceName)
        } catch {
            window.error = error
            return
        }
        let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: window.count)
        // A short read is the end of the file: its last line needs no line break.
        window.end = window.count < windowSize ? window.count : lastLineEnd(in: bytes)
        guard window.count > 0, window.end > 0 else { return }
        window.parts = cut(bytes, from: 0, to: window.end, into: threads)
        parseInParallel(bytes, parts: window.parts, sourceName: sourceName, workers: workers)
    }

    /// Hands `batches` to the consumer on this thread while the window at
    /// `offset` is read and parsed on others; returns that window once both are done.
    private mutating func foldWhileReading(fd: Int32, sourceName: String, buffer: UnsafeMutableRawBufferPointer,
                                           at offset: Int64, batches: [Batch], consumer: EventConsumer) throws -> WindowRead {
        let (threads, windowSize) = (self.threads, self.windowSize)
        return try workers.withUnsafeMutableBufferPointer { workers in
            // The workers and `buffer` belong to the other thread until `wait`;
            // this thread touches only the batches, which no worker holds.
            nonisolated(unsafe) let shared = workers
            nonisolated(unsafe) let target = buffer
            final class Box: @unchecked Sendable { var window = WindowRead() }
            let box = Box()
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                Self.readAndParse(fd: fd, sourceName: sourceName, buffer: target, at: offset, windowSize: windowSize,
                                  threads: threads, workers: shared, into: &box.window)
            }
            defer { group.wait() }
            for batch in batches where !batch.records.isEmpty { try consumer(batch.records, batch.symbols) }
            group.wait()
            return box.window
        }
    }

    /// The index just after the last `\n` in `bytes` (0 if there is none).
    static func lastLineEnd(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = bytes.count
        while i > 0 {
            if bytes[i - 1] == 0x0A { return i }
            i -= 1
        }
        return 0
    }

    /// Streams the line starting at `offset` through a line assembler on this
    /// thread, straight into the shared state (memory bounded by the line
    /// limit); returns the offset after it.
    private mutating func readLongLine(fd: Int32, from start: Int64, buffer: UnsafeMutableRawBufferPointer, sourceName: String,
                                       lineBase: inout Int, consumer: EventConsumer) throws -> Int64 {
        var assembler = LineAssembler(maximumLineLength: limits.maximumLineLength)
        var sink = serialSink(sourceName: sourceName)
        var offset = start
        let chunkSize = EventStreamReader.defaultChunkSize
        while true {
            let n = try FileIO.readFully(fd, into: buffer.baseAddress!, count: chunkSize, at: offset, source: sourceName)
            let chunk = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
            if n == 0 {
                assembler.finish { sink.take($0, fullLength: $1) }
                break
            }
            if let newline = chunk.firstIndex(of: 0x0A) {
                assembler.feed(UnsafeBufferPointer(rebasing: chunk[...newline])) { sink.take($0, fullLength: $1) }
                offset += Int64(newline + 1)
                break
            }
            assembler.feed(chunk) { sink.take($0, fullLength: $1) }
            offset += Int64(n)
        }
        adoptSerial(sink, lineOffset: lineBase)
        lineBase += sink.stats.linesRead
        try sink.deliver(consumer)
        return offset
    }

    /// One part's records, with the shared tables as they were once it was
    /// merged (what the consumer is handed with them).
    struct Batch {
        var records: [EventRecord]
        var symbols: EventSymbols
    }

    /// Merges a parsed window's parts in order into the shared state; returns
    /// their records, to hand on. `spares`: emptied record arrays to give the
    /// workers back, so the steady state allocates nothing.
    private mutating func mergeWindow(_ bytes: UnsafeBufferPointer<UInt8>, parts: [Range<Int>], sourceName: String,
                                      lineBase: inout Int, spares: inout [[EventRecord]]) -> [Batch] {
        var batches: [Batch] = []
        for index in parts.indices {
            let part = UnsafeBufferPointer(rebasing: bytes[parts[index]])
            var records = spares.popLast() ?? []
            merge(worker: index, part: part, sourceName: sourceName, lineBase: &lineBase, into: &records)
            batches.append(Batch(records: records, symbols: symbols))
        }
        return batches
    }

    /// Reads a whole stream held in memory.
    public mutating func read(bytes: UnsafeBufferPointer<UInt8>, sourceName: String, consumer: EventConsumer) throws {
        var lineBase = 0
        var offset = 0
        var spares: [[EventRecord]] = []
        while offset < bytes.count {
            let windowEnd = Self.lineEnd(in: bytes, after: min(offset + windowSize, bytes.count))
            let parts = Self.cut(bytes, from: offset, to: windowEnd, into: threads)
            workers.withUnsafeMutableBufferPointer { workers in
                Self.parseInParallel(bytes, parts: parts, sourceName: sourceName, workers: workers)
            }
            var batches = mergeWindow(bytes, parts: parts, sourceName: sourceName, lineBase: &lineBase, spares: &spares)
            for batch in batches where !batch.records.isEmpty { try consumer(batch.records, batch.symbols) }
            for index in batches.indices { batches[index].records.removeAll(keepingCapacity: true) }
            spares = batches.map(\.records)
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

    private static func parseInParallel(_ bytes: UnsafeBufferPointer<UInt8>, parts: [Range<Int>], sourceName: String,
                                        workers: UnsafeMutableBufferPointer<Worker>) {
        // Each iteration touches only its own worker and reads the shared,
        // immutable input: no two threads write the same memory.
        nonisolated(unsafe) let shared = workers
        nonisolated(unsafe) let input = bytes
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            shared[index].parse(UnsafeBufferPointer(rebasing: input[parts[index]]), sourceName: sourceName)
        }
    }

    /// Folds one worker's part into the shared state and moves its records into
    /// `records` (or parses the part again here, when its own decisions may not be the stream's).
    private mutating func merge(worker index: Int, part: UnsafeBufferPointer<UInt8>, sourceName: String,
                                lineBase: inout Int, into records: inout [EventRecord]) {
        guard workers[index].decidedAsTheStream(after: latestAccepted, symbols: symbols, limits: limits) else {
            records = reparse(part, worker: index, sourceName: sourceName, lineBase: &lineBase)
            return
        }
        latestAccepted = max(latestAccepted, workers[index].sink.parser.latestAccepted)
        workers[index].adopt(into: &symbols)
        workers[index].remapRecords()
        stats.merge(workers[index].sink.stats, lineOffset: lineBase)
        lineBase += workers[index].sink.stats.linesRead
        workers[index].sink.stats = IngestStats()
        swap(&records, &workers[index].sink.records)
    }

    /// Standard input, pipes and other sources that cannot be read at an offset:
    /// one thread, in chunks, parsed straight into the shared state.
    private mutating func readSerially(fd: Int32, sourceName: String, consumer: EventConsumer) throws {
        let chunkSize = EventStreamReader.defaultChunkSize
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var assembler = LineAssembler(maximumLineLength: limits.maximumLineLength)
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
