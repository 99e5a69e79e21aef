import CampaignText
import Foundation

/// One connection to a PostgreSQL server through libpq: statements with
/// parameters (sent apart from the SQL text, never spliced into it), rows as
/// text, transactions, and LISTEN/NOTIFY. A libpq connection is not safe to use
/// from two threads at once, so every call holds the connection's lock.
public final class PostgresConnection: @unchecked Sendable {
    /// Where, for messages: the URL without its password.
    public let location: String
    private let lib: LibPQ
    private let handle: LibPQ.Connection
    private let lock = NSLock()

    /// Connects to `url` (`postgres://user:pass@host:port/db`, or `postgresql://`,
    /// with libpq's query parameters such as `?sslmode=disable`). Fails with
    /// `StoreError.cannotOpen` naming the URL without its password.
    public init(url: String) throws {
        let location = PostgresURL.redacted(url)
        self.location = location
        let lib: LibPQ
        switch LibPQ.shared {
        case .failure(let failure):
            throw StoreError.cannotOpen(path: location, detail: Phrase.dataPostgresNoLibrary.text(failure.detail))
        case .success(let loaded):
            lib = loaded
        }
        self.lib = lib
        // A server that does not answer must not hang a command: libpq waits
        // forever unless told otherwise. Given in the URL, the user's value wins.
        let withTimeout = PostgresURL.addingDefault(PostgresURL.normalized(url), key: "connect_timeout", value: "10")
        guard let connection = withTimeout.withCString({ lib.connectdb($0) }) else {
            throw StoreError.cannotOpen(path: location, detail: "out of memory")
        }
        if lib.status(connection) != LibPQ.connectionOK {
            // libpq may quote the URL, or a piece of a mistyped one, password included.
            let detail = PostgresURL.scrubbed(Self.text(lib.errorMessage(connection)), url: url)
            lib.finish(connection)
            throw StoreError.cannotOpen(path: location, detail: detail)
        }
        handle = connection
        // libpq prints the server's notices and a dropped connection's FATAL
        // line on standard error by default: over a dashboard's screen. What
        // matters reaches us as the failing call's error instead.
        _ = lib.setNoticeProcessor(connection, { _, _ in }, nil)
        // Waiting for a lock is bounded as SQLite's busy timeout is (15 s): a
        // transaction someone left open fails a command with a message instead
        // of hanging it. Notices ("relation already exists") are not wanted.
        _ = try execute("SET client_min_messages = warning")
        _ = try execute("SET lock_timeout = '15s'")
    }

    deinit { lib.finish(handle) }

    /// The server process serving this connection (tests tell connections apart by it).
    public var backendPID: Int32 { lock.withLock { lib.backendPID(handle) } }

    /// The connection's socket, for a `poll()` that waits for notifications.
    public var socket: Int32 { lock.withLock { lib.socket(handle) } }

    /// Runs one statement; `$1`, `$2`… in `sql` take `parameters` in order
    /// (nil is SQL NULL). Returns the rows, each value as PostgreSQL's text
    /// form (nil for NULL).
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws -> PostgresRows {
        try lock.withLock { try run(sql, parameters) }
    }

    /// `body` inside BEGIN … COMMIT; any error rolls back and is rethrown.
    /// The lock is held throughout, so no other thread's statement lands in
    /// the middle of this transaction.
    public func transaction<T>(_ body: (PostgresConnection.Locked) throws -> T) throws -> T {
        try lock.withLock {
            _ = try run("BEGIN", [])
            do {
                let value = try body(Locked(connection: self))
                _ = try run("COMMIT", [])
                return value
            } catch {
                _ = try? run("ROLLBACK", [])
                throw error
            }
        }
    }

    /// The connection as seen inside `transaction`: statements without taking the lock again.
    public struct Locked {
        let connection: PostgresConnection
        @discardableResult
        public func execute(_ sql: String, _ parameters: [String?] = []) throws -> PostgresRows {
            try connection.run(sql, parameters)
        }

        /// Several statements in one text, without parameters (a migration):
        /// only the simple protocol takes more than one statement at once.
        public func executeScript(_ sql: String) throws {
            _ = try connection.run(sql, nil)
        }
    }

    /// Notifications that have arrived (after LISTEN), oldest first, without
    /// waiting: reads what the socket holds. Empty when there are none.
    /// A connection that broke throws, so a listener knows to reconnect.
    public func notifications() throws -> [PostgresNotification] {
        try lock.withLock {
            if lib.consumeInput(handle) == 0 {
                throw StoreError.cannotOpen(path: location, detail: Self.text(lib.errorMessage(handle)))
            }
            var arrived: [PostgresNotification] = []
            while let raw = lib.notifies(handle) {
                // PGnotify: char *relname; int be_pid; char *extra; (libpq-fe.h, stable since 6.4)
                let channel = raw.load(as: UnsafePointer<CChar>?.self)
                let pid = raw.load(fromByteOffset: MemoryLayout<UnsafeRawPointer>.stride, as: Int32.self)
                let payload = raw.load(fromByteOffset: 2 * MemoryLayout<UnsafeRawPointer>.stride, as: UnsafePointer<CChar>?.self)
                arrived.append(PostgresNotification(channel: Self.text(channel), payload: Self.text(payload), senderPID: pid))
                lib.freemem(raw)
            }
            return arrived
        }
    }

    /// One statement with `parameters`, or (nil) a script of several without.
    private func run(_ sql: String, _ parameters: [String?]?) throws -> PostgresRows {
        let copies: [UnsafeMutablePointer<CChar>?] = (parameters ?? []).map { $0.map { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let values = copies.map { UnsafePointer($0) }
        guard let result = sql.withCString({ text in
            if parameters == nil { return lib.exec(handle, text) }
            return values.withUnsafeBufferPointer { lib.execParams(handle, text, Int32(values.count), nil, $0.baseAddress, nil, nil, 0) }
        }) else {
            throw PostgresError(sqlState: nil, message: Self.text(lib.errorMessage(handle)))
        }
        defer { lib.clear(result) }
        let status = lib.resultStatus(result)
        guard status == LibPQ.commandOK || status == LibPQ.tuplesOK else {
            throw PostgresError(sqlState: lib.resultErrorField(result, LibPQ.sqlStateField).map { String(cString: $0) },
                                message: Self.text(lib.resultErrorMessage(result)))
        }
        let rowCount = Int(lib.ntuples(result)), columnCount = Int(lib.nfields(result))
        var rows: [[String?]] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            rows.append((0..<columnCount).map { column in
                lib.getisnull(result, Int32(row), Int32(column)) != 0
                    ? nil : String(cString: lib.getvalue(result, Int32(row), Int32(column))!)
            })
        }
        let columns = (0..<columnCount).map { Self.text(lib.fname(result, Int32($0))) }
        let affected = lib.cmdTuples(result).flatMap { Int(String(cString: $0)) } ?? 0
        return PostgresRows(columns: columns, rows: rows, affected: affected)
    }

    /// libpq's message on one line: it breaks a connection failure over two
    /// (the reason, then a tab-indented "Is the server running…"), and our
    /// errors are one line each.
    private static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// A statement's result: rows of text values (nil for NULL), and how many rows
/// an INSERT, UPDATE or DELETE touched.
public struct PostgresRows: Sendable {
    public let columns: [String]
    public let rows: [[String?]]
    public let affected: Int
}

public struct PostgresNotification: Sendable, Equatable {
    public let channel: String
    public let payload: String
    public let senderPID: Int32
}

/// What the server refused, with its SQLSTATE code (`23505` a unique
/// violation, `40001` a serialization failure…) for callers that handle one.
public struct PostgresError: Error, CustomStringConvertible, Sendable, Equatable {
    public let sqlState: String?
    public let message: String
    public var description: String { message.hasPrefix("ERROR:") ? String(message.dropFirst(6)).trimmingCharacters(in: .whitespaces) : message }
}
