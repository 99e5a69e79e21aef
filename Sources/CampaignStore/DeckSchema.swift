import GRDB

/// The database schema, as an ordered list of migrations that never change
/// once released: a database made by any earlier version is brought forward
/// step by step, keeping its data. Add a new migration for every change.
///
/// Besides GRDB's own `grdb_migrations` table, every migration stamps
/// `PRAGMA application_id` (so a file can be recognised as ours before we
/// touch it) and `PRAGMA user_version` (the schema version, for messages).
public enum DeckSchema {
    /// 'CDck' in ASCII: marks the file as a CampaignDeck database.
    public static let applicationID: Int32 = 0x4344_636B

    /// Migration identifiers in order; the schema version is the 1-based position.
    public static let identifiers = ["v1-anomaly-log", "v2-metric-history"]
    public static var currentVersion: Int { identifiers.count }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(identifiers[0]) { db in
            try db.execute(sql: v1AnomalyLog)
            try stamp(db, version: 1)
        }
        migrator.registerMigration(identifiers[1]) { db in
            try db.execute(sql: v2MetricHistory)
            try stamp(db, version: 2)
        }
        return migrator
    }

    private static func stamp(_ db: Database, version: Int) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }

    /// v1: the anomaly log (SPEC §5). Times are epoch milliseconds; alert
    /// anomalies carry event time, hand-made entries and notes wall-clock time.
    static let v1AnomalyLog = """
        CREATE TABLE anomaly (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('alert', 'manual')),
            opened_at INTEGER NOT NULL,
            recovered_at INTEGER,
            closed_at INTEGER,
            rule TEXT,
            per TEXT,
            scope TEXT,
            metric TEXT,
            observed_value REAL,
            threshold REAL,
            severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
            owner TEXT,
            cause TEXT,
            action TEXT
        );
        CREATE INDEX anomaly_by_rule_scope ON anomaly(rule, per, scope, status);
        CREATE INDEX anomaly_by_opened ON anomaly(opened_at);
        CREATE TABLE anomaly_note (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            anomaly_id INTEGER NOT NULL REFERENCES anomaly(id),
            at INTEGER NOT NULL,
            author TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('note', 'event')),
            text TEXT NOT NULL
        );
        CREATE INDEX anomaly_note_by_anomaly ON anomaly_note(anomaly_id, id);
        """

    /// v2: per-minute metric history, community activity and gauges, and the
    /// ingest offsets that make a resumed ingest count nothing twice (SPEC §8).
    /// `metric_minute` holds one row per minute with every leaf's counters and
    /// newly active community users in a blob (see `MinuteRecord` for the
    /// layout and why); `leaf` names the leaves.
    /// Absent names are '' rather than NULL: SQLite treats NULLs as distinct in
    /// UNIQUE constraints, which would split one leaf into many.
    static let v2MetricHistory = """
        CREATE TABLE setting (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE leaf (
            id INTEGER PRIMARY KEY,
            channel TEXT NOT NULL,
            segment TEXT NOT NULL,
            campaign TEXT NOT NULL,
            UNIQUE (channel, segment, campaign)
        );
        CREATE TABLE metric_minute (
            minute INTEGER PRIMARY KEY,
            events INTEGER NOT NULL,
            leaves BLOB NOT NULL
        );
        CREATE TABLE ingest_source (
            path TEXT PRIMARY KEY,
            device INTEGER NOT NULL,
            inode INTEGER NOT NULL,
            byte_offset INTEGER NOT NULL,
            head_length INTEGER NOT NULL,
            head_hash INTEGER NOT NULL,
            tail_length INTEGER NOT NULL,
            tail_hash INTEGER NOT NULL,
            lines INTEGER NOT NULL,
            events INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            skipped INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE rejected_line (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            line INTEGER NOT NULL,
            reason TEXT NOT NULL,
            excerpt TEXT NOT NULL
        );
        """
}
