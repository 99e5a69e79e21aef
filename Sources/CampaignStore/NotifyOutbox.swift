import CampaignCore
import Foundation
import GRDB

/// The messages waiting to be sent, and who may send them. Rows are written
/// by `OutboxWriting` with the transitions they announce; a sender reads the
/// pending ones, sends, and marks each delivered or failed (with when to try
/// again), so a process killed mid-drain resends at most what was in flight.
public struct NotifyOutbox: Sendable {
    public struct Entry: Sendable, Equatable {
        public var id: Int64
        public var channel: String
        public var fingerprint: String
        public var rule: String
        /// Event time, epoch milliseconds.
        public var eventAt: Int64
        /// Event time the row waits for (quiet hours); nil: due when written.
        public var holdUntil: Int64?
        public var notice: AlertNotice
        public var attempts: Int
        /// Wall clock, epoch milliseconds: not tried again before this.
        public var nextAttemptAt: Int64
        public var lastError: String?

        /// When the row may be sent by the events' clock: its own time, or the end of its hold.
        public var dueAt: Int64 { max(eventAt, holdUntil ?? eventAt) }
    }

    public let database: DeckDatabase

    public init(database: DeckDatabase) {
        self.database = database
    }

    /// Pending messages in the order they happened (event time, then written order).
    public func pending() throws -> [Entry] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, channel, fingerprint, rule, event_at, hold_until, notice, attempts, next_attempt_at, last_error
                FROM notify_outbox WHERE state = 'pending' ORDER BY event_at, id
                """).map { row in
                let json: String = row["notice"]
                return Entry(id: row["id"], channel: row["channel"], fingerprint: row["fingerprint"], rule: row["rule"],
                             eventAt: row["event_at"], holdUntil: row["hold_until"],
                             notice: try JSONDecoder().decode(AlertNotice.self, from: Data(json.utf8)),
                             attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"],
                             lastError: row["last_error"])
            }
        }
    }

    /// How many messages wait, without reading their notices.
    public func pendingCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM notify_outbox WHERE state = 'pending'") ?? 0 }
    }

    public func markDelivered(_ ids: [Int64], at now: Int64) throws {
        try database.write { db in
            for id in ids {
                try db.execute(sql: """
                    UPDATE notify_outbox SET state = 'delivered', delivered_at = ?, attempts = attempts + 1,
                        last_error = NULL WHERE id = ?
                    """, arguments: [now, id])
            }
        }
    }

    public func markFailed(_ ids: [Int64], error: String, retryAt: Int64) throws {
        try database.write { db in
            for id in ids {
                try db.execute(sql: """
                    UPDATE notify_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?
                    """, arguments: [error, retryAt, id])
            }
        }
    }

    /// Rows that will not be sent, with why (a silence, an acknowledged
    /// anomaly's reminder): they leave the pending list but stay on record.
    public func markSkipped(_ ids: [Int64], reason: String, at now: Int64) throws {
        try database.write { db in
            for id in ids {
                try db.execute(sql: """
                    UPDATE notify_outbox SET state = 'skipped', skipped_reason = ?, delivered_at = ? WHERE id = ? AND state = 'pending'
                    """, arguments: [reason, now, id])
            }
        }
    }

    /// The events' clock for sending: the latest event time committed to
    /// this database (nil before any commit that kept it).
    public func watermark() throws -> Int64? {
        try database.read { db in try Int64.fetchOne(db, sql: "SELECT event_at FROM notify_clock WHERE id = 1") }
    }

    /// Moves the events' clock forward to `eventAt` (never back: a replay of
    /// older lines leaves it), inside the caller's transaction; returns the
    /// clock as it was.
    @discardableResult
    static func advanceWatermark(to eventAt: Int64, in db: any SQLSession) throws -> Int64? {
        let previous = try db.fetchOne("SELECT event_at FROM notify_clock WHERE id = 1", [])?.int64("event_at")
        if previous.map({ eventAt > $0 }) ?? true {
            try db.execute("""
                INSERT INTO notify_clock(id, event_at) VALUES (1, ?)
                ON CONFLICT(id) DO UPDATE SET event_at = excluded.event_at
                """, [.integer(eventAt)])
        }
        return previous
    }

    /// Where each anomaly stands now, for the checks made when sending.
    public struct AnomalyState: Sendable, Equatable {
        public var status: String
        /// Event time the alert stopped firing (nil while it fires).
        public var recoveredAt: Int64?
    }

    public func anomalyStates(_ ids: Set<Int64>) throws -> [Int64: AnomalyState] {
        guard !ids.isEmpty else { return [:] }
        return try database.read { db in
            var states: [Int64: AnomalyState] = [:]
            for id in ids {
                if let row = try Row.fetchOne(db, sql: "SELECT status, recovered_at FROM anomaly WHERE id = ?",
                                              arguments: [id]) {
                    states[id] = AnomalyState(status: row["status"], recoveredAt: row["recovered_at"])
                }
            }
            return states
        }
    }

    /// Whether a firing message of `anomalyID` reached `channel` or still
    /// may: a resolution is only news to a channel that hears of the firing.
    public func firingAnnounced(anomalyID: Int64, channel: String) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM notify_outbox WHERE anomaly_id = ? AND channel = ? AND status = 'firing'
                               AND state IN ('delivered', 'pending'))
                """, arguments: [anomalyID, channel]) ?? false
        }
    }

    /// Takes or renews the sender lease for `seconds`: true when `holder`
    /// now holds it, false while another holder's lease has not expired.
    /// A lease not renewed in time may be taken over, so a sender that died
    /// does not stop delivery for good; so may one whose holder `isGone`
    /// says has ended (a process on this machine that no longer runs), so a
    /// restart after a kill need not wait out the lease.
    public func takeLease(holder: String, now: Int64, seconds: Int64 = 30,
                          isGone: (String) -> Bool = { _ in false }) throws -> Bool {
        try database.write { db in
            if let current = try Row.fetchOne(db, sql: "SELECT holder, expires_at FROM notify_lease WHERE id = 1") {
                let owner: String = current["holder"], expires: Int64 = current["expires_at"]
                guard owner == holder || expires <= now || isGone(owner) else { return false }
            }
            try db.execute(sql: """
                INSERT INTO notify_lease(id, holder, expires_at) VALUES (1, ?, ?)
                ON CONFLICT(id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                """, arguments: [holder, now + seconds * 1_000])
            return true
        }
    }

    public func releaseLease(holder: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM notify_lease WHERE id = 1 AND holder = ?", arguments: [holder])
        }
    }
}
