import Foundation
import GRDB

/// The project's SQLite database (SPEC §8): anomaly log, metric history,
/// ingest offsets. WAL mode, so the dashboard reads while an ingest writes;
/// a busy timeout, so a note written by hand waits for the ingest's current
/// batch instead of failing. Every write is one transaction.
public final class DeckDatabase: Sendable {
    public let path: String
    let pool: DatabasePool

    /// How long a writer waits for another process's transaction. An ingest
    /// commits about once a second, so this is generous.
    public static let busyTimeout: TimeInterval = 15

    /// Opens (or creates) the database at `path`, migrating it to the current
    /// schema. A file that is not ours, is damaged, or is from a newer version
    /// is refused before anything is written to it.
    /// - Parameter createFolder: make missing parent folders (for the default
    ///   state-directory location; a mistyped `--db` folder is an error instead).
    public init(path: String, createFolder: Bool = false) throws {
        self.path = path
        let verdict = try DatabaseFileCheck.inspect(path: path)
        if verdict == .create && createFolder {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "campaign-deck"
        configuration.prepareDatabase { db in db.add(function: MetricHistoryWriter.mergeFunction) }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try DeckSchema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    /// Resolves the SPEC §8 location and opens it; the state-directory default
    /// gets its folder made.
    public convenience init(db: String?, plan: String?,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let path = DatabaseLocation.resolve(db: db, plan: plan, environment: environment)
        try self.init(path: path, createFolder: (db == nil || db!.isEmpty) && (plan == nil || plan == "demo"))
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
            throw StoreError.writeFailed(detail: error.message ?? "\(error.resultCode)")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    /// Stops waiting for the disk at every commit of this process (WAL with
    /// `synchronous = NORMAL`). A killed process still loses nothing; a power
    /// loss may undo the last commits, whole and with the offsets they
    /// recorded, so an ingest redoes them. Only for a process that does
    /// nothing but ingest: people's notes and acknowledgements keep full sync.
    func relaxSyncForIngest() throws {
        do {
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        } catch let error as DatabaseError {
            throw StoreError.writeFailed(detail: error.message ?? "\(error.resultCode)")
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
    }
}
