import CampaignCore
import GRDB

/// The silences of one database: added from the command line or the
/// dashboard, read by the drain at sending time. A silence is never
/// deleted: expiring it ends it now, so `silence list --all` still shows
/// who silenced what, and why.
public struct Silences: Sendable {
    public let database: DeckDatabase

    public init(database: DeckDatabase) {
        self.database = database
    }

    /// A silence from `now` to `endsAt` (wall clock, epoch milliseconds).
    /// The caller has checked the terms (`SilenceTerms`).
    public func add(rule: String, scope: String?, endsAt: Int64, comment: String, createdBy: String,
                    now: Int64) throws -> Silence {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO silences(rule, scope, starts_at, ends_at, comment, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [rule, scope, now, endsAt, comment, createdBy, now])
            return Silence(id: db.lastInsertedRowID, rule: rule, scope: scope, startsAt: now, endsAt: endsAt,
                           comment: comment, createdBy: createdBy, createdAt: now)
        }
    }

    /// Silences active at `now`, oldest first; with `all`, every silence ever made.
    public func list(all: Bool, at now: Int64) throws -> [Silence] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM silences \(all ? "" : "WHERE starts_at <= ? AND ends_at > ?") ORDER BY id",
                             arguments: all ? [] : [now, now]).map(Self.silence)
        }
    }

    public func active(at now: Int64) throws -> [Silence] { try list(all: false, at: now) }

    /// The silence covering a message of `rule` in `scope` (a notice's
    /// scope: empty for the total) at `now`, if any.
    public func silence(for rule: String, scope: String, at now: Int64) throws -> Silence? {
        Silence.covering(try active(at: now), rule: rule, scope: scope, at: now)
    }

    /// Whether every firing message of `anomalyID` to `channel` was skipped
    /// by a silence (none delivered or waiting): its resolution would be
    /// news of something the channel never heard of.
    public func firingSilencedOnly(anomalyID: Int64, channel: String) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM notify_outbox WHERE anomaly_id = ?1 AND channel = ?2 AND status = 'firing'
                               AND state = 'skipped' AND skipped_reason LIKE 'silenced by #%')
                   AND NOT EXISTS (SELECT 1 FROM notify_outbox WHERE anomaly_id = ?1 AND channel = ?2 AND status = 'firing'
                                   AND state IN ('delivered', 'pending'))
                """, arguments: [anomalyID, channel]) ?? false
        }
    }

    /// Ends silence `id` now. An unknown id, or one that has already ended
    /// (ran out or expired before), is refused: expiring it again would
    /// change nothing, and the user likely meant another id.
    @discardableResult
    public func expire(id: Int64, at now: Int64) throws -> Silence {
        try database.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM silences WHERE id = ?", arguments: [id]) else {
                throw StoreError.unknownSilence(id: id)
            }
            var silence = Self.silence(row)
            guard silence.state(at: now) == .active else {
                throw StoreError.silenceEnded(id: id, byHand: silence.expiredAt != nil)
            }
            try db.execute(sql: "UPDATE silences SET ends_at = ?, expired_at = ? WHERE id = ?", arguments: [now, now, id])
            silence.endsAt = now
            silence.expiredAt = now
            return silence
        }
    }

    private static func silence(_ row: Row) -> Silence {
        Silence(id: row["id"], rule: row["rule"], scope: row["scope"], startsAt: row["starts_at"], endsAt: row["ends_at"],
                comment: row["comment"], createdBy: row["created_by"], createdAt: row["created_at"],
                expiredAt: row["expired_at"])
    }
}
