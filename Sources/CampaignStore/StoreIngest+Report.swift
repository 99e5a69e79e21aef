import CampaignCore
import Foundation

/// What one report file changed.
public struct ReportIngestReport: Sendable, Equatable {
    public var path: String
    public var rows = 0
    /// Hours × scopes whose figures differ from what the database held (new ones included).
    public var changed = 0
    public var unchanged = 0
    public var rejected = 0
    /// Records stored: one per changed figure.
    public var events = 0
    /// This read's first rejected rows, with their line numbers (`IngestStats.sampleLimit` at most).
    public var samples: [RejectedLineSample] = []
}

extension StoreIngest {
    /// Ingests an ad platform's report file through `source`'s mapping.
    ///
    /// The file is read whole every time. For each hour and scope it names,
    /// the figures stored for this source (`report_contribution`) are
    /// subtracted and the file's added: the metric history gets one record per
    /// changed figure carrying the difference, committed with the new figures
    /// and the file's offset and identity in one transaction. So an updated
    /// export replaces its hours, never doubles them, and the same file
    /// ingested again changes nothing. Hours the file does not name keep what
    /// earlier files said.
    ///
    /// Alerts: the differences are folded into the alert monitor like any
    /// late events, so judging goes on from the corrected figures; anomalies
    /// already in the log for a replaced hour stay as they were logged.
    public func ingestReport(path: String, source: ReportSource) throws -> ReportIngestReport {
        let file = try SourceFile(path: path, regularOnly: true)
        var opened = try open(file)
        try file.seek(to: 0)
        // The names this store knows (stored and read in this run) count toward --max-scopes, as for JSON lines.
        var limits = ReportRowLimits(options.limits, known: reader.symbols)
        var contents = try ReportFileReader.read(bytes: Self.readAll(file), name: path, source: source, timeZone: timeZone, limits: &limits)
        var stored = try database.map { try ReportContributions.load(source: source.id, keys: contents.keys, $0) } ?? [:]
        var report = ReportIngestReport(path: path, rows: contents.rows, rejected: contents.rejected, samples: contents.samples)
        var update = ReportContributions.Update(source: source.id, figures: [], path: path)
        // Room for exactly the changes: a re-read that changes little keeps nothing like the file's size.
        update.figures.reserveCapacity(contents.keys.count { contents.figures[$0] != stored[$0] })
        for key in contents.keys {
            let new = contents.figures[key]!
            let old = stored[key]
            if old == new {
                report.unchanged += 1
                continue
            }
            update.figures.append((key, old, new))
        }
        report.changed = update.figures.count
        // Only the changes are needed from here on: the file's figures and the stored ones go
        // before the records are made (on a large file each is as big as the changes).
        contents = ReportFile(path: path)
        stored = [:]
        var events = 0
        _ = try consume { reader, consumer in
            try reader.deliver(reportChanges: update.figures) { records, symbols in
                events += records.count
                try consumer(records, symbols)
            }
        }
        report.events = events
        samples.append(contentsOf: report.samples)
        pendingSamples.append(contentsOf: report.samples)
        let size = file.status()?.size ?? 0
        opened.checkpoint.byteOffset = size
        opened.checkpoint.lines = report.rows + 1
        opened.checkpoint.events += events
        // The file's own count, not added to the last read's: the same bad row is one bad row.
        opened.checkpoint.rejected = report.rejected
        stamp(file, &opened.checkpoint)
        try commit(opened.checkpoint, continuesFrom: opened.storedOffset, reportContributions: update)
        _ = try finish()
        return report
    }

    private static func readAll(_ file: SourceFile) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try file.read(into: $0.baseAddress!, count: $0.count) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
