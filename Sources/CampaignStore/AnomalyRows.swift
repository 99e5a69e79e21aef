import CampaignCore

/// Reading anomalies and notes out of rows: one place that knows the columns.
/// Written once for both engines (`SQLSession`).
enum AnomalyRows {
    static let columns = """
        id, title, source, opened_at, recovered_at, closed_at, rule, per, scope, metric, observed_value, \
        threshold, severity, status, owner, cause, action
        """

    static func anomaly(_ row: SQLRow) -> Anomaly {
        Anomaly(id: row.int64("id") ?? 0, title: row.string("title") ?? "",
                source: row.string("source").flatMap(Anomaly.Source.init(rawValue:)) ?? .manual,
                openedAt: row.int64("opened_at") ?? 0, recoveredAt: row.int64("recovered_at"), closedAt: row.int64("closed_at"),
                rule: row.string("rule"), per: row.string("per"), scope: row.string("scope"), metric: row.string("metric"),
                observedValue: row.double("observed_value"), threshold: row.double("threshold"),
                severity: row.string("severity").flatMap(AlertRule.Severity.init(rawValue:)) ?? .warning,
                status: row.string("status").flatMap(AnomalyStatus.init(rawValue:)) ?? .open,
                owner: row.string("owner"), cause: row.string("cause"), action: row.string("action"), notes: [])
    }

    static func fetch(_ db: any SQLSession, id: Int64) throws -> Anomaly {
        guard let row = try db.fetchOne("SELECT \(columns) FROM anomaly WHERE id = ?", [.integer(id)]) else {
            throw StoreError.unknownAnomaly(id: id)
        }
        var anomaly = anomaly(row)
        anomaly.notes = try db.fetchAll(
            "SELECT \(noteColumns) FROM anomaly_note WHERE anomaly_id = ? ORDER BY id", [.integer(id)]
        ).map(note)
        return anomaly
    }

    /// A note written for an alert transition carries the transition's key
    /// (every alert entry does since v4): its time is event time.
    static let noteColumns = "at, author, kind, text, transition IS NOT NULL AS event_time"

    static func note(_ row: SQLRow) -> AnomalyNote {
        AnomalyNote(at: row.int64("at") ?? 0, author: row.string("author") ?? "",
                    kind: row.string("kind").flatMap(AnomalyNote.Kind.init(rawValue:)) ?? .note, text: row.string("text") ?? "",
                    clock: row.bool("event_time") ? .event : .wall)
    }

    static func addNote(_ db: any SQLSession, id: Int64, at: Int64, author: String, kind: AnomalyNote.Kind, text: String) throws {
        try db.execute("INSERT INTO anomaly_note(anomaly_id, at, author, kind, text) VALUES (?, ?, ?, ?, ?)",
                       [.integer(id), .integer(at), .text(author), .text(kind.rawValue), .text(text)])
    }
}
