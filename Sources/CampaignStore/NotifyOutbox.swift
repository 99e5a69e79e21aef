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
        public var notice: AlertNotice
        public var attempts: Int
        /// Wall clock, epoch milliseconds: not tried again before this.
        public var nextAttemptAt: Int64
        public var lastError: String?
    }

    public let database: DeckDatabase

    public init(database: DeckDatabase) {
        self.database = database
    }

    /// Pending messages in the order they happened (event time, then written order).
    public func pending() throws -> [Entry] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, channel, fingerprint, rule, event_at, notice, attempts, next_attempt_at, last_error
                FROM notify_outbox WHERE state = 'pending' ORDER BY event_at, id
                """).map { row in
                let json: String = row["notice"]
                return Entry(id: row["id"], channel: row["channel"], fingerprint: row["fingerprint"], rule: row["rule"],
                             eventAt: row["event_at"],
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
