import CampaignCore
import Foundation

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

    public let database: any StoreEngine

    public init(database: any StoreEngine) {
        self.database = database
    }

    /// Pending messages in the order they happened (event time, then written order).
    public func pending() throws -> [Entry] {
        try database.readSQL { session in
            try session.fetchAll("""
                SELECT id, channel, fingerprint, rule, event_at, hold_until, notice, attempts, next_attempt_at, last_error
                FROM notify_outbox WHERE state = 'pending' ORDER BY event_at, id
                """, []).map { row in
                Entry(id: row.int64("id") ?? 0, channel: row.string("channel") ?? "", fingerprint: row.string("fingerprint") ?? "",
                      rule: row.string("rule") ?? "", eventAt: row.int64("event_at") ?? 0, holdUntil: row.int64("hold_until"),
                      notice: try JSONDecoder().decode(AlertNotice.self, from: Data((row.string("notice") ?? "").utf8)),
                      attempts: Int(row.int64("attempts") ?? 0), nextAttemptAt: row.int64("next_attempt_at") ?? 0,
                      lastError: row.string("last_error"))
            }
        }
    }

    /// How many messages wait, without reading their notices.
    public func pendingCount() throws -> Int {
        try database.readSQL { Int(try $0.fetchInt64("SELECT count(*) AS pending FROM notify_outbox WHERE state = 'pending'") ?? 0) }
    }

    public func markDelivered(_ ids: [Int64], at now: Int64) throws {
        try database.writeSQL { session in
            for id in ids {
                try session.execute("""
                    UPDATE notify_outbox SET state = 'delivered', delivered_at = ?, attempts = attempts + 1,
                        last_error = NULL WHERE id = ?
                    """, [.integer(now), .integer(id)])
            }
        }
    }

    public func markFailed(_ ids: [Int64], error: String, retryAt: Int64) throws {
        try database.writeSQL { session in
            for id in ids {
                try session.execute("""
                    UPDATE notify_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?
                    """, [.text(error), .integer(retryAt), .integer(id)])
            }
        }
    }

    /// Rows that will not be sent, with why (a silence, an acknowledged
    /// anomaly's reminder): they leave the pending list but stay on record.
    public func markSkipped(_ ids: [Int64], reason: String, at now: Int64) throws {
        try database.writeSQL { session in
            for id in ids {
                try session.execute("""
                    UPDATE notify_outbox SET state = 'skipped', skipped_reason = ?, delivered_at = ? WHERE id = ? AND state = 'pending'
                    """, [.text(reason), .integer(now), .integer(id)])
            }
        }
    }

    /// The events' clock for sending: the latest event time committed to
    /// this database (nil before any commit that kept it).
    public func watermark() throws -> Int64? {
        try database.readSQL { try $0.fetchInt64("SELECT event_at FROM notify_clock WHERE id = 1") }
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
        return try database.readSQL { session in
            var states: [Int64: AnomalyState] = [:]
            for id in ids {
                if let row = try session.fetchOne("SELECT status, recovered_at FROM anomaly WHERE id = ?", [.integer(id)]) {
                    states[id] = AnomalyState(status: row.string("status") ?? "", recoveredAt: row.int64("recovered_at"))
                }
            }
            return states
        }
    }

    /// Whether a firing message of `anomalyID` reached `channel` or still
    /// may: a resolution is only news to a channel that hears of the firing.
    public func firingAnnounced(anomalyID: Int64, channel: String) throws -> Bool {
        try database.readSQL { session in
            try session.fetchOne("""
                SELECT 1 AS announced FROM notify_outbox WHERE anomaly_id = ? AND channel = ? AND status = 'firing'
                    AND state IN ('delivered', 'pending') LIMIT 1
                """, [.integer(anomalyID), .text(channel)]) != nil
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
        try database.writeSQL { session in
            // Two senders asking at once are taken in turn, so only one finds the lease free.
            try database.lock("notify-lease", in: session)
            if let current = try session.fetchOne("SELECT holder, expires_at FROM notify_lease WHERE id = 1", []) {
                let owner = current.string("holder") ?? "", expires = current.int64("expires_at") ?? 0
                guard owner == holder || expires <= now || isGone(owner) else { return false }
            }
            try session.execute("""
                INSERT INTO notify_lease(id, holder, expires_at) VALUES (1, ?, ?)
                ON CONFLICT(id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                """, [.text(holder), .integer(now + seconds * 1_000)])
            return true
        }
    }

    public func releaseLease(holder: String) throws {
        try database.writeSQL { try $0.execute("DELETE FROM notify_lease WHERE id = 1 AND holder = ?", [.text(holder)]) }
    }
}
