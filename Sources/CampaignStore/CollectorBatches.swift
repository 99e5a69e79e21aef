
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
    public static func lookup(_ key: CollectorBatchKey, now: Int64, in database: any StoreEngine) throws -> Lookup {
        try database.readSQL { session in
            let row = try session.fetchOne("""
                SELECT body_hash, answer FROM collector_batch
                WHERE token_hash = ? AND idempotency_key = ? AND created_at > ?
                """, [.text(key.tokenHash), .text(key.key), .integer(now - keyLifetimeMilliseconds)])
            guard let row else { return .new }
            return row.string("body_hash") == key.bodyHash ? .repeated(answer: row.string("answer") ?? "") : .conflicting
        }
    }

    static func save(_ commit: CollectorCommit, source: String, now: Int64, _ session: any SQLSession) throws {
        try session.execute("""
            INSERT INTO ingest_source(path, device, inode, byte_offset, head_length, head_hash, tail_length, tail_hash,
                lines, events, rejected, skipped, updated_at)
            VALUES (?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, ?, ?)
            ON CONFLICT(device, inode) DO UPDATE SET path = excluded.path,
                byte_offset = ingest_source.byte_offset + excluded.byte_offset, lines = ingest_source.lines + excluded.lines,
                events = ingest_source.events + excluded.events, rejected = ingest_source.rejected + excluded.rejected,
                skipped = ingest_source.skipped + excluded.skipped, updated_at = excluded.updated_at
            """, [.text(source), .integer(Int64(bitPattern: sourceDevice)), .integer(Int64(bitPattern: sourceInode)),
                  .integer(Int64(commit.bytes)), .integer(Int64(commit.stats.lines)), .integer(Int64(commit.stats.events)),
                  .integer(Int64(commit.stats.rejected)), .integer(Int64(commit.stats.skipped)), .integer(now)])
        try session.execute("DELETE FROM collector_batch WHERE created_at <= ?", [.integer(now - keyLifetimeMilliseconds)])
        guard let key = commit.key else { return }
        try session.execute("""
            INSERT INTO collector_batch(token_hash, idempotency_key, body_hash, answer, created_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(token_hash, idempotency_key) DO UPDATE SET body_hash = excluded.body_hash,
                answer = excluded.answer, created_at = excluded.created_at
            """, [.text(key.tokenHash), .text(key.key), .text(key.bodyHash), .text(commit.answer), .integer(now)])
    }
}
