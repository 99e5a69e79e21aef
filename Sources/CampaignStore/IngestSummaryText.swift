import CampaignCore
import CampaignText

// What `ingest` says when it ends, in the reader's language (the JSON and CSV
// forms keep their keys, in the executable's IngestSummary).

extension SourceReport {
    /// `live.jsonl: 55 events from 55 lines, resumed after line 50`.
    public var summaryLine: String {
        var line = Phrase.ingestSourceLine.text(path, Formatting.count(Int64(events)), Formatting.count(Int64(lines)))
        if rejected > 0 || skipped > 0 { line = Phrase.ingestRejectedSkipped.text(line, rejected, skipped) }
        if case .resumed(_, let at) = start { line = Phrase.ingestResumed.text(line, Formatting.count(Int64(at))) }
        // An unterminated last line waits for its line break (or --final).
        if pendingLines > 0 { line = Phrase.ingestPending.text(line, pendingLines) }
        return line
    }
}

extension IngestTotals {
    /// Where it went and what the alerts did; a dry run stored nothing.
    public func summaryLine(database: String?) -> String {
        guard let database else { return Phrase.ingestDryRun.text() }
        return commits == 1
            ? Phrase.ingestStoredOne.text(database, anomaliesOpened, anomaliesRefired, anomaliesRecovered)
            : Phrase.ingestStored.text(database, commits, anomaliesOpened, anomaliesRefired, anomaliesRecovered)
    }
}
