import GRDB

/// A posted batch's `Idempotency-Key`, scoped to the token that sent it.
public struct CollectorBatchKey: Sendable, Hashable {
    /// SHA-256 of the bearer token, in hex: the token itself is never stored.
    public var tokenHash: String
    public var key: String
    /// SHA-256 of the body as received, in hex.
    public var bodyHash: String

    public init(tokenHash: String, key: String, bodyHash: String) {
        self.tokenHash = tokenHash
        self.key = key
        self.bodyHash = bodyHash
    }
}

/// What a collector batch stores besides its events, in the same transaction:
/// its counts in the collector's source row and its key with its answer.
struct CollectorCommit: Sendable {
    var key: CollectorBatchKey?
    var answer: String
    var bytes: Int
    var stats: IngestStatsDelta
}

/// Counts of one batch (the reader's statistics are cumulative).
struct IngestStatsDelta: Sendable {
    var lines = 0
    var events = 0
    var rejected = 0
    var skipped = 0
}

/// The `collector_batch` table and the collector's row in `ingest_source`.
public enum CollectorBatches {
    /// How long a key is remembered (SPEC §13: 24 hours).
    public static let keyLifetimeMilliseconds: Int64 = 24 * 60 * 60 * 1000

    /// The collector is one source in `ingest_source`, so `kpi --db` counts its
    /// rejected and skipped lines with the files'. Rows are keyed by a file's
    /// device and inode; no file has device ~0 (standard input is 0/0), so this
    /// identity can never be taken for a file's.
    static let sourceDevice: UInt64 = .max
    static let sourceInode: UInt64 = 0

    public enum Lookup: Equatable, Sendable {
        /// Not seen within 24 hours: ingest the batch.
        case new
        /// The same key and body: answer what the first request was answered.
        case repeated(answer: String)
        /// The same key with another body (HTTP 422).
        case conflicting
    }

    /// What the database knows of `key` at `now` (epoch milliseconds).
    public static func lookup(_ key: CollectorBatchKey, now: Int64, in database: DeckDatabase) throws -> Lookup {
        try database.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT body_hash, answer FROM collector_batch
                WHERE token_hash = ? AND idempotency_key = ? AND created_at > ?
                """, arguments: [key.tokenHash, key.key, now - keyLifetimeMilliseconds])
            guard let row else { return .new }
            let bodyHash: String = row["body_hash"]
            return bodyHash == key.bodyHash ? .repeated(answer: row["answer"]) : .conflicting
        }
    }

    /// Inside the batch's transaction: adds its counts to the collector's
    /// source row, remembers its key, and forgets keys older than 24 hours.
    static func save(_ commit: CollectorCommit, source: String, now: Int64, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO ingest_source(path, device, inode, byte_offset, head_length, head_hash, tail_length, tail_hash,
                lines, events, rejected, skipped, updated_at)
            VALUES (?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, ?, ?)
            ON CONFLICT(device, inode) DO UPDATE SET path = excluded.path,
                byte_offset = byte_offset + excluded.byte_offset, lines = lines + excluded.lines,
                events = events + excluded.events, rejected = rejected + excluded.rejected,
                skipped = skipped + excluded.skipped, updated_at = excluded.updated_at
            """, arguments: [source, Int64(bitPattern: sourceDevice), Int64(bitPattern: sourceInode), commit.bytes,
                             commit.stats.lines, commit.stats.events, commit.stats.rejected, commit.stats.skipped, now])
        try db.execute(sql: "DELETE FROM collector_batch WHERE created_at <= ?", arguments: [now - keyLifetimeMilliseconds])
        guard let key = commit.key else { return }
        try db.execute(sql: """
            INSERT OR REPLACE INTO collector_batch(token_hash, idempotency_key, body_hash, answer, created_at)
            VALUES (?, ?, ?, ?, ?)
            """, arguments: [key.tokenHash, key.key, key.bodyHash, commit.answer, now])
    }
}
