import CampaignCore
import CampaignStore
import CampaignText

/// `ingest --source ID FILE…`: report files read through the plan's mapping.
enum ReportIngest {
    static func source(_ id: String, plan: Plan, planGiven: Bool) throws -> ReportSource {
        guard planGiven else { throw CLIError(Phrase.cliPlace.text(Phrase.sourceNeedsPlan.text("--source", "sources:", "--plan"), "--source")) }
        guard let source = plan.sources.first(where: { $0.id == id }) else {
            let ids = plan.sources.map(\.id)
            let hint = ids.isEmpty ? Phrase.sourceNoneInPlan.text("sources:") : nil
            throw CLIError(Phrase.cliPlace.text(Phrase.sourceUnknown.text(id, Suggestion.hint(for: id, among: ids)), "--source"), hint: hint)
        }
        return source
    }

    static func run(_ ingest: StoreIngest, files: [String], source: ReportSource) throws -> [ReportIngestReport] {
        try files.map { file in
            try reporting(source) { try StoreInput.run { try ingest.ingestReport(path: file, source: source) } }
        }
    }

    /// A file that cannot be read at all, said with the option that named its mapping.
    static func reporting<T>(_ source: ReportSource, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ReportFileError {
            throw CLIError(Phrase.cliPlace.text(error.message, "--source \(source.id)"))
        }
    }

    static func render(_ reports: [ReportIngestReport], totals: IngestTotals, database: String?, format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([
                ("db", .optional(database)),
                ("sources", .array(reports.map { report in
                    .object([("path", .string(report.path)), ("rows", .int(report.rows)), ("changed", .int(report.changed)),
                             ("unchanged", .int(report.unchanged)), ("rejected", .int(report.rejected)), ("events", .int(report.events))])
                })),
                ("commits", .int(totals.commits)), ("anomalies_opened", .int(totals.anomaliesOpened)),
                ("anomalies_refired", .int(totals.anomaliesRefired)), ("anomalies_recovered", .int(totals.anomaliesRecovered)),
            ]).serialized() + "\n"
        case .csv:
            return CSVWriter.document(header: ["path", "rows", "changed", "unchanged", "rejected", "events"],
                                      rows: reports.map { [$0.path, String($0.rows), String($0.changed), String($0.unchanged),
                                                           String($0.rejected), String($0.events)] })
        case .table:
            let lines = reports.map { Phrase.sourceSummary.text($0.path.terminalSafe, $0.rows, $0.changed, $0.unchanged, $0.rejected) }
            return (lines + [totals.summaryLine(database: database)]).joined(separator: "\n") + "\n"
        }
    }
}
