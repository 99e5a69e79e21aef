import CampaignCore
import CampaignText

/// Anomalies as `anomalies list` and `anomalies show` print them: tables in
/// the reader's language, JSON (the fields' snake_case names) and CSV with
/// the raw values. Times are shown in the campaign's zone; tables write
/// values by their metric (JSON and CSV keep the raw numbers).
public struct AnomalyListing {
    public var clock: CampaignClock
    let values: AlertValueText

    public init(timeZone: String, currency: String?) {
        clock = CampaignClock(timeZoneIdentifier: timeZone)
        values = AlertValueText(currency: currency)
    }

    public static let csvHeader = ["id", "title", "source", "status", "severity", "opened_at", "recovered_at", "closed_at",
                                   "rule", "per", "scope", "metric", "observed_value", "threshold", "owner", "cause", "action"]
    public static let timelineCSVHeader = ["at", "clock", "author", "kind", "text"]

    mutating func time(_ ms: Int64?) -> String { ms.map { clock.rfc3339($0) } ?? "" }

    /// `2026-04-09 14:32` for tables, where the seconds and offset are noise.
    mutating func short(_ ms: Int64?) -> String {
        guard let ms else { return "-" }
        return String(clock.rfc3339(ms).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    public mutating func json(_ a: Anomaly, notes: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .int(Int(a.id))), ("title", .string(a.title)), ("source", .string(a.source.rawValue)),
            ("status", .string(a.status.rawValue)), ("severity", .string(a.severity.rawValue)),
            ("opened_at", .string(time(a.openedAt))), ("recovered_at", a.recoveredAt.map { .string(time($0)) } ?? .null),
            ("closed_at", a.closedAt.map { .string(time($0)) } ?? .null),
            ("rule", .optional(a.rule)), ("per", .optional(a.per)), ("scope", .optional(a.scope)),
            ("metric", .optional(a.metric)), ("observed_value", .optional(a.observedValue)),
            ("threshold", .optional(a.threshold)), ("owner", .optional(a.owner)), ("cause", .optional(a.cause)),
            ("action", .optional(a.action)),
        ]
        if notes {
            members.append(("notes", .array(a.notes.map { note in
                .object([("at", .string(time(note.at))), ("clock", .string(note.clock.rawValue)), ("author", .string(note.author)),
                         ("kind", .string(note.kind.rawValue)), ("text", .string(note.text))])
            })))
        }
        return .object(members)
    }

    public mutating func csvRow(_ a: Anomaly) -> [String] {
        [String(a.id), a.title, a.source.rawValue, a.status.rawValue, a.severity.rawValue, time(a.openedAt),
         time(a.recoveredAt), time(a.closedAt), a.rule ?? "", a.per ?? "", a.scope ?? "", a.metric ?? "",
         a.observedValue.map(Formatting.plain) ?? "", a.threshold.map(Formatting.plain) ?? "", a.owner ?? "",
         a.cause ?? "", a.action ?? ""]
    }

    public mutating func timelineCSVRows(_ a: Anomaly) -> [[String]] {
        a.notes.map { [time($0.at), $0.clock.rawValue, $0.author, $0.kind.rawValue, $0.text] }
    }

    public mutating func table(_ anomalies: [Anomaly]) -> String {
        if anomalies.isEmpty { return Phrase.anomaliesNone.text() + "\n" }
        var table = TextTable([.init(Phrase.anomaliesHeadID.text(), .right), .init(Phrase.anomaliesHeadStatus.text()),
                               .init(Phrase.anomaliesHeadSeverity.text()), .init(Phrase.anomaliesHeadOpened.text()),
                               .init(Phrase.anomaliesHeadRecovered.text()), .init(Phrase.anomaliesHeadScope.text()),
                               .init(Phrase.anomaliesHeadOwner.text()), .init(Phrase.anomaliesHeadTitle.text())])
        for a in anomalies {
            table.add([String(a.id), AnomalyStatusWords.status(a.status), AnomalyStatusWords.severity(a.severity.rawValue),
                       short(a.openedAt), short(a.recoveredAt), a.scope ?? "-", a.owner ?? "-", a.title])
        }
        return table.rendered()
    }

    /// One anomaly with its timeline, labels lined up by display width.
    /// Every value from the log is on one line: a title or note with a line
    /// break or a carriage return would otherwise redraw the layout.
    public mutating func detail(_ a: Anomaly) -> String {
        func safe(_ text: String) -> String { text.terminalSafe }
        let status = AnomalyStatusWords.status(a.status)
        var fields: [(Phrase, String)] = [
            (.anomalyShowStatus, a.recoveredAt == nil ? status : Phrase.anomalyShowRecoveredMark.text(status)),
            (.anomalyShowSeverity, AnomalyStatusWords.severity(a.severity.rawValue)),
            (.anomalyShowOpened, (a.source == .alert ? Phrase.anomalyShowEventTime : Phrase.anomalyShowWallTime).text(time(a.openedAt))),
        ]
        if let at = a.recoveredAt { fields.append((.anomalyShowRecovered, Phrase.anomalyShowEventTime.text(time(at)))) }
        if let at = a.closedAt { fields.append((.anomalyShowClosed, Phrase.anomalyShowWallTime.text(time(at)))) }
        if let rule = a.rule { fields.append((.anomalyShowRule, safe(rule))) }
        if let per = a.per, let scope = a.scope { fields.append((.anomalyShowScope, "\(safe(AnomalyStatusWords.per(per))) \(safe(scope))")) }
        if let metric = a.metric {
            let measured = values.measured(a.observedValue, threshold: a.threshold, metric: metric)
            fields.append((.anomalyShowMetric, "\(safe(metric)) = \(measured)"))
        }
        fields.append((.anomalyShowOwner, safe(a.owner ?? "-")))
        if let cause = a.cause { fields.append((.anomalyShowCause, safe(cause))) }
        if let action = a.action { fields.append((.anomalyShowAction, safe(action))) }
        let labels = fields.map { $0.0.text() }
        // One width for every anomaly, so two `show`s line up alike.
        let all: [Phrase] = [.anomalyShowStatus, .anomalyShowSeverity, .anomalyShowOpened, .anomalyShowRecovered,
                             .anomalyShowClosed, .anomalyShowRule, .anomalyShowScope, .anomalyShowMetric,
                             .anomalyShowOwner, .anomalyShowCause, .anomalyShowAction]
        let width = (all.map { DisplayWidth.of($0.text()) }.max() ?? 0) + 2
        var lines = [Phrase.anomalyShowTitle.text(a.id, safe(a.title))]
        lines += zip(labels, fields).map { "  " + DisplayWidth.pad($0, toWidth: width) + $1.1 }
        lines.append(Phrase.anomalyShowTimeline.text(AnomalyTimeText.legend))
        var times = AnomalyTimeText(timeZone: clock.timeZone.identifier, campaignYear: nil)
        for note in a.notes {
            let marker = note.kind == .note ? "" : "· "
            lines.append("  \(times.short(note.at)) \(AnomalyTimeText.label(note.clock))  \(safe(AnomalyNoteWords.author(of: note))): \(marker)\(safe(AnomalyNoteWords.text(of: note)))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
