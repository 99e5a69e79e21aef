/// How far ingest got in one source, and how to recognise the file again:
/// a source is the file itself, keyed by device and inode, so a
/// renamed (rotated) or hard-linked file resumes where it was. Hashes of its
/// first bytes and of the bytes just before the offset must still match for
/// the offset to be trusted: a reused inode, or a file rewritten or truncated
/// in place, is read from the start.
public struct SourceCheckpoint: Sendable, Equatable {
    public static let identityBytes = 4_096

    /// Where the file was last read (`-` for standard input, whose device and inode are 0).
    public var path: String
    public var device: UInt64
    public var inode: UInt64
    /// Bytes consumed: always just after a line break (or the end of a file
    /// whose last line had none).
    public var byteOffset: Int64
    public var headLength: Int
    public var headHash: UInt64
    public var tailLength: Int
    public var tailHash: UInt64
    /// Lines of the current file content read so far (line numbers continue from here).
    public var lines: Int
    /// Cumulative over every run into this database.
    public var events: Int
    public var rejected: Int
    public var skipped: Int

    public init(path: String, device: UInt64 = 0, inode: UInt64 = 0, byteOffset: Int64 = 0, headLength: Int = 0,
                headHash: UInt64 = 0, tailLength: Int = 0, tailHash: UInt64 = 0, lines: Int = 0, events: Int = 0,
                rejected: Int = 0, skipped: Int = 0) {
        self.path = path
        self.device = device
        self.inode = inode
        self.byteOffset = byteOffset
        self.headLength = headLength
        self.headHash = headHash
        self.tailLength = tailLength
        self.tailHash = tailHash
        self.lines = lines
        self.events = events
        self.rejected = rejected
        self.skipped = skipped
    }
}

/// The `ingest_source` table: read outside transactions, written inside the
/// ingest transaction that stores the data the offset covers.
public struct IngestCheckpoints: Sendable {
    public let database: any StoreEngine

    public init(database: any StoreEngine) {
        self.database = database
    }

    /// The source that is this file.
    public func checkpoint(device: UInt64, inode: UInt64) throws -> SourceCheckpoint? {
        try database.readSQL { session in
            try session.fetchOne("SELECT * FROM ingest_source WHERE device = ? AND inode = ?", Self.identity(device, inode))
                .map(Self.checkpoint)
        }
    }

    /// The source last read under this name.
    public func checkpoint(path: String) throws -> SourceCheckpoint? {
        try database.readSQL { session in
            try session.fetchOne("SELECT * FROM ingest_source WHERE path = ? ORDER BY updated_at DESC LIMIT 1", [.text(path)])
                .map(Self.checkpoint)
        }
    }

    public func all() throws -> [SourceCheckpoint] {
        try database.readSQL { session in
            try session.fetchAll("SELECT * FROM ingest_source ORDER BY path", []).map(Self.checkpoint)
        }
    }

    /// Rejected and skipped lines over everything ingested, and the events the
    /// metric history holds.
    public func totals() throws -> (rejected: Int, skipped: Int, storedEvents: Int64) {
        try database.readSQL { session in
            let row = try session.fetchOne("SELECT coalesce(sum(rejected), 0) AS r, coalesce(sum(skipped), 0) AS s FROM ingest_source", [])
            let events = try session.fetchInt64("SELECT coalesce(sum(events), 0) AS events FROM metric_minute") ?? 0
            return (Int(row?.int64("r") ?? 0), Int(row?.int64("s") ?? 0), events)
        }
    }

    /// The offset stored for the source that is this file (nil: no row yet).
    static func storedOffset(device: UInt64, inode: UInt64, _ session: any SQLSession) throws -> Int64? {
        try session.fetchInt64("SELECT byte_offset FROM ingest_source WHERE device = ? AND inode = ?", identity(device, inode))
    }

    /// Device and inode are unsigned; both engines keep signed 64 bits, so the bits are kept as they are.
    private static func identity(_ device: UInt64, _ inode: UInt64) -> [SQLValue] {
        [.integer(Int64(bitPattern: device)), .integer(Int64(bitPattern: inode))]
    }

    static func checkpoint(_ row: SQLRow) -> SourceCheckpoint {
        func number(_ column: String) -> Int64 { row.int64(column) ?? 0 }
        return SourceCheckpoint(path: row.string("path") ?? "", device: UInt64(bitPattern: number("device")),
                                inode: UInt64(bitPattern: number("inode")), byteOffset: number("byte_offset"),
                                headLength: Int(number("head_length")), headHash: UInt64(bitPattern: number("head_hash")),
                                tailLength: Int(number("tail_length")), tailHash: UInt64(bitPattern: number("tail_hash")),
                                lines: Int(number("lines")), events: Int(number("events")), rejected: Int(number("rejected")),
                                skipped: Int(number("skipped")))
    }

    static func save(_ c: SourceCheckpoint, at now: Int64, _ session: any SQLSession) throws {
        try session.execute("""
            INSERT INTO ingest_source(path, device, inode, byte_offset, head_length, head_hash, tail_length, tail_hash,
                lines, events, rejected, skipped, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(device, inode) DO UPDATE SET path = excluded.path,
                byte_offset = excluded.byte_offset, head_length = excluded.head_length, head_hash = excluded.head_hash,
                tail_length = excluded.tail_length, tail_hash = excluded.tail_hash, lines = excluded.lines,
                events = excluded.events, rejected = excluded.rejected, skipped = excluded.skipped,
                updated_at = excluded.updated_at
            """, [.text(c.path)] + identity(c.device, c.inode) + [
                .integer(c.byteOffset), .integer(Int64(c.headLength)), .integer(Int64(bitPattern: c.headHash)),
                .integer(Int64(c.tailLength)), .integer(Int64(bitPattern: c.tailHash)), .integer(Int64(c.lines)),
                .integer(Int64(c.events)), .integer(Int64(c.rejected)), .integer(Int64(c.skipped)), .integer(now)])
    }
}
