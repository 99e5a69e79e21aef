import CampaignCore
import Foundation

/// The anomaly log as people use it: open by hand, acknowledge,
/// assign, resolve, write notes. Each call is one transaction, committed
/// before it returns, so an acknowledged entry or a note survives any crash
/// that follows. Every change also leaves an event in the timeline.
/// The same statements run on a SQLite file and on a team's PostgreSQL server.
public struct AnomalyLog: Sendable {
    public let store: any StoreEngine

    public init(database: any StoreEngine) {
        store = database
    }

    public init(store: any StoreEngine) {
        self.store = store
    }

    /// Wall-clock now in epoch milliseconds, whole seconds (what people do is
    /// not timed to the millisecond, and whole seconds read better).
    public static func now() -> Int64 { Int64(Date().timeIntervalSince1970.rounded(.down)) * 1000 }

    public func open(_ manual: ManualAnomaly, author: String, at: Int64 = AnomalyLog.now()) throws -> Anomaly {
        try store.writeSQL { db in
            let (per, scope): (String?, String?) =
                manual.channel.map { ("channel", $0) } ?? manual.segment.map { ("segment", $0) } ?? (nil, nil)
            let inserted = try db.fetchOne("""
                INSERT INTO anomaly(title, source, opened_at, per, scope, metric, severity, status, owner)
                VALUES (?, 'manual', ?, ?, ?, ?, ?, 'open', ?) RETURNING id
                """, [.text(manual.title), .integer(at), .optional(per), .optional(scope), .optional(manual.metric),
                       .text(manual.severity.rawValue), .optional(manual.owner)])
            guard let id = inserted?.int64("id") else { throw StoreError.writeFailed(detail: "no id for the new anomaly") }
            try AnomalyRows.addNote(db, id: id, at: at, author: author, kind: .event, text: "opened by hand")
            if let note = manual.note, !note.isEmpty {
                try AnomalyRows.addNote(db, id: id, at: at, author: author, kind: .note, text: note)
            }
            try store.anomalyChanged(id, in: db)
            return try AnomalyRows.fetch(db, id: id)
        }
    }

    /// Newest first, without notes.
    public func list(_ filter: AnomalyFilter = AnomalyFilter()) throws -> [Anomaly] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let status = filter.status { conditions.append("status = ?"); arguments.append(.text(status.rawValue)) }
        if let severity = filter.severity { conditions.append("severity = ?"); arguments.append(.text(severity.rawValue)) }
        if let channel = filter.channel { conditions.append("per = 'channel' AND scope = ?"); arguments.append(.text(channel)) }
        if let since = filter.since { conditions.append("opened_at >= ?"); arguments.append(.integer(since)) }
        if let until = filter.until { conditions.append("opened_at < ?"); arguments.append(.integer(until)) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try store.readSQL { db in
            try db.fetchAll("SELECT \(AnomalyRows.columns) FROM anomaly \(whereClause) ORDER BY opened_at DESC, id DESC",
                            arguments).map(AnomalyRows.anomaly)
        }
    }

    /// Newest first, each with its notes: two queries however many anomalies
    /// there are (the dashboard refreshes this after every alert change).
    public func listWithNotes() throws -> [Anomaly] {
        try store.readSQL { db in try Self.withNotes(db, where: "", []) }
    }

    /// One anomaly with its whole timeline; an unknown id is `StoreError.unknownAnomaly`.
    public func anomaly(id: Int64) throws -> Anomaly {
        try store.readSQL { db in try AnomalyRows.fetch(db, id: id) }
    }

    /// Someone is on it. The owner becomes `owner` if given, else stays as it
    /// was: seeing an alert is not taking it on, so acknowledging never makes
    /// the acknowledger its owner (assigning does). A resolved anomaly is refused
    /// (`StoreError.anomalyResolved`): acknowledging it would change nothing,
    /// and saying "acknowledged" would make people think someone is on it.
    public func acknowledge(id: Int64, owner: String? = nil, by author: String, at: Int64 = AnomalyLog.now()) throws -> Anomaly {
        try change(id: id) { db, current in
            guard current.status != .resolved else { throw StoreError.anomalyResolved(id: id) }
            let newOwner = owner ?? current.owner
            try db.execute("UPDATE anomaly SET status = ?, owner = ? WHERE id = ?",
                           [.text(AnomalyStatus.acknowledged.rawValue), .optional(newOwner), .integer(id)])
            let text = owner.map { "acknowledged; owner \($0)" } ?? "acknowledged"
            try AnomalyRows.addNote(db, id: id, at: at, author: author, kind: .event, text: text)
        }
    }

    public func assign(id: Int64, to owner: String, by author: String, at: Int64 = AnomalyLog.now()) throws -> Anomaly {
        try change(id: id) { db, current in
            try db.execute("UPDATE anomaly SET owner = ? WHERE id = ?", [.text(owner), .integer(id)])
            let text = current.owner.map { "reassigned from \($0) to \(owner)" } ?? "assigned to \(owner)"
            try AnomalyRows.addNote(db, id: id, at: at, author: author, kind: .event, text: text)
        }
    }

    /// Closes the anomaly. Resolving again updates cause and action but keeps
    /// the first closing time and the status it was first resolved from
    /// (what `reopen` goes back to).
    public func resolve(id: Int64, cause: String? = nil, action: String? = nil, by author: String,
                        at: Int64 = AnomalyLog.now()) throws -> Anomaly {
        try change(id: id) { db, current in
            // SET reads the row as it was, so `status` here is the status before this resolution.
            try db.execute("""
                UPDATE anomaly SET status = 'resolved', closed_at = coalesce(closed_at, ?),
                    resolved_from = CASE WHEN status = 'resolved' THEN resolved_from ELSE status END,
                    cause = coalesce(?, cause), action = coalesce(?, action) WHERE id = ?
                """, [.integer(at), .optional(cause), .optional(action), .integer(id)])
            var text = current.status == .resolved ? "resolution updated" : "resolved"
            if let cause { text += "; cause: \(cause)" }
            if let action { text += "; action: \(action)" }
            try AnomalyRows.addNote(db, id: id, at: at, author: author, kind: .event, text: text)
        }
    }

    /// Undoes the resolution (made by mistake, or the problem came back): the
    /// anomaly goes back to the status it was resolved from (acknowledged
    /// stays acknowledged, the owner stays), the closing time is cleared, and
    /// cause and action stop being its resolution; they stay on the timeline,
    /// with who reopened it and when. Only a resolved anomaly can be reopened.
    public func reopen(id: Int64, by author: String, at: Int64 = AnomalyLog.now()) throws -> Anomaly {
        try change(id: id) { db, current in
            guard current.status == .resolved else { throw StoreError.anomalyNotResolved(id: id) }
            let before = try db.fetchOne("SELECT resolved_from FROM anomaly WHERE id = ?", [.integer(id)])?
                .string("resolved_from").flatMap(AnomalyStatus.init(rawValue:)) ?? .open
            try db.execute("""
                UPDATE anomaly SET status = ?, closed_at = NULL, cause = NULL, action = NULL, resolved_from = NULL
                WHERE id = ?
                """, [.text(before.rawValue), .integer(id)])
            try AnomalyRows.addNote(db, id: id, at: at, author: author, kind: .event, text: "reopened; \(before.rawValue) again")
        }
    }

    public func note(id: Int64, text: String, author: String, at: Int64 = AnomalyLog.now()) throws -> Anomaly {
        try change(id: id) { db, _ in
            try AnomalyRows.addNote(db, id: id, at: at, author: author, kind: .note, text: text)
        }
    }

    /// Reads the anomaly, applies `body`, and returns the result, all in one transaction.
    private func change(id: Int64, _ body: (any SQLSession, Anomaly) throws -> Void) throws -> Anomaly {
        try store.writeSQL { db in
            try store.lockForChange(anomaly: id, in: db)
            let current = try AnomalyRows.fetch(db, id: id)
            try body(db, current)
            try store.anomalyChanged(id, in: db)
            return try AnomalyRows.fetch(db, id: id)
        }
    }
}
