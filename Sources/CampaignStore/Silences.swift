import CampaignCore

/// The silences of one database: added from the command line or the
/// dashboard, read by the drain at sending time. A silence is never
/// deleted: expiring it ends it now, so `silence list --all` still shows
/// who silenced what, and why. Written once for both engines.
public struct Silences: Sendable {
    public let store: any StoreEngine

    public init(database: any StoreEngine) {
        store = database
    }

    /// A silence from `now` to `endsAt` (wall clock, epoch milliseconds).
    /// The caller has checked the terms (`SilenceTerms`).
    public func add(rule: String, scope: String?, endsAt: Int64, comment: String, createdBy: String,
                    now: Int64) throws -> Silence {
        try store.writeSQL { db in
            let inserted = try db.fetchOne("""
                INSERT INTO silences(rule, scope, starts_at, ends_at, comment, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, [.text(rule), .optional(scope), .integer(now), .integer(endsAt), .text(comment), .text(createdBy), .integer(now)])
            guard let id = inserted?.int64("id") else { throw StoreError.writeFailed(detail: "no id for the new silence") }
            return Silence(id: id, rule: rule, scope: scope, startsAt: now, endsAt: endsAt,
                           comment: comment, createdBy: createdBy, createdAt: now)
        }
    }

    /// Silences active at `now`, oldest first; with `all`, every silence ever made.
    public func list(all: Bool, at now: Int64) throws -> [Silence] {
        try store.readSQL { db in
            try db.fetchAll("SELECT \(Self.columns) FROM silences \(all ? "" : "WHERE starts_at <= ? AND ends_at > ?") ORDER BY id",
                            all ? [] : [.integer(now), .integer(now)]).map(Self.silence)
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
        let key: [SQLValue] = [.integer(anomalyID), .text(channel)]
        return try store.readSQL { db in
            try db.fetchOne("""
                SELECT EXISTS (SELECT 1 FROM notify_outbox WHERE anomaly_id = ? AND channel = ? AND status = 'firing'
                               AND state = 'skipped' AND skipped_reason LIKE 'silenced by #%')
                   AND NOT EXISTS (SELECT 1 FROM notify_outbox WHERE anomaly_id = ? AND channel = ? AND status = 'firing'
                                   AND state IN ('delivered', 'pending')) AS answer
                """, key + key)?.bool("answer") ?? false
        }
    }

    /// Ends silence `id` now. An unknown id, or one that has already ended
    /// (ran out or expired before), is refused: expiring it again would
    /// change nothing, and the user likely meant another id.
    @discardableResult
    public func expire(id: Int64, at now: Int64) throws -> Silence {
        try store.writeSQL { db in
            guard let row = try db.fetchOne("SELECT \(Self.columns) FROM silences WHERE id = ?", [.integer(id)]) else {
                throw StoreError.unknownSilence(id: id)
            }
            var silence = Self.silence(row)
            guard silence.state(at: now) == .active else {
                throw StoreError.silenceEnded(id: id, byHand: silence.expiredAt != nil)
            }
            try db.execute("UPDATE silences SET ends_at = ?, expired_at = ? WHERE id = ?", [.integer(now), .integer(now), .integer(id)])
            silence.endsAt = now
            silence.expiredAt = now
            return silence
        }
    }

    private static let columns = "id, rule, scope, starts_at, ends_at, comment, created_by, created_at, expired_at"

    private static func silence(_ row: SQLRow) -> Silence {
        Silence(id: row.int64("id") ?? 0, rule: row.string("rule") ?? "", scope: row.string("scope"),
                startsAt: row.int64("starts_at") ?? 0, endsAt: row.int64("ends_at") ?? 0,
                comment: row.string("comment") ?? "", createdBy: row.string("created_by") ?? "",
                createdAt: row.int64("created_at") ?? 0, expiredAt: row.int64("expired_at"))
    }
}
