import CampaignCore
import Foundation

extension StoreIngest {
    /// Ingests one source: a file (resuming where the last run stopped in that
    /// file, whatever it is called now) or `-`. With `options.follow`, keeps
    /// reading a file as it grows until `stop` is requested, surviving truncation
    /// and rotation like `tail -F`.
    ///
    /// Bytes go to the reader in chunks as they come; the reader splits lines,
    /// so time is linear and memory bounded by the line limit however the input
    /// is cut (one endless line included). The stored offset is always just after
    /// the last complete line: an unterminated last line is pending
    /// until its line break arrives, or is taken as a line at `options.final`,
    /// at the end of standard input, and when the file was rotated away.
    public func ingest(path: String, stop: FollowStop? = nil) throws -> SourceReport {
        var file = try SourceFile(path: path)
        var source = try open(file)
        try beginSource(file, source)
        var report = SourceReport(path: path, start: source.start)
        reader.begin(source: path, firstLine: source.checkpoint.lines)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: options.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        /// Bytes of the current file read so far (the partial line included).
        var readOffset = source.checkpoint.byteOffset

        func fold(_ delta: IngestStats) {
            source.checkpoint.byteOffset = readOffset - Int64(reader.partialLineLength)
            source.checkpoint.lines += delta.linesRead
            source.checkpoint.events += delta.eventsAccepted
            source.checkpoint.rejected += delta.rejected
            source.checkpoint.skipped += delta.skipped
            report.lines += delta.linesRead
            report.events += delta.eventsAccepted
            report.rejected += delta.rejected
            report.skipped += delta.skipped
        }
        /// The file is complete: its unterminated last line is a line.
        func takeLastLine() throws {
            fold(try consume { reader, consumer in try reader.finishSource(consumer: consumer) })
        }
        var savedOffset: Int64 = -1
        /// The run read the file to its end (not stopped, not following).
        var readToEnd = false
        func save() throws {
            if !file.isStandardInput { stamp(file, &source.checkpoint) }
            try commit(source.checkpoint, continuesFrom: source.storedOffset, atEnd: readToEnd)
            savedOffset = source.checkpoint.byteOffset
            source.storedOffset = source.checkpoint.byteOffset
        }

        while true {
            // A quiet pipe would hold the read, and with it a SIGTERM, until its next line.
            if file.isStandardInput, let stop, !file.waitUntilReadable(orStopped: stop) {
                report.pendingLines = reader.partialLineLength > 0 ? 1 : 0
                break
            }
            let n = try file.read(into: buffer.baseAddress!, count: options.chunkSize)
            if n > 0 {
                readOffset += Int64(n)
                let chunk = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
                fold(try consume { reader, consumer in try reader.feed(chunk, consumer: consumer) })
                if commitDue { try save() }
                // A stop ends the run after the batch in hand; the rest resumes next time.
                if stop?.isRequested == true { break }
                continue
            }
            // End of what is there now.
            guard options.follow, !file.isStandardInput else {
                // Standard input has ended for good; a file at rest may still be written to.
                if file.isStandardInput || options.final { try takeLastLine() }
                report.pendingLines = reader.partialLineLength > 0 ? 1 : 0
                readToEnd = true
                break
            }
            if source.checkpoint.byteOffset != savedOffset { try save() }
            if stop?.isRequested == true {
                if options.final { try takeLastLine() }
                report.pendingLines = reader.partialLineLength > 0 ? 1 : 0
                break
            }
            if let now = file.pathStatus(), let open = file.status(), (now.device, now.inode) != (open.device, open.inode) {
                // Rotated: the old file is complete, so its last line is whole.
                try takeLastLine()
                readToEnd = true
                try save()
                readToEnd = false
                file = try SourceFile(path: path)
                source = try self.open(file)
                try beginSource(file, source)
                readOffset = source.checkpoint.byteOffset
                reader.begin(source: path, firstLine: source.checkpoint.lines)
                report.restarts += 1
                savedOffset = -1
                continue
            }
            if let open = file.status(), open.size < readOffset {
                // Truncated: what is there now is new content.
                try file.seek(to: 0)
                readOffset = 0
                source.checkpoint.byteOffset = 0
                source.checkpoint.lines = 0
                reader.begin(source: path, firstLine: 0)
                report.restarts += 1
                continue
            }
            Thread.sleep(forTimeInterval: options.pollSeconds)
        }
        try save()
        _ = try finish() // the report promises the offset is stored
        report.endOffset = source.checkpoint.byteOffset
        return report
    }

    /// A new source's events start here; on a store that shares judging it is
    /// registered before its first commit, so judging waits for it.
    private func beginSource(_ file: SourceFile, _ source: OpenSource) throws {
        sourceLatest = .min
        if sharedJudging, let database, !file.isStandardInput {
            try SourceProgress.register(device: source.checkpoint.device, inode: source.checkpoint.inode, in: database)
        }
    }

    /// A source as the database knows it: its checkpoint, the offset its stored
    /// row holds (nil: no row yet), and how this run starts in it.
    struct OpenSource {
        var checkpoint: SourceCheckpoint
        var storedOffset: Int64?
        var start: SourceReport.Start
    }

    /// Finds the file's checkpoint by what the file is (device and inode),
    /// not by its name, and seeks to where the last run stopped if the file is
    /// still the one it read.
    func open(_ file: SourceFile) throws -> OpenSource {
        let name = file.isStandardInput ? "-" : Self.canonicalPath(file.path)
        let identity = file.isStandardInput ? nil : file.status()
        let stored = try database.flatMap { database in
            try IngestCheckpoints(database: database).checkpoint(device: identity?.device ?? 0, inode: identity?.inode ?? 0)
        }
        var checkpoint = stored ?? SourceCheckpoint(path: name, device: identity?.device ?? 0, inode: identity?.inode ?? 0)
        checkpoint.path = name
        let start = try position(file, &checkpoint)
        return OpenSource(checkpoint: checkpoint, storedOffset: stored?.byteOffset, start: start)
    }

    /// Seeks to where the last run stopped, if the file is still the one it read:
    /// the same first bytes (so a reused inode is not taken for the old file) and
    /// the same bytes before the offset.
    private func position(_ file: SourceFile, _ checkpoint: inout SourceCheckpoint) throws -> SourceReport.Start {
        guard !file.isStandardInput, database != nil, checkpoint.byteOffset > 0 || checkpoint.lines > 0 else {
            checkpoint.byteOffset = 0
            checkpoint.lines = 0
            return .fresh
        }
        let saved = checkpoint
        if let status = file.status(), status.size >= saved.byteOffset,
           file.hash(at: 0, length: saved.headLength) == saved.headHash,
           file.hash(at: saved.byteOffset - Int64(saved.tailLength), length: saved.tailLength) == saved.tailHash {
            try file.seek(to: saved.byteOffset)
            return .resumed(byteOffset: saved.byteOffset, line: saved.lines)
        }
        checkpoint.byteOffset = 0
        checkpoint.lines = 0
        return .changed(previousOffset: saved.byteOffset)
    }

    /// Records what the file looks like up to the offset, to recognise it next time.
    func stamp(_ file: SourceFile, _ checkpoint: inout SourceCheckpoint) {
        let status = file.status()
        checkpoint.device = status?.device ?? 0
        checkpoint.inode = status?.inode ?? 0
        let head = Int(min(Int64(SourceCheckpoint.identityBytes), checkpoint.byteOffset))
        checkpoint.headLength = head
        checkpoint.headHash = file.hash(at: 0, length: head) ?? 0
        checkpoint.tailLength = head
        checkpoint.tailHash = file.hash(at: checkpoint.byteOffset - Int64(head), length: head) ?? 0
    }

    /// The name a source is shown under however it was named (`./a.jsonl`, `a.jsonl`, a symlink).
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
