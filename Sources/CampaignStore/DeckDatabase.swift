import Foundation
import GRDB
import CampaignText

/// The project's SQLite database: anomaly log, metric history,
/// ingest offsets. WAL mode, so the dashboard reads while an ingest writes;
/// a busy timeout, so a note written by hand waits for the ingest's current
/// batch instead of failing. Every write is one transaction.
public final class DeckDatabase: Sendable {
    public let path: String
    let pool: DatabasePool
    /// This file in `OpenDatabaseFiles`, until this connection is closed
    /// or goes away (nil once it is out of the registry).
    private let registered: LockedValue<OpenDatabaseFiles.FileID?>

    /// How long a writer waits for another process's transaction. An ingest
    /// commits about once a second, so this is generous.
    public static let busyTimeout: TimeInterval = 15

    /// Opens (or creates) the database at `path`, migrating it to the current
    /// schema. A file that is not ours, is damaged, or is from a newer version
    /// is refused before anything is written to it.
    ///
    /// Opening waits for other processes like every later statement does: the
    /// busy timeout is set before the first statement (also on the read-only
    /// look at the file), and a database already at the current schema is not
    /// migrated at all, so opening takes no write lock (several note writers
    /// and an ingest starting at the same moment all get in, one after another).
    /// - Parameter createFolder: make missing parent folders (for the default
    ///   state-directory location; a mistyped `--db` folder is an error instead).
    /// - Parameter create: false for commands that only read (or change what
    ///   is already there): a missing file is `StoreError.noDatabase` naming
    ///   `option`, rather than a new empty database that hides a typo.
    public init(path: String, createFolder: Bool = false, create: Bool = true, option: String = "--db") throws {
        self.path = path
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.noDatabase(path: path, option: option)
        }
        var configuration = Self.configuration()
        configuration.prepareDatabase { db in db.add(function: MetricHistoryWriter.mergeFunction) }
        let (pool, fileID) = try OpenDatabaseFiles.opening(path: path, check: {
            let verdict = try DatabaseFileCheck.inspect(path: path)
            if verdict == .create && createFolder {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty {
                    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
            }
        }, connect: {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                // Checking is a read (no lock against writers); migrating takes the
                // write lock, so only a file that needs it pays for it.
                try Self.migrate(pool)
                return pool
            } catch let error as DatabaseError {
                throw Self.failure(error, path: path, writing: false)
            }
        })
        self.pool = pool
        registered = LockedValue(fileID)
    }

    deinit {
        OpenDatabaseFiles.closed(registered.withLock { $0 })
    }

    /// Brings the file to the current schema (`DeckSchema.migrate`, safe
    /// beside other processes opening it at the same moment). Checked and
    /// migrated on the writer's connection: a read-only reader would be the
    /// last connection to close, and could not fold the WAL back into the file.
    static func migrate(_ pool: DatabasePool) throws {
        try pool.writeWithoutTransaction { db in
            if try !DeckSchema.isCurrent(db) { try DeckSchema.migrate(db) }
        }
    }

    /// The settings every connection gets before its first statement.
    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "campaign-deck"
        return configuration
    }

    /// A GRDB error in our words. SQLite gives up on a lock only after the busy
    /// timeout, so "locked" then means another process held it all that time.
    static func failure(_ error: DatabaseError, path: String, writing: Bool) -> StoreError {
        if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            let detail = Phrase.dataLockedFor.text(Int(busyTimeout), error.message ?? "database is locked")
            return writing ? .cannotWrite(path: path, detail: detail) : .cannotOpen(path: path, detail: detail)
        }
        if writing { return .cannotWrite(path: path, detail: error.message ?? "\(error.resultCode)") }
        return StoreError(error, path: path)
    }

    /// Resolves the location (`DatabaseLocation`) and opens it; the state-directory default
    /// gets its folder made.
    /// `create: false` refuses a missing file (see `init(path:…)`).
    public convenience init(db: String?, plan: String?, create: Bool = true,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let path = DatabaseLocation.resolve(db: db, plan: plan, environment: environment)
        if PostgresURL.isPostgres(path) { throw StoreError.sqliteFileExpected(location: PostgresURL.redacted(path)) }
        let given = (db.map { !$0.isEmpty } ?? false) || DatabaseLocation.fromEnvironment(environment) != nil
        try self.init(path: path, createFolder: !given && (plan == nil || plan == "demo"), create: create,
                      option: given ? DatabaseLocation.option(db: db, environment: environment) : Phrase.dataDefaultDatabase.text())
    }

    /// The schema version stored in the file.
    public func schemaVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// One write transaction; GRDB errors come out as `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as DatabaseError {
            throw Self.failure(error, path: path, writing: true)
        } catch StoreError.writeFailed(let detail) {
            throw StoreError.cannotWrite(path: path, detail: detail)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw Self.failure(error, path: path, writing: false)
        }
    }

    /// Stops waiting for the disk at every commit of this process (WAL with
    /// `synchronous = NORMAL`). A killed process still loses nothing; a power
    /// loss may undo the last commits, whole and with the offsets they
    /// recorded, so an ingest redoes them. Only for a process that does
    /// nothing but ingest: people's notes and acknowledgements keep full sync.
    public func relaxSyncForIngest() throws {
        do {
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        } catch let error as DatabaseError {
            throw Self.failure(error, path: path, writing: true)
        }
    }

    /// A stored setting (e.g. the campaign time zone ingest last used).
    public func setting(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }

    /// Closes the connections (tests reopen the same file).
    public func close() throws {
        try pool.close()
        OpenDatabaseFiles.closed(registered.withLock { id in defer { id = nil }; return id })
    }
}
