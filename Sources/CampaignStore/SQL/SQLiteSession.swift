import Foundation
import GRDB

/// `SQLSession` over one of GRDB's SQLite connections.
struct SQLiteSession: SQLSession {
    let db: Database

    // Statements are compiled once per connection and kept: store SQL is a
    // handful of constant strings, run for every minute of an ingest.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
    }

    func fetchAll(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments)).map(Self.row)
    }

    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments))
        while let row = try rows.next() { try body(Self.row(row)) }
    }

    private static func row(_ row: Row) -> SQLRow {
        var values: [String: SQLValue] = [:]
        for (column, value) in row {
            switch value.storage {
            case .null: values[column] = .null
            case .int64(let number): values[column] = .integer(number)
            case .double(let number): values[column] = .real(number)
            case .string(let text): values[column] = .text(text)
            case .blob(let data): values[column] = .blob(Array(data))
            }
        }
        return SQLRow(values: values)
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> DatabaseValue in
            switch value {
            case .null: return .null
            case .integer(let number): return number.databaseValue
            case .real(let number): return number.databaseValue
            case .text(let text): return text.databaseValue
            case .blob(let bytes): return Data(bytes).databaseValue
            }
        })
    }
}

extension DeckDatabase: StoreEngine {
    public var location: String { path }

    public func writeSQL<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try write { db in try body(SQLiteSession(db: db)) }
    }

    public func readSQL<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try read { db in try body(SQLiteSession(db: db)) }
    }

    public func anomalyChanged(_ id: Int64, in session: any SQLSession) throws {}
    public func lockForChange(anomaly id: Int64, in session: any SQLSession) throws {}
    /// A file has no one to announce its changes; a command-line change shows
    /// at the dashboard's next reading of the log.
    public func watchAnomalies() throws -> Bool { false }
    public func anomalyNews() -> AnomalyNews { .none }
    public func anomalyStamp(in session: any SQLSession) throws -> Int64 { 0 }
    public func anomalies(stampedAfter stamp: Int64, in session: any SQLSession) throws -> [Int64] { [] }
    public func lock(_ name: String, in session: any SQLSession) throws {}
    /// One file is one team member's: its ingest judges the lines it reads.
    public var sharesJudging: Bool { false }

    /// `deck_merge_minute` (`MetricHistoryWriter.mergeFunction`) merges a
    /// stored minute inside SQLite, in the one statement.
    public func addMinute(_ minute: Int64, events: Int64, leaves: [UInt8], in session: any SQLSession) throws {
        try session.execute("""
            INSERT INTO metric_minute(minute, events, leaves) VALUES (?, ?, ?)
            ON CONFLICT(minute) DO UPDATE SET events = events + excluded.events,
                leaves = deck_merge_minute(minute, leaves, excluded.leaves)
            """, [.integer(minute), .integer(events), .blob(leaves)])
    }
}
