import GRDB

/// `SQLSession` over one of GRDB's SQLite connections.
struct SQLiteSession: SQLSession {
    let db: Database

    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        try db.execute(sql: sql, arguments: Self.arguments(arguments))
    }

    func fetchAll(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        try Row.fetchAll(db, sql: sql, arguments: Self.arguments(arguments)).map { row in
            var values: [String: SQLValue] = [:]
            for (column, value) in row {
                switch value.storage {
                case .null: values[column] = .null
                case .int64(let number): values[column] = .integer(number)
                case .double(let number): values[column] = .real(number)
                case .string(let text): values[column] = .text(text)
                case .blob: values[column] = .null // no engine-neutral statement reads a blob
                }
            }
            return SQLRow(values: values)
        }
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> DatabaseValue in
            switch value {
            case .null: return .null
            case .integer(let number): return number.databaseValue
            case .real(let number): return number.databaseValue
            case .text(let text): return text.databaseValue
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
    public func anomaliesChangedElsewhere() -> Bool { false }
}
