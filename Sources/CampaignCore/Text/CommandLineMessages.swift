import CampaignText

/// Lines the commands print that count something, in the interface
/// language: English says `1 line` / `2 lines`, so each has two phrases.
public enum CommandLineMessages {
    /// `campaign-deck: 3 lines rejected, 120 events accepted (1 more not shown)`,
    /// after the first few rejected lines with their reasons.
    public static func rejectedLines(_ rejected: Int, accepted: Int, notShown: Int) -> String {
        let line = rejected == 1 ? Phrase.cliRejectedOne.text(accepted) : Phrase.cliRejectedMany.text(rejected, accepted)
        return notShown > 0 ? Phrase.cliRejectedMore.text(line, notShown) : line
    }
}

extension CommandLineMessages {
    /// `3 lines`, `1 row`, `2 duplicates`: a count with its noun in the interface language.
    public static func count(_ number: Int, _ one: Phrase, _ many: Phrase, formatted: String? = nil) -> String {
        number == 1 ? one.text() : many.text(formatted ?? String(number))
    }

    /// What `segment` says on standard error after the rejected rows it lists.
    public static func segmentRejections(_ history: PurchaseHistory, file: String, shown: Int) -> [String] {
        var lines: [String] = []
        if history.rejected.count > shown { lines.append(Phrase.cliSegmentMoreRejected.text(history.rejected.count - shown)) }
        lines.append(Phrase.cliSegmentRejected.text(
            file, count(history.rejectedCount, .cliCountRowOne, .cliCountRows),
            count(history.duplicateCount, .cliCountExactDuplicateOne, .cliCountExactDuplicates)))
        lines.append(lineAccount(history, file: file))
        return lines
    }

    /// Every line of the file accounted for, so nothing can go missing unseen:
    /// `tx.csv: 161,143 lines = 1 header + 161,141 rows counted + 1 rejected + 0 duplicates`.
    public static func lineAccount(_ history: PurchaseHistory, file: String) -> String {
        let lines = history.lines
        let counted = history.rowsRead - history.rejected.count
        func grouped(_ n: Int) -> String { Formatting.count(Int64(n)) }
        var text = Phrase.cliLineAccount.text(
            file, count(lines.total, .cliCountLineOne, .cliCountLines, formatted: grouped(lines.total)), grouped(lines.header),
            count(counted, .cliCountRowOne, .cliCountRows, formatted: grouped(counted)), grouped(history.rejectedCount),
            count(history.duplicateCount, .cliCountDuplicateOne, .cliCountDuplicates, formatted: grouped(history.duplicateCount)))
        if lines.blank > 0 { text += Phrase.cliLineAccountBlank.text(grouped(lines.blank)) }
        if lines.continuation > 0 {
            text += Phrase.cliLineAccountQuoted.text(count(lines.continuation, .cliCountLineOne, .cliCountLines,
                                                           formatted: grouped(lines.continuation)))
        }
        return text
    }
}

extension CommandLineMessages {
    /// One change as `alerts --format table` prints it; English keeps the
    /// states' raw names (`no_data`), as the JSON and CSV write them.
    public static func alertLine(_ change: AlertTransition, at time: String) -> String {
        Phrase.cliAlertLine.text(time, change.rule.terminalSafe, change.scope.terminalSafe, stateWord(change.from), stateWord(change.to),
                                 change.value.map { Formatting.plain($0) } ?? "-", change.threshold.map { Formatting.plain($0) } ?? "-")
    }

    static func stateWord(_ state: AlertState) -> String {
        switch state {
        case .ok: return Phrase.cliAlertStateOK.text()
        case .pending: return Phrase.cliAlertStatePending.text()
        case .firing: return Phrase.cliAlertStateFiring.text()
        case .noData: return Phrase.cliAlertStateNoData.text()
        }
    }
}
