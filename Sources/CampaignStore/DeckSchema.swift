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

    /// The migrations in order, each an identifier and its statements; the
    /// schema version is the 1-based position. One list, so an identifier
    /// can never be paired with another migration's statements.
    static let migrations: [(identifier: String, sql: String)] = [
        ("v1-anomaly-log", v1AnomalyLog), ("v2-metric-history", v2MetricHistory),
        ("v3-source-identity", v3SourceIdentity), ("v4-anomaly-identity", v4AnomalyIdentity),
        ("v5-notify-outbox", v5NotifyOutbox), ("v6-resolved-from", v6ResolvedFrom),
        ("v7-notify-hold", v7NotifyHold), ("v8-silences", v8Silences),
        ("v9-collector-batches", v9CollectorBatches),
        ("v10-report-contributions", v10ReportContributions),
        ("v11-alert-resume", v11AlertResume),
    ]

    public static var identifiers: [String] { migrations.map(\.identifier) }
    public static var currentVersion: Int { migrations.count }

    /// The identifiers recorded in the file (GRDB's `grdb_migrations` table,
    /// kept from when GRDB's migrator ran them), unknown ones included.
    static func appliedIdentifiers(_ db: Database) throws -> Set<String> {
        guard try db.tableExists("grdb_migrations") else { return [] }
        return try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
    }

    /// True when every migration is recorded: opening needs no write lock.
    static func isCurrent(_ db: Database) throws -> Bool {
        var current = false
        try db.inTransaction(.deferred) {
            current = try appliedIdentifiers(db).isSuperset(of: identifiers)
            return .commit
        }
        return current
    }

    /// Brings the file to the current schema in one IMMEDIATE transaction:
    /// the applied list is read under the write lock, so processes opening a
    /// new or older file at the same moment migrate it one after another and
    /// the later ones find nothing to do; a kill mid-way leaves the file as it
    /// was. GRDB's migrator read the list before, and outside, a transaction
    /// per migration: two openers both ran v1, and the slower one failed
    /// ("duplicate column name", "UNIQUE constraint failed:
    /// grdb_migrations.identifier"), or a third saw its bare `grdb_migrations`
    /// table without our application id and refused the file as foreign.
    ///
    /// Foreign keys are off while tables are rebuilt and checked before the
    /// commit, as SQLite's ALTER TABLE procedure asks.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
        try db.inTransaction(.immediate) {
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            let applied = try appliedIdentifiers(db)
            for (index, migration) in migrations.enumerated() where !applied.contains(migration.identifier) {
                try db.execute(sql: migration.sql)
                try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES (?)", arguments: [migration.identifier])
                try stamp(db, version: index + 1)
            }
            try db.checkForeignKeys()
            return .commit
        }
    }

    private static func stamp(_ db: Database, version: Int) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }

    /// v1: the anomaly log. Times are epoch milliseconds; alert
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
    /// ingest offsets that make a resumed ingest count nothing twice.
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

    /// v3: an ingest source is the file, not its path, so rows are
    /// keyed by device and inode, and `path` only says where it was last read.
    /// v2 kept one row per path; rows of one file under several names (a
    /// rotated or hard-linked file, read twice before this fix) become one: the
    /// position of the most recently updated, the counts of all.
    static let v3SourceIdentity = """
        CREATE TABLE ingest_source_v3 (
            device INTEGER NOT NULL,
            inode INTEGER NOT NULL,
            path TEXT NOT NULL,
            byte_offset INTEGER NOT NULL,
            head_length INTEGER NOT NULL,
            head_hash INTEGER NOT NULL,
            tail_length INTEGER NOT NULL,
            tail_hash INTEGER NOT NULL,
            lines INTEGER NOT NULL,
            events INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            skipped INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (device, inode)
        ) WITHOUT ROWID;
        INSERT INTO ingest_source_v3
            SELECT s.device, s.inode, s.path, s.byte_offset, s.head_length, s.head_hash, s.tail_length, s.tail_hash, s.lines,
                   (SELECT sum(o.events) FROM ingest_source o WHERE o.device = s.device AND o.inode = s.inode),
                   (SELECT sum(o.rejected) FROM ingest_source o WHERE o.device = s.device AND o.inode = s.inode),
                   (SELECT sum(o.skipped) FROM ingest_source o WHERE o.device = s.device AND o.inode = s.inode),
                   s.updated_at
            FROM ingest_source s
            WHERE NOT EXISTS (SELECT 1 FROM ingest_source o WHERE o.device = s.device AND o.inode = s.inode
                              AND (o.updated_at > s.updated_at OR (o.updated_at = s.updated_at AND o.path > s.path)));
        DROP TABLE ingest_source;
        ALTER TABLE ingest_source_v3 RENAME TO ingest_source;
        CREATE INDEX ingest_source_by_path ON ingest_source(path, updated_at);
        """

    /// v4: an alert transition has an identity, (rule, per, scope, transition,
    /// event time), so replaying a stream the log has already seen cannot
    /// write it twice. The timeline entry an
    /// alert writes carries its key; people's entries leave it NULL. An
    /// alert-opened anomaly is keyed by its opening (transition `fire` at
    /// `opened_at`). Touches only the anomaly tables, so it is independent of
    /// the source-identity migration (v3).
    ///
    /// Databases written before this kept every replay: the alert entries are
    /// recognised by their author and wording and keyed, anomalies opened
    /// again for an incident already logged are merged into the first one
    /// (their people's notes move with them, in insertion order), repeated
    /// transitions are kept once, and `recovered_at` is recomputed from the
    /// transitions that remain (a replay cut short had cleared it).
    static let v4AnomalyIdentity = """
        ALTER TABLE anomaly_note ADD COLUMN rule TEXT;
        ALTER TABLE anomaly_note ADD COLUMN per TEXT;
        ALTER TABLE anomaly_note ADD COLUMN scope TEXT;
        ALTER TABLE anomaly_note ADD COLUMN transition TEXT CHECK (transition IN ('fire', 'recover'));

        UPDATE anomaly_note SET
            rule = (SELECT rule FROM anomaly WHERE anomaly.id = anomaly_note.anomaly_id),
            per = (SELECT per FROM anomaly WHERE anomaly.id = anomaly_note.anomaly_id),
            scope = (SELECT scope FROM anomaly WHERE anomaly.id = anomaly_note.anomaly_id),
            transition = CASE WHEN text LIKE 'recovered:%' THEN 'recover' ELSE 'fire' END
        WHERE author = 'alert' AND kind = 'event'
            AND (text LIKE 'opened by rule %' OR text LIKE 'fired again:%' OR text LIKE 'recovered:%')
            AND anomaly_id IN (SELECT id FROM anomaly WHERE source = 'alert');

        CREATE TEMP TABLE v4_duplicate AS
            SELECT later.id AS id, min(first.id) AS kept
            FROM anomaly later JOIN anomaly first
                ON first.source = 'alert' AND first.rule IS later.rule AND first.per IS later.per
                AND first.scope IS later.scope AND first.opened_at = later.opened_at AND first.id < later.id
            WHERE later.source = 'alert'
            GROUP BY later.id;
        UPDATE anomaly_note SET anomaly_id = (SELECT kept FROM v4_duplicate WHERE v4_duplicate.id = anomaly_note.anomaly_id)
            WHERE anomaly_id IN (SELECT id FROM v4_duplicate);
        DELETE FROM anomaly WHERE id IN (SELECT id FROM v4_duplicate);
        DROP TABLE v4_duplicate;

        DELETE FROM anomaly_note WHERE transition IS NOT NULL AND id NOT IN (
            SELECT min(id) FROM anomaly_note WHERE transition IS NOT NULL GROUP BY rule, per, scope, transition, at);

        UPDATE anomaly SET recovered_at = (
                SELECT CASE WHEN last.transition = 'recover' THEN last.at END
                FROM anomaly_note last WHERE last.anomaly_id = anomaly.id AND last.transition IS NOT NULL
                ORDER BY last.at DESC, last.id DESC LIMIT 1)
            WHERE source = 'alert'
                AND EXISTS (SELECT 1 FROM anomaly_note n WHERE n.anomaly_id = anomaly.id AND n.transition IS NOT NULL);

        CREATE UNIQUE INDEX anomaly_alert_identity ON anomaly(rule, per, scope, opened_at) WHERE source = 'alert';
        CREATE UNIQUE INDEX anomaly_note_alert_identity ON anomaly_note(rule, per, scope, transition, at)
            WHERE transition IS NOT NULL;
        """

    /// v5: the notify outbox. A transition's messages are written in the
    /// transaction that logs the transition, one row per channel, so a kill
    /// loses none and a replay (same fingerprint, same channel) adds none.
    /// A row keeps the channel's id and the notice, never the resolved
    /// address or secret: those are read from the plan and the environment
    /// when sending. Times: `event_at` event time, the others wall clock,
    /// epoch milliseconds. `notify_lease` holds at most one row: the one
    /// process that may send for this database, until `expires_at`.
    static let v5NotifyOutbox = """
        CREATE TABLE notify_outbox (
            id INTEGER PRIMARY KEY,
            channel TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            anomaly_id INTEGER REFERENCES anomaly(id) ON DELETE SET NULL,
            rule TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('firing', 'resolved')),
            event_at INTEGER NOT NULL,
            notice TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            created_at INTEGER NOT NULL,
            delivered_at INTEGER,
            UNIQUE (channel, fingerprint)
        );
        CREATE INDEX notify_outbox_pending ON notify_outbox(state, channel, event_at);
        CREATE TABLE notify_lease (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            holder TEXT NOT NULL,
            expires_at INTEGER NOT NULL
        );
        """

    /// v6: a resolved anomaly remembers the status it was resolved from, so
    /// reopening a resolution made by mistake puts it back as it was
    /// (acknowledged stays acknowledged) instead of making it look new.
    /// Anomalies resolved before this are given the status their timeline
    /// shows: acknowledged if someone acknowledged it since it was last
    /// reopened (acknowledging a resolved anomaly is refused, so such an
    /// entry came before the resolution), else open.
    static let v6ResolvedFrom = """
        ALTER TABLE anomaly ADD COLUMN resolved_from TEXT CHECK (resolved_from IN ('open', 'acknowledged'));
        UPDATE anomaly SET resolved_from = CASE WHEN EXISTS (
                SELECT 1 FROM anomaly_note ack
                WHERE ack.anomaly_id = anomaly.id AND ack.kind = 'event' AND ack.transition IS NULL
                    AND (ack.text = 'acknowledged' OR ack.text LIKE 'acknowledged; owner %')
                    AND ack.id > coalesce((SELECT max(reopen.id) FROM anomaly_note reopen
                                           WHERE reopen.anomaly_id = anomaly.id AND reopen.kind = 'event'
                                               AND reopen.transition IS NULL AND reopen.text LIKE 'reopened%'), 0))
            THEN 'acknowledged' ELSE 'open' END
        WHERE status = 'resolved';
        """

    /// v7: messages that wait on the events' clock, and messages not sent on
    /// purpose. `hold_until` (event time) keeps a row back until the judged
    /// stream reaches it (quiet hours); `notify_clock` holds that watermark,
    /// the latest event time committed, so a sender in another process
    /// judges by the same clock. A row is `skipped` when sending it would be
    /// wrong by the time it is due (a silence, an acknowledged anomaly's
    /// repeat, an alert that fired and recovered inside quiet hours), with
    /// the reason. SQLite cannot change a CHECK constraint, so the table is
    /// rebuilt with its rows.
    static let v7NotifyHold = """
        CREATE TABLE notify_outbox_v7 (
            id INTEGER PRIMARY KEY,
            channel TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            anomaly_id INTEGER REFERENCES anomaly(id) ON DELETE SET NULL,
            rule TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('firing', 'resolved')),
            event_at INTEGER NOT NULL,
            notice TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'skipped')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            created_at INTEGER NOT NULL,
            delivered_at INTEGER,
            hold_until INTEGER,
            skipped_reason TEXT,
            UNIQUE (channel, fingerprint)
        );
        INSERT INTO notify_outbox_v7(id, channel, fingerprint, anomaly_id, rule, status, event_at, notice, state,
                                     attempts, next_attempt_at, last_error, created_at, delivered_at)
            SELECT id, channel, fingerprint, anomaly_id, rule, status, event_at, notice, state,
                   attempts, next_attempt_at, last_error, created_at, delivered_at FROM notify_outbox;
        DROP TABLE notify_outbox;
        ALTER TABLE notify_outbox_v7 RENAME TO notify_outbox;
        CREATE INDEX notify_outbox_pending ON notify_outbox(state, channel, event_at);
        CREATE TABLE notify_clock (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            event_at INTEGER NOT NULL
        );
        """

    /// v8: silences. While one lasts, the drain skips the messages of its
    /// rule (in its scope; NULL: every scope) instead of sending them. Times
    /// are the wall clock, epoch milliseconds; `ends_at` is exclusive, and
    /// expiring a silence by hand sets it and `expired_at` to that moment.
    static let v8Silences = """
        CREATE TABLE silences (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            rule TEXT NOT NULL,
            scope TEXT,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL CHECK (ends_at >= starts_at),
            comment TEXT NOT NULL CHECK (length(trim(comment)) > 0),
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expired_at INTEGER
        );
        CREATE INDEX silences_by_end ON silences(ends_at);
        """

    /// v9: the HTTP collector's idempotency keys. A batch's key is stored in
    /// the transaction that stores the batch, so a retried batch is found
    /// exactly when its events are in; scoped to the token (its SHA-256, never
    /// the token itself) and kept 24 hours; `answer` is the JSON the first
    /// request was given, for the retry; `body_hash` tells a reused key with a
    /// different body.
    static let v9CollectorBatches = """
        CREATE TABLE collector_batch (
            token_hash TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            body_hash TEXT NOT NULL,
            answer TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (token_hash, idempotency_key)
        ) WITHOUT ROWID;
        CREATE INDEX collector_batch_by_age ON collector_batch(created_at);
        """

    /// v10: what each report file source last said for each hour and scope
    /// (`ReportContributions`), so a newer export of the same hour replaces
    /// its figures instead of adding to them. `hour` is the hour's start,
    /// epoch milliseconds; names absent from the mapping are ''; money is
    /// billionths of the unit as decimal text (it may pass 64 bits).
    static let v10ReportContributions = """
        CREATE TABLE report_contribution (
            source TEXT NOT NULL,
            hour INTEGER NOT NULL,
            channel TEXT NOT NULL,
            segment TEXT NOT NULL,
            campaign TEXT NOT NULL,
            impressions INTEGER NOT NULL,
            clicks INTEGER NOT NULL,
            conversions INTEGER NOT NULL,
            reach INTEGER NOT NULL,
            participants INTEGER NOT NULL,
            spend_nanos TEXT NOT NULL,
            revenue_nanos TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (source, hour, channel, segment, campaign)
        );
        """

    /// v11: the alert judging's state at a minute of the stored history
    /// (`AlertResume`), so an ingest resumes without replaying the history.
    /// One row, always there: `generation` moves whenever a minute the
    /// state may already cover is written, so a state folded from older
    /// rows is known stale; `state` NULL means none (replay instead).
    static let v11AlertResume = """
        CREATE TABLE alert_resume (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation INTEGER NOT NULL,
            format INTEGER,
            fingerprint TEXT,
            through_minute INTEGER,
            state BLOB
        );
        INSERT INTO alert_resume(id, generation) VALUES (1, 0);
        """
}
