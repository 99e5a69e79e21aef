import CampaignCore
import GRDB

/// Reading anomalies and notes out of rows: one place that knows the columns.
enum AnomalyRows {
    static let columns = """
        id, title, source, opened_at, recovered_at, closed_at, rule, per, scope, metric, observed_value, \
        threshold, severity, status, owner, cause, action
        """

    static func anomaly(_ row: Row) -> Anomaly {
        Anomaly(id: row["id"], title: row["title"],
                source: Anomaly.Source(rawValue: row["source"]) ?? .manual,
                openedAt: row["opened_at"], recoveredAt: row["recovered_at"], closedAt: row["closed_at"],
                rule: row["rule"], per: row["per"], scope: row["scope"], metric: row["metric"],
                observedValue: row["observed_value"], threshold: row["threshold"],
                severity: AlertRule.Severity(rawValue: row["severity"]) ?? .warning,
                status: AnomalyStatus(rawValue: row["status"]) ?? .open,
                owner: row["owner"], cause: row["cause"], action: row["action"], notes: [])
    }

    static func fetch(_ db: Database, id: Int64) throws -> Anomaly {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM anomaly WHERE id = ?", arguments: [id]) else {
            throw StoreError.unknownAnomaly(id: id)
        }
        var anomaly = anomaly(row)
        anomaly.notes = try Row.fetchAll(
            db, sql: "SELECT \(noteColumns) FROM anomaly_note WHERE anomaly_id = ? ORDER BY id", arguments: [id]
        ).map(note)
        return anomaly
    }

    /// A note written for an alert transition carries the transition's key
    /// (every alert entry does since v4): its time is event time.
    static let noteColumns = "at, author, kind, text, transition IS NOT NULL AS event_time"

    static func note(_ row: Row) -> AnomalyNote {
        AnomalyNote(at: row["at"], author: row["author"], kind: AnomalyNote.Kind(rawValue: row["kind"]) ?? .note, text: row["text"],
                    clock: row["event_time"] ? .event : .wall)
    }

    /// Every anomaly's notes in one query (oldest first), for views that show many anomalies.
    static func allNotes(_ db: Database) throws -> [Int64: [AnomalyNote]] {
        var notes: [Int64: [AnomalyNote]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT anomaly_id, \(noteColumns) FROM anomaly_note ORDER BY id") {
            notes[row["anomaly_id"], default: []].append(note(row))
        }
        return notes
    }

    static func addNote(_ db: Database, id: Int64, at: Int64, author: String, kind: AnomalyNote.Kind, text: String) throws {
        try db.execute(sql: "INSERT INTO anomaly_note(anomaly_id, at, author, kind, text) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id, at, author, kind.rawValue, text])
    }
}
