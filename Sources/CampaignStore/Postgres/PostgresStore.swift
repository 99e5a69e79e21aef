import CampaignText
import Foundation

/// The store on a PostgreSQL server that a team shares: the same statements as
/// the SQLite file (`StoreEngine`), one transaction per call. Changes to an
/// anomaly are announced on `PostgresStore.anomalyChannel` with the schema and
/// the anomaly's id, delivered at commit to every connection that listens.
public final class PostgresStore: StoreEngine {
    private let url: String
    /// The connection in use; replaced by `reconnect()` when the server went away.
    private let current: LockedValue<PostgresConnection>
    /// The schema this store's tables are in, once it listens (nil: not listening).
    private let listening = LockedValue<String?>(nil)
    public var connection: PostgresConnection { current.withLock { $0 } }
    public var location: String { connection.location }

    /// The LISTEN/NOTIFY channel of anomaly changes. Channels belong to the
    /// database, not the schema, so the payload is `SCHEMA ID`: a team in
    /// another schema of the same database is not taken for this one.
    public static let anomalyChannel = "campaign_deck_anomaly"

    /// Connects and brings the database to the current schema. A database
    /// whose recorded migrations include one this version does not know was
    /// written by a newer CampaignDeck and is refused before anything is written.
    /// - Parameter create: false for commands that only read (or change what
    ///   is there): a database without CampaignDeck's tables is
    ///   `StoreError.noDatabase` rather than one they make, as a missing file is.
    public init(url: String, create: Bool = true, option: String = "--db") throws {
        self.url = url
        current = LockedValue(try PostgresConnection(url: url))
        do {
            // Checked with a read first: a database at the current schema needs no
            // write at all, so a role that may only read can list.
            let applied = try appliedIdentifiers(connection)
            if applied == nil && !create { throw StoreError.noDatabase(path: connection.location, option: option) }
            try refuseNewer(applied ?? [])
            if applied.map({ !$0.isSuperset(of: PostgresSchema.identifiers) }) ?? true { try migrate() }
        } catch let error as PostgresError {
            throw StoreError.cannotOpen(path: connection.location, detail: error.description)
        }
    }

    /// The recorded migrations; nil when the database has none of our tables.
    private func appliedIdentifiers(_ connection: PostgresConnection) throws -> Set<String>? {
        let table = try connection.execute("SELECT to_regclass('campaign_deck_migration') IS NOT NULL").rows.first?.first ?? nil
        guard table == "t" else { return nil }
        return Set(try connection.execute("SELECT identifier FROM campaign_deck_migration").rows.compactMap { $0[0] })
    }

    /// Migrations this version does not know were made by a newer one: the
    /// schema is at least the known ones plus those.
    private func refuseNewer(_ applied: Set<String>) throws {
        let unknown = applied.subtracting(PostgresSchema.identifiers)
        guard unknown.isEmpty else {
            throw StoreError.newerSchema(path: connection.location, found: PostgresSchema.migrations.count + unknown.count,
                                         known: PostgresSchema.migrations.count)
        }
    }

    /// A new connection in place of one the server dropped (a restart, a
    /// network cut), listening again if this one listened. Whatever was
    /// announced while away is lost with the old connection: the caller
    /// catches up by reading again (`anomalies(stampedAfter:)`).
    public func reconnect() throws {
        let fresh = try PostgresConnection(url: url)
        if listening.withLock({ $0 }) != nil { try fresh.execute("LISTEN \(Self.anomalyChannel)") }
        current.withLock { $0 = fresh }
    }

    private func migrate() throws {
        let connection = self.connection
        try connection.transaction { session in
            _ = try session.execute("SELECT pg_advisory_xact_lock($1)", [String(PostgresSchema.migrationLock)])
            try session.execute("CREATE TABLE IF NOT EXISTS campaign_deck_migration (identifier text PRIMARY KEY, applied_at bigint NOT NULL)")
            let applied = Set(try session.execute("SELECT identifier FROM campaign_deck_migration").rows.compactMap { $0[0] })
            try refuseNewer(applied)
            for migration in PostgresSchema.migrations where !applied.contains(migration.identifier) {
                try session.executeScript(migration.sql)
                try session.execute("INSERT INTO campaign_deck_migration(identifier, applied_at) VALUES ($1, $2)",
                                    [migration.identifier, String(AnomalyLog.now())])
            }
        }
    }

    /// The recorded migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try connection.execute("SELECT identifier FROM campaign_deck_migration ORDER BY applied_at, identifier").rows.compactMap { $0[0] }
    }

    /// A transaction the server chose to break a deadlock with, or that lost
    /// a serialization race, is run again from the start (its work was rolled
    /// back whole): two writers adding to one database take turns instead of
    /// one failing. Bodies are written to be run again: they keep nothing of
    /// an attempt outside the transaction.
    public func writeSQL<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try storeErrors(writing: true) {
            var attempt = 1
            while true {
                do {
                    return try connection.transaction { try body(PostgresSession(connection: $0)) }
                } catch let error as PostgresError where Self.retriedStates.contains(error.sqlState ?? "") && attempt < Self.attempts {
                    attempt += 1
                }
            }
        }
    }

    /// `40P01` deadlock detected, `40001` serialization failure.
    static let retriedStates: Set<String> = ["40P01", "40001"]
    static let attempts = 5

    /// Reads in a transaction too: a listing and its notes come from one snapshot.
    public func readSQL<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try storeErrors(writing: false) { try connection.transaction { try body(PostgresSession(connection: $0)) } }
    }

    /// Stamped by the server's clock, not this machine's: a listener catching
    /// up compares stamps written from many machines.
    public func anomalyChanged(_ id: Int64, in session: any SQLSession) throws {
        try session.execute("UPDATE anomaly SET updated_at = \(Self.serverMilliseconds) WHERE id = ?", [.integer(id)])
        try session.execute("SELECT pg_notify(?, coalesce(current_schema(), '') || ' ' || ?)", [.text(Self.anomalyChannel), .text(String(id))])
    }

    public func lockForChange(anomaly id: Int64, in session: any SQLSession) throws {
        _ = try session.fetchAll("SELECT id FROM anomaly WHERE id = ? FOR UPDATE", [.integer(id)])
    }

    /// A new minute is inserted; a stored one (another writer's, or split
    /// across batches) is locked, merged here in Swift and written back, so
    /// two writers adding to one minute are taken in turn and both count.
    /// Writers add their minutes in time order, so they lock rows in the
    /// same order and do not deadlock.
    public func addMinute(_ minute: Int64, events: Int64, leaves: [UInt8], in session: any SQLSession) throws {
        let inserted = try session.fetchAll("""
            INSERT INTO metric_minute(minute, events, leaves) VALUES (?, ?, ?)
            ON CONFLICT (minute) DO NOTHING RETURNING minute
            """, [.integer(minute), .integer(events), .blob(leaves)])
        guard inserted.isEmpty else { return }
        guard let row = try session.fetchOne("SELECT events, leaves FROM metric_minute WHERE minute = ? FOR UPDATE", [.integer(minute)]),
              let storedEvents = row.int64("events"), let stored = row.bytes("leaves").flatMap({ MinuteRecord.decode($0, minute: minute) }),
              let adding = MinuteRecord.decode(leaves, minute: minute) else {
            throw StoreError.corrupt(path: location, detail: Phrase.dataUnreadableMinute.text(minute))
        }
        try session.execute("UPDATE metric_minute SET events = ?, leaves = ? WHERE minute = ?",
                            [.integer(storedEvents + events), .blob(MinuteRecord.encode(MinuteRecord.merge(stored, adding), minute: minute)),
                             .integer(minute)])
    }

    public var sharesJudging: Bool { true }

    public func lock(_ name: String, in session: any SQLSession) throws {
        try session.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", [.text("campaign-deck:" + name)])
    }

    /// Commits stop waiting for the server's disk (`synchronous_commit = off`):
    /// a server crash may lose the last commits, whole, never part of one.
    public func relaxSyncForIngest() throws {
        try storeErrors(writing: true) { _ = try connection.execute("SET synchronous_commit = off") }
    }

    public func setting(_ key: String) throws -> String? {
        try readSQL { try $0.fetchOne("SELECT value FROM setting WHERE key = ?", [.text(key)])?.string("value") }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try writeSQL { session in
            try session.execute("INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                [.text(key), .text(value)])
        }
    }

    /// Starts listening for anomaly changes on this connection; read them with `connection.notifications()`.
    public func listenForAnomalyChanges() throws {
        let schema = try connection.execute("SELECT coalesce(current_schema(), '')").rows.first?.first ?? nil
        try connection.execute("LISTEN \(Self.anomalyChannel)")
        listening.withLock { $0 = schema ?? "" }
    }

    public func watchAnomalies() throws -> Bool {
        try storeErrors(writing: false) { try listenForAnomalyChanges() }
        return true
    }

    /// What other connections changed since the last call (this connection's
    /// own changes are left out: its caller knows them): the ids their
    /// commits announced. Does not wait. A dropped connection is replaced, and
    /// is `.missed`: what was announced meanwhile never arrived.
    public func anomalyNews() -> AnomalyNews {
        let connection = self.connection
        do {
            let own = connection.backendPID
            let schema = listening.withLock { $0 } ?? ""
            var ids = Set<Int64>()
            for notification in try connection.notifications() where notification.senderPID != own {
                guard let announced = Self.announcement(notification.payload) else { return .missed } // not ours to parse: read all
                if announced.schema == schema { ids.insert(announced.id) }
            }
            return ids.isEmpty ? .none : .changed(ids.sorted())
        } catch {
            // A server that is down is tried again every few seconds, not at
            // every call: connecting to an unreachable host waits out its timeout.
            let now = Date()
            guard retryAt.withLock({ $0 <= now }) else { return .none }
            if (try? reconnect()) != nil { return .missed }
            retryAt.withLock { $0 = now.addingTimeInterval(Self.reconnectPause) }
            return .none
        }
    }

    /// `SCHEMA ID` (the schema may hold spaces; the id is after the last one).
    static func announcement(_ payload: String) -> (schema: String, id: Int64)? {
        guard let space = payload.lastIndex(of: " "), let id = Int64(payload[payload.index(after: space)...]) else { return nil }
        return (String(payload[..<space]), id)
    }

    /// Seconds between attempts to reach a server that went away.
    static let reconnectPause: TimeInterval = 3
    private let retryAt = LockedValue(Date.distantPast)

    public func anomalyStamp(in session: any SQLSession) throws -> Int64 {
        try session.fetchInt64("SELECT coalesce(max(updated_at), 0) AS stamp FROM anomaly", []) ?? 0
    }

    public func anomalies(stampedAfter stamp: Int64, in session: any SQLSession) throws -> [Int64] {
        try session.fetchAll("SELECT id FROM anomaly WHERE updated_at > ? ORDER BY id", [.integer(stamp)]).compactMap { $0.int64("id") }
    }

    /// The server's wall clock in ms, as SQL (`clock_timestamp`: the moment of the statement, not of the transaction's start).
    static let serverMilliseconds = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint"

    /// Server refusals as the store's errors (a broken connection, a constraint).
    private func storeErrors<T>(writing: Bool, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError {
            throw writing ? StoreError.cannotWrite(path: location, detail: error.description)
                          : StoreError.cannotOpen(path: location, detail: error.description)
        }
    }
}
