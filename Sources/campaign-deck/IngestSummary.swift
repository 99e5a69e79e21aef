import CampaignCore
import CampaignStore
import CampaignText

/// What `ingest` prints when it ends: per source, lines and events read in
/// this run and where it started; then commits and anomalies.
enum IngestSummary {
    static func render(_ reports: [SourceReport], totals: IngestTotals, database: String?, format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([
                ("db", .optional(database)),
                ("sources", .array(reports.map { report in
                    .object([("path", .string(report.path)), ("start", .string(startName(report.start))),
                             ("resumed_at_line", resumedLine(report.start).map { .int($0) } ?? .null),
                             ("lines", .int(report.lines)), ("events", .int(report.events)),
                             ("rejected", .int(report.rejected)), ("skipped", .int(report.skipped)),
                             ("end_offset", .int(Int(report.endOffset))), ("pending_lines", .int(report.pendingLines))])
                })),
                ("commits", .int(totals.commits)), ("anomalies_opened", .int(totals.anomaliesOpened)),
                ("anomalies_refired", .int(totals.anomaliesRefired)),
                ("anomalies_recovered", .int(totals.anomaliesRecovered)),
            ]).serialized() + "\n"
        case .csv:
            return CSVWriter.document(header: ["path", "start", "lines", "events", "rejected", "skipped", "end_offset", "pending_lines"],
                                      rows: reports.map { [$0.path, startName($0.start), String($0.lines), String($0.events),
                                                           String($0.rejected), String($0.skipped), String($0.endOffset),
                                                           String($0.pendingLines)] })
        case .table:
            return (reports.map(\.summaryLine) + [totals.summaryLine(database: database)]).joined(separator: "\n") + "\n"
        }
    }

    static func startName(_ start: SourceReport.Start) -> String {
        switch start {
        case .fresh: return "fresh"
        case .resumed: return "resumed"
        case .changed: return "changed"
        }
    }

    static func resumedLine(_ start: SourceReport.Start) -> Int? {
        if case .resumed(_, let line) = start { return line }
        return nil
    }

    /// The same shape as the other stream commands: a few reasons, then a count.
    static func reportRejections(_ samples: [RejectedLineSample], reports: [SourceReport], limit: Int = 5) {
        reportRejections(samples, rejected: reports.reduce(0) { $0 + $1.rejected }, accepted: reports.reduce(0) { $0 + $1.events }, limit: limit)
    }

    static func reportRejections(_ samples: [RejectedLineSample], rejected: Int, accepted events: Int, limit: Int = 5) {
        guard rejected > 0 else { return }
        for sample in samples.prefix(limit) { Output.error("\(sample.formatted) (\(sample.excerpt))") }
        let more = rejected - min(limit, samples.count)
        Output.error(CommandLineMessages.rejectedLines(rejected, accepted: events, notShown: more))
    }

    /// A file that no longer matches what was read is read from the start: say so.
    static func noteChanged(_ report: SourceReport) {
        if case .changed(let previous) = report.start {
            Output.error(Phrase.cliFileChanged.text(previous, report.path))
        }
    }
}
