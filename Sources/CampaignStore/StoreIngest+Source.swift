import CampaignCore
import Foundation

extension StoreIngest {
    /// Ingests one source: a file (resuming at its stored offset) or `-`.
    /// With `options.follow`, keeps reading a file as it grows until `stop`
    /// is requested, surviving truncation and rotation like `tail -F`.
    public func ingest(path: String, stop: FollowStop? = nil) throws -> SourceReport {
        var file = try SourceFile(path: path)
        let key = file.isStandardInput ? "-" : Self.canonicalPath(path)
        let stored = try database.flatMap { try IngestCheckpoints(database: $0).checkpoint(path: key) }
        var checkpoint = stored ?? SourceCheckpoint(path: key)
        // The offset the stored row holds, as far as this run knows.
        var storedOffset = stored?.byteOffset
        let start = try position(file, &checkpoint)
        var report = SourceReport(path: path, start: start)
        var pending: [UInt8] = []
        pending.reserveCapacity(options.chunkSize + 4096)

        func take(_ bytes: [UInt8]) throws {
            let delta = try consume(bytes, source: path, firstLine: checkpoint.lines)
            checkpoint.byteOffset += Int64(bytes.count)
            checkpoint.lines += delta.linesRead
            checkpoint.events += delta.eventsAccepted
            checkpoint.rejected += delta.rejected
            checkpoint.skipped += delta.skipped
            report.lines += delta.linesRead
            report.events += delta.eventsAccepted
            report.rejected += delta.rejected
            report.skipped += delta.skipped
        }
        var savedOffset: Int64 = -1
        func save() throws {
            if !file.isStandardInput { stamp(file, &checkpoint) }
            try commit(checkpoint, continuesFrom: storedOffset)
            savedOffset = checkpoint.byteOffset
            storedOffset = checkpoint.byteOffset
        }

        while true {
            let n = try file.read(appendingTo: &pending, count: options.chunkSize)
            if n > 0 {
                // Only whole lines go further: the offset must land on a line boundary.
                guard let lastBreak = pending.lastIndex(of: 0x0A) else { continue }
                if lastBreak == pending.count - 1 {
                    try take(pending)
                    pending.removeAll(keepingCapacity: true)
                } else {
                    let rest = Array(pending[(lastBreak + 1)...])
                    pending.removeLast(rest.count)
                    try take(pending)
                    pending = rest
                }
                if commitDue { try save() }
                continue
            }
            // End of what is there now.
            guard options.follow, !file.isStandardInput else {
                if !pending.isEmpty { try take(pending) } // a finished file's last line needs no line break
                pending.removeAll()
                break
            }
            if checkpoint.byteOffset != savedOffset { try save() }
            if stop?.isRequested == true { break }
            if let now = file.pathStatus(), let open = file.status(), (now.device, now.inode) != (open.device, open.inode) {
                // Rotated: the old file is complete, so its last line is whole.
                if !pending.isEmpty { try take(pending) }
                pending.removeAll()
                try save()
                file = try SourceFile(path: path)
                checkpoint.byteOffset = 0
                checkpoint.lines = 0
                report.restarts += 1
                continue
            }
            if let open = file.status(), open.size < checkpoint.byteOffset + Int64(pending.count) {
                // Truncated: what is there now is new content.
                try file.seek(to: 0)
                pending.removeAll()
                checkpoint.byteOffset = 0
                checkpoint.lines = 0
                report.restarts += 1
                continue
            }
            Thread.sleep(forTimeInterval: options.pollSeconds)
        }
        try save()
        _ = try finish() // the report promises the offset is stored
        report.endOffset = checkpoint.byteOffset
        return report
    }

    /// Seeks to where the last run stopped, if the file is still the one it read.
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
    private func stamp(_ file: SourceFile, _ checkpoint: inout SourceCheckpoint) {
        let status = file.status()
        checkpoint.device = status?.device ?? 0
        checkpoint.inode = status?.inode ?? 0
        let head = Int(min(Int64(SourceCheckpoint.identityBytes), checkpoint.byteOffset))
        checkpoint.headLength = head
        checkpoint.headHash = file.hash(at: 0, length: head) ?? 0
        checkpoint.tailLength = head
        checkpoint.tailHash = file.hash(at: checkpoint.byteOffset - Int64(head), length: head) ?? 0
    }

    /// One key per file however it was named (`./a.jsonl`, `a.jsonl`, a symlink).
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
