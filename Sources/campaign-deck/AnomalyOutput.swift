import CampaignCore
import CampaignStore

/// Anomalies as tables, JSON (the fields' snake_case names) and CSV.
/// Times are shown in the campaign's zone; tables write values by their
/// metric (JSON and CSV keep the raw numbers).
struct AnomalyOutput {
    var clock: CampaignClock
    let values: AlertValueText

    init(timeZone: String, currency: String?) {
        clock = CampaignClock(timeZoneIdentifier: timeZone)
        values = AlertValueText(currency: currency)
    }

    static let csvHeader = ["id", "title", "source", "status", "severity", "opened_at", "recovered_at", "closed_at", "rule",
                            "per", "scope", "metric", "observed_value", "threshold", "owner", "cause", "action"]

    mutating func time(_ ms: Int64?) -> String { ms.map { clock.rfc3339($0) } ?? "" }

    /// `2026-04-09 14:32` for tables, where the seconds and offset are noise.
    mutating func short(_ ms: Int64?) -> String {
        guard let ms else { return "-" }
        return String(clock.rfc3339(ms).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    mutating func json(_ a: Anomaly, notes: Bool) -> JSONValue {
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

    mutating func csvRow(_ a: Anomaly) -> [String] {
        [String(a.id), a.title, a.source.rawValue, a.status.rawValue, a.severity.rawValue, time(a.openedAt),
         time(a.recoveredAt), time(a.closedAt), a.rule ?? "", a.per ?? "", a.scope ?? "", a.metric ?? "",
         a.observedValue.map(Formatting.plain) ?? "", a.threshold.map(Formatting.plain) ?? "", a.owner ?? "",
         a.cause ?? "", a.action ?? ""]
    }

    mutating func list(_ anomalies: [Anomaly], format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([("anomalies", .array(anomalies.map { json($0, notes: false) }))]).serialized() + "\n"
        case .csv:
            return CSVWriter.document(header: Self.csvHeader, rows: anomalies.map { csvRow($0) })
        case .table:
            if anomalies.isEmpty { return "no anomalies\n" }
            var table = TextTable([.init("ID", .right), .init("STATUS"), .init("SEVERITY"), .init("OPENED"),
                                   .init("RECOVERED"), .init("SCOPE"), .init("OWNER"), .init("TITLE")])
            for a in anomalies {
                table.add([String(a.id), a.status.rawValue, a.severity.rawValue, short(a.openedAt), short(a.recoveredAt),
                           a.scope ?? "-", a.owner ?? "-", a.title])
            }
            return table.rendered()
        }
    }

    /// One anomaly with its timeline; CSV gives the timeline alone.
    mutating func detail(_ a: Anomaly, format: OutputFormat) -> String {
        switch format {
        case .json:
            return json(a, notes: true).serialized(pretty: true) + "\n"
        case .csv:
            return CSVWriter.document(header: ["at", "clock", "author", "kind", "text"],
                                      rows: a.notes.map { [time($0.at), $0.clock.rawValue, $0.author, $0.kind.rawValue, $0.text] })
        case .table:
            // Every value from the log on one line: a title or note with a line
            // break or a carriage return would otherwise redraw the layout.
            func safe(_ text: String) -> String { text.terminalSafe }
            var lines = ["anomaly \(a.id): \(safe(a.title))",
                         "  status     \(a.status.rawValue)\(a.recoveredAt == nil ? "" : " (recovered)")",
                         "  severity   \(a.severity.rawValue)",
                         "  opened     \(time(a.openedAt)) (\(a.source == .alert ? "event" : "wall") time)"]
            if let at = a.recoveredAt { lines.append("  recovered  \(time(at)) (event time)") }
            if let at = a.closedAt { lines.append("  closed     \(time(at)) (wall time)") }
            if let rule = a.rule { lines.append("  rule       \(safe(rule))") }
            if let per = a.per, let scope = a.scope { lines.append("  scope      \(safe(per)) \(safe(scope))") }
            if let metric = a.metric {
                let measured = values.measured(a.observedValue, threshold: a.threshold, metric: metric)
                lines.append("  metric     \(safe(metric)) = \(measured)")
            }
            lines.append("  owner      \(safe(a.owner ?? "-"))")
            if let cause = a.cause { lines.append("  cause      \(safe(cause))") }
            if let action = a.action { lines.append("  action     \(safe(action))") }
            lines.append("timeline (\(AnomalyTimeText.legend)):")
            var times = AnomalyTimeText(timeZone: clock.timeZone.identifier, campaignYear: nil)
            for note in a.notes {
                let marker = note.kind == .note ? "" : "· "
                lines.append("  \(times.short(note.at)) \(AnomalyTimeText.label(note.clock))  \(safe(note.author)): \(marker)\(safe(note.text))")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
