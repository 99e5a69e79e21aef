import CampaignCore

/// Reading the log again after others changed it, without reading all of it:
/// what a dashboard on a shared server does each time it hears of a change.
extension AnomalyLog {
    /// Anomalies with their notes, and the log's change stamp in the same snapshot.
    public struct Reading: Sendable {
        public var anomalies: [Anomaly]
        /// `StoreEngine.anomalyStamp` when this was read: the point to catch up from.
        public var stamp: Int64
    }

    /// The whole log, newest first, with notes.
    public func readAll() throws -> Reading {
        try store.readSQL { db in
            Reading(anomalies: try Self.withNotes(db, where: "", []), stamp: try store.anomalyStamp(in: db))
        }
    }

    /// The anomalies among `ids` (announced changes; ids this log does not
    /// hold are left out), and, when `stampedAfter` is given (news were
    /// missed), every anomaly stamped after it.
    public func read(ids: [Int64], stampedAfter: Int64?) throws -> Reading {
        try store.readSQL { db in
            var wanted = Set(ids)
            if let stampedAfter { wanted.formUnion(try store.anomalies(stampedAfter: stampedAfter, in: db)) }
            var anomalies: [Anomaly] = []
            // In slices: a statement's parameters are bounded (SQLite's default limit is 32,766).
            let sorted = wanted.sorted()
            for start in stride(from: 0, to: sorted.count, by: Self.idsPerQuery) {
                let slice = sorted[start..<min(start + Self.idsPerQuery, sorted.count)]
                let marks = Array(repeating: "?", count: slice.count).joined(separator: ", ")
                anomalies += try Self.withNotes(db, where: "id IN (\(marks))", slice.map { .integer($0) })
            }
            // Each slice came newest first; together, in the same order.
            anomalies.sort { ($0.openedAt, $0.id) > ($1.openedAt, $1.id) }
            return Reading(anomalies: anomalies, stamp: try store.anomalyStamp(in: db))
        }
    }

    static let idsPerQuery = 500

    /// Anomalies matching `condition` (SQL on `anomaly`'s columns; empty: all), newest first, each with its notes.
    static func withNotes(_ db: any SQLSession, where condition: String, _ arguments: [SQLValue]) throws -> [Anomaly] {
        let filter = condition.isEmpty ? "" : "WHERE \(condition)"
        var notes: [Int64: [AnomalyNote]] = [:]
        let noteFilter = condition.isEmpty ? "" : "WHERE anomaly_id IN (SELECT id FROM anomaly \(filter))"
        for row in try db.fetchAll("SELECT anomaly_id, \(AnomalyRows.noteColumns) FROM anomaly_note \(noteFilter) ORDER BY id", arguments) {
            notes[row.int64("anomaly_id") ?? 0, default: []].append(AnomalyRows.note(row))
        }
        return try db.fetchAll("SELECT \(AnomalyRows.columns) FROM anomaly \(filter) ORDER BY opened_at DESC, id DESC", arguments)
            .map { row in
                var anomaly = AnomalyRows.anomaly(row)
                anomaly.notes = notes[anomaly.id] ?? []
                return anomaly
            }
    }
}
