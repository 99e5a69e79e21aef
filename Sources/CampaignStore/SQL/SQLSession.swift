import Foundation

/// A value bound to, or read from, a statement on either engine.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// Bytes (SQLite's BLOB, PostgreSQL's bytea).
    case blob([UInt8])

    /// NULL for nil.
    public static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
    public static func optional(_ number: Int64?) -> SQLValue { number.map(SQLValue.integer) ?? .null }
    /// NULL for nil, and for NaN and the infinities, which neither engine's REAL keeps alike.
    public static func real(_ number: Double?) -> SQLValue {
        guard let number, number.isFinite else { return .null }
        return .real(number)
    }
}

/// One row, by column name. PostgreSQL's rows arrive as text and SQLite's as
/// typed values; the accessors read both, so store code never asks which.
public struct SQLRow: Sendable {
    let values: [String: SQLValue]

    public subscript(_ column: String) -> SQLValue { values[column] ?? .null }

    public func int64(_ column: String) -> Int64? {
        switch self[column] {
        case .integer(let value): return value
        case .real(let value): return Int64(exactly: value)
        case .text(let text): return Int64(text)
        case .null, .blob: return nil
        }
    }

    public func double(_ column: String) -> Double? {
        switch self[column] {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        case .text(let text): return Double(text)
        case .null, .blob: return nil
        }
    }

    public func string(_ column: String) -> String? {
        switch self[column] {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .null, .blob: return nil
        }
    }

    /// Bytes: SQLite gives a BLOB as it is; PostgreSQL's text form of bytea is
    /// `\x` and two hex digits a byte.
    public func bytes(_ column: String) -> [UInt8]? {
        switch self[column] {
        case .blob(let bytes): return bytes
        case .text(let text): return PostgresBytes.decode(text)
        case .null, .integer, .real: return nil
        }
    }

    /// SQLite has no booleans (0 or 1); PostgreSQL writes `t` or `f`.
    public func bool(_ column: String) -> Bool {
        switch self[column] {
        case .integer(let value): return value != 0
        case .text(let text): return text == "t" || text == "true" || text == "1"
        case .real(let value): return value != 0
        case .null, .blob: return false
        }
    }
}

/// Statements inside one transaction, on either engine. SQL is written once,
/// with `?` for each argument, in the subset both engines read alike
/// (`INSERT … RETURNING`, `ON CONFLICT … DO UPDATE`, `coalesce`, `CASE`).
public protocol SQLSession {
    func execute(_ sql: String, _ arguments: [SQLValue]) throws
    func fetchAll(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
    /// Calls `body` with each row in turn, for results too long to hold at
    /// once (the whole metric history): SQLite steps a cursor.
    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws
}

extension SQLSession {
    public func fetchOne(_ sql: String, _ arguments: [SQLValue]) throws -> SQLRow? {
        try fetchAll(sql, arguments).first
    }

    /// The only column of the first row as a number (nil: no row, or NULL).
    public func fetchInt64(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int64? {
        guard let row = try fetchAll(sql, arguments).first, let column = row.values.keys.first else { return nil }
        return row.int64(column)
    }
}

/// A store on either engine, for the parts of the store written once for both:
/// one transaction per call, committed before it returns.
public protocol StoreEngine: AnyObject, Sendable {
    /// Where, for messages: a file's path, or a server's URL without its password.
    var location: String { get }
    func writeSQL<T>(_ body: (any SQLSession) throws -> T) throws -> T
    func readSQL<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// Called inside the transaction that changed an anomaly (acknowledged,
    /// noted, resolved…): PostgreSQL stamps its `updated_at` and tells the
    /// other dashboards; one SQLite file has no one else to tell.
    func anomalyChanged(_ id: Int64, in session: any SQLSession) throws
    /// Called inside a transaction before it reads an anomaly it will change:
    /// PostgreSQL locks the row, so two people resolving one anomaly at once
    /// are taken one after the other and the second sees the first's
    /// resolution ("resolution updated") instead of writing over it unknowing.
    /// A SQLite file has one writer at a time already.
    func lockForChange(anomaly id: Int64, in session: any SQLSession) throws
    /// Starts hearing other processes' anomaly changes; false when this
    /// engine cannot (then `anomalyNews` is always `.none`).
    func watchAnomalies() throws -> Bool
    /// What other processes changed in the anomaly log since the last call; does not wait.
    func anomalyNews() -> AnomalyNews
    /// The latest change stamp in the log (PostgreSQL's `updated_at`, the
    /// server's clock in ms), read in the caller's snapshot; 0 where there are none.
    func anomalyStamp(in session: any SQLSession) throws -> Int64
    /// The anomalies stamped after `stamp`, in the caller's snapshot (none where nothing is stamped).
    func anomalies(stampedAfter stamp: Int64, in session: any SQLSession) throws -> [Int64]
    func setting(_ key: String) throws -> String?
    func setSetting(_ key: String, _ value: String) throws
    /// Adds one minute's leaves to the stored history inside the caller's
    /// transaction: a minute already stored is merged (`MinuteRecord.merge`),
    /// so counters add up, gauges keep the latest reading and community users
    /// are a union, whichever writer stored what first.
    func addMinute(_ minute: Int64, events: Int64, leaves: [UInt8], in session: any SQLSession) throws
    /// Holds a lock named `name` until the caller's transaction ends, for a
    /// check-then-write on rows that may not exist yet (a source's offset, the
    /// notify lease): PostgreSQL takes an advisory lock on the name's hash; a
    /// SQLite file has one writer at a time already.
    func lock(_ name: String, in session: any SQLSession) throws
    /// Several processes write into it at once (a team's server), so alert
    /// judging runs over the merged minutes (`SharedJudge`) rather than in
    /// each ingest over the lines it read.
    var sharesJudging: Bool { get }
    /// Lets an ingest's commits skip waiting for the disk (`--sync relaxed`):
    /// a crash may lose the last commits but never leaves a torn one.
    func relaxSyncForIngest() throws
}
