import Foundation

/// Follows a file that keeps growing, like `tail -F` (`--follow`): reads what
/// exists, then polls for more.
///
/// - Growth: new complete lines are parsed on the next poll. A last line without
///   `\n` is held back until its `\n` arrives (it may be half written).
/// - Truncation (size below what was read): starts again from byte 0; the held-back
///   partial line is dropped, line numbers restart.
/// - Rotation (the path now names a different file, by device and inode): the old
///   file is read to its end, its held-back last line is taken as a line, and the
///   new file is read from byte 0.
/// - A missing file (not yet created, or renamed away and not yet replaced) is
///   waited for; an open file that was renamed away keeps being read meanwhile.
///
/// Polling rather than inotify: it works the same on Linux, macOS and network file
/// systems, and at the default 200 ms it costs nothing measurable. Known limit,
/// shared with `tail`: a file truncated and regrown past the old size between two
/// polls looks like growth.
public struct EventFollower: Sendable {
    public let path: String
    public var pollInterval: Duration
    public var chunkSize: Int

    private var sink = EventLineSink()
    private var assembler = LineAssembler()
    private var fd: Int32 = -1
    private var identity: FileIO.Identity?
    /// Bytes of the current file consumed so far.
    private var offset: Int64 = 0

    /// `symbols`: tables to continue (a reader's that read other files first),
    /// so the ids in this follower's records mean the same names as in its.
    public init(path: String, pollInterval: Duration = .milliseconds(200), chunkSize: Int = EventStreamReader.defaultChunkSize,
                limits: EventLimits = .standard, symbols: EventSymbols = EventSymbols()) {
        precondition(chunkSize >= 1)
        sink = EventLineSink(symbols: symbols, limits: limits)
        self.path = path
        self.pollInterval = pollInterval
        self.chunkSize = chunkSize
    }

    public var stats: IngestStats { sink.stats }
    public var symbols: EventSymbols { sink.parser.symbols }

    /// Polls every `pollInterval` until `stop` is requested. The file is closed on return.
    public mutating func run(until stop: FollowStop, consumer: EventConsumer) throws {
        defer { close() }
        let slice = min(pollInterval, .milliseconds(50))
        while !stop.isRequested {
            try poll(consumer: consumer)
            var waited = Duration.zero
            while waited < pollInterval && !stop.isRequested {
                Thread.sleep(forTimeInterval: Self.seconds(min(slice, pollInterval - waited)))
                waited += slice
            }
        }
    }

    /// One step: notices truncation and rotation, reads everything new, and hands
    /// the records to `consumer`.
    public mutating func poll(consumer: EventConsumer) throws {
        if fd < 0 {
            guard let opened = FileIO.openIfPresent(path) else { return }
            attach(opened)
        }
        // Look at the path before draining, so everything written to the old file
        // before it was replaced is read before switching.
        let pathIdentity = FileIO.status(path: path)?.identity
        if let (_, size) = FileIO.status(fd), size < offset {
            lseek(fd, 0, SEEK_SET)
            offset = 0
            assembler.reset()
            sink.lineNumber = 0
        }
        try drain(consumer)
        guard let pathIdentity, pathIdentity != identity else { return }
        // Rotated: the old file is complete, so its last line is whole.
        assembler.finish { sink.take($0, fullLength: $1) }
        try sink.deliver(consumer)
        close()
        guard let opened = FileIO.openIfPresent(path) else { return }
        attach(opened)
        try drain(consumer)
    }

    /// Closes the current file (the next poll reopens the path from byte 0).
    public mutating func close() {
        if fd >= 0 { FileIO.close(fd) }
        fd = -1
        identity = nil
    }

    private mutating func attach(_ opened: Int32) {
        fd = opened
        identity = FileIO.status(opened)?.identity
        offset = 0
        assembler.reset()
        sink.source = path
        sink.lineNumber = 0
    }

    /// Reads from the current position to the end of the file.
    private mutating func drain(_ consumer: EventConsumer) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = try FileIO.read(fd, into: buffer.baseAddress!, count: chunkSize, source: path)
            if n == 0 { return }
            offset += Int64(n)
            let chunk = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
            assembler.feed(chunk) { sink.take($0, fullLength: $1) }
            try sink.deliver(consumer)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
