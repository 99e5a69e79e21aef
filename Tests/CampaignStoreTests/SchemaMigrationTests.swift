@testable import CampaignCore
@testable import CampaignStore
import Foundation
import GRDB
import Testing

/// A database written by the first release (schema v1: the anomaly log only)
/// is brought to the current schema with its data intact.
@Suite struct SchemaMigrationTests {
    /// Exactly what v1 left on disk: its tables, GRDB's migration record and
    /// the two pragmas. Kept here as raw SQL, independent of `DeckSchema`, so a
    /// change to the v1 migration code cannot make this test pass by accident.
    static let v1Database = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1-anomaly-log');
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
        INSERT INTO anomaly(title, source, opened_at, recovered_at, rule, per, scope, metric, observed_value, threshold,
                            severity, status, owner)
            VALUES ('CTR low — channel douyin', 'alert', 1772409660000, 1772409720000, 'CTR low', 'channel', 'douyin',
                    'ctr', 0.005, 0.01, 'warning', 'acknowledged', '王芳');
        INSERT INTO anomaly_note(anomaly_id, at, author, kind, text) VALUES (1, 1772410000000, '王芳', 'note', '换素材');
        PRAGMA application_id = 1128555371;
        PRAGMA user_version = 1;
        """

    @Test func aVersionOneDatabaseMigratesAndKeepsItsAnomalies() throws {
        let folder = TemporaryFolder()
        let path = folder.file("v1.deck.sqlite")
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in try db.execute(sql: Self.v1Database) }
        try raw.close()

        let database = try DeckDatabase(path: path)
        #expect(try database.schemaVersion() == DeckSchema.currentVersion)
        let anomaly = try AnomalyLog(database: database).anomaly(id: 1)
        #expect(anomaly.title == "CTR low — channel douyin")
        #expect(anomaly.status == .acknowledged)
        #expect(anomaly.owner == "王芳")
        #expect(anomaly.observedValue == 0.005)
        #expect(anomaly.recoveredAt == 1_772_409_720_000)
        #expect(anomaly.notes == [AnomalyNote(at: 1_772_410_000_000, author: "王芳", kind: .note, text: "换素材")])

        // The v2 tables work, and v1's entries take part: the stream's breach
        // of CTR low on douyin at minute 1, recovered at 2, is the incident
        // the v1 anomaly already logs, so replaying it opens, re-fires and
        // recovers nothing.
        let events = folder.file("e.jsonl")
        try StoreFixtures.write(StoreFixtures.breachThenRecovery, to: events)
        let (_, totals) = try StoreFixtures.ingest(events, into: database)
        #expect(totals.anomaliesOpened + totals.anomaliesRefired + totals.anomaliesRecovered == 0)
        let log = AnomalyLog(database: database)
        #expect(try log.list().map(\.id) == [1])
        #expect(try log.anomaly(id: 1) == anomaly)
        #expect(try IngestCheckpoints(database: database).totals().storedEvents == 5)
    }

    @Test func migratingAgainChangesNothing() throws {
        let folder = TemporaryFolder()
        let path = folder.file("twice.deck.sqlite")
        try DeckDatabase(path: path).close()
        let database = try DeckDatabase(path: path)
        let applied = try database.read { db in try DeckSchema.appliedIdentifiers(db) }
        #expect(applied == Set(DeckSchema.identifiers))
    }

    /// v2 kept a row per path; v3 keys sources by device and inode. Rows of one
    /// file under two names (a rotated file read again under its new name) become
    /// one: the position of the later, the counts of both. Other rows are kept as
    /// they were, standard input's too.
    @Test func versionTwoSourceRowsBecomeOneRowPerFile() throws {
        let folder = TemporaryFolder()
        let path = folder.file("v2.deck.sqlite")
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            // The released v1 and v2 migrations, exactly as they ran (they never change).
            try db.execute(sql: DeckSchema.v1AnomalyLog + DeckSchema.v2MetricHistory)
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1-anomaly-log'), ('v2-metric-history');
                PRAGMA application_id = 1128555371;
                PRAGMA user_version = 2;
                INSERT INTO ingest_source VALUES ('/logs/ev.jsonl', 2049, 77, 500, 500, 11, 500, 12, 10, 10, 1, 2, 1000);
                INSERT INTO ingest_source VALUES ('/logs/ev.jsonl.1', 2049, 77, 900, 900, 21, 900, 22, 18, 18, 3, 4, 2000);
                INSERT INTO ingest_source VALUES ('/logs/other.jsonl', 2049, 78, 40, 40, 31, 40, 32, 1, 1, 0, 0, 1500);
                INSERT INTO ingest_source VALUES ('-', 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 1, 1200);
                """)
        }
        try raw.close()

        let database = try DeckDatabase(path: path)
        let rows = try IngestCheckpoints(database: database).all()
        #expect(rows == [
            SourceCheckpoint(path: "-", byteOffset: 0, lines: 0, events: 5, rejected: 0, skipped: 1),
            SourceCheckpoint(path: "/logs/ev.jsonl.1", device: 2049, inode: 77, byteOffset: 900, headLength: 900, headHash: 21,
                             tailLength: 900, tailHash: 22, lines: 18, events: 28, rejected: 4, skipped: 6),
            SourceCheckpoint(path: "/logs/other.jsonl", device: 2049, inode: 78, byteOffset: 40, headLength: 40, headHash: 31,
                             tailLength: 40, tailHash: 32, lines: 1, events: 1, rejected: 0, skipped: 0),
        ])
        #expect(try IngestCheckpoints(database: database).checkpoint(device: 2049, inode: 77)?.byteOffset == 900)
        #expect(try IngestCheckpoints(database: database).totals().rejected == 4)
    }

    /// A v2 database, made by the released v1 and v2 migrations.
    static func versionTwoDatabase(at path: String, _ body: (Database) throws -> Void) throws {
        let raw = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration(DeckSchema.identifiers[0]) { db in try db.execute(sql: DeckSchema.v1AnomalyLog) }
        migrator.registerMigration(DeckSchema.identifiers[1]) { db in try db.execute(sql: DeckSchema.v2MetricHistory) }
        try migrator.migrate(raw)
        try raw.write { db in
            try db.execute(sql: "PRAGMA application_id = \(DeckSchema.applicationID)")
            try db.execute(sql: "PRAGMA user_version = 2")
            try body(db)
        }
        try raw.close()
    }

    /// What four launches of the same stream left in a v2 log, one incident
    /// (CTR low on douyin, fired at minute 4, recovered at 9):
    /// run 1 opened #1 and recovered it; run 2 replayed both onto #1; 王芳
    /// acknowledged; run 3 was cut short after re-firing #1 (clearing its
    /// recovery); 王芳 resolved; run 4 opened #2 for the same incident, and
    /// 李雷 wrote a note on #2. Plus a manual anomaly #3 that must not move.
    static let replayedIncident = """
        INSERT INTO anomaly(id, title, source, opened_at, recovered_at, closed_at, rule, per, scope, metric,
                            observed_value, threshold, severity, status, owner, cause)
            VALUES (1, 'CTR low — channel douyin', 'alert', 1772409840000, NULL, 1772500000000, 'CTR low', 'channel',
                    'douyin', 'ctr', 0.005, 0.01, 'warning', 'resolved', '王芳', 'fatigue'),
                   (2, 'CTR low — channel douyin', 'alert', 1772409840000, 1772410140000, NULL, 'CTR low', 'channel',
                    'douyin', 'ctr', 0.005, 0.01, 'warning', 'open', NULL, NULL),
                   (3, 'supplier late', 'manual', 1772409840000, NULL, NULL, NULL, 'channel', 'douyin', NULL,
                    NULL, NULL, 'info', 'open', NULL, NULL);
        INSERT INTO anomaly_note(id, anomaly_id, at, author, kind, text) VALUES
            (1, 1, 1772409840000, 'alert', 'event', 'opened by rule ''CTR low'': ctr 0.005 against 0.01'),
            (2, 1, 1772410140000, 'alert', 'event', 'recovered: 0.013'),
            (3, 3, 1772409840000, 'ana', 'event', 'opened by hand'),
            (4, 1, 1772409840000, 'alert', 'event', 'fired again: 0.005 against 0.01'),
            (5, 1, 1772410140000, 'alert', 'event', 'recovered: 0.013'),
            (6, 1, 1772490000000, '王芳', 'event', 'acknowledged; owner 王芳'),
            (7, 1, 1772409840000, 'alert', 'event', 'fired again: 0.005 against 0.01'),
            (8, 1, 1772500000000, '王芳', 'event', 'resolved; cause: fatigue'),
            (9, 2, 1772409840000, 'alert', 'event', 'opened by rule ''CTR low'': ctr 0.005 against 0.01'),
            (10, 2, 1772410140000, 'alert', 'event', 'recovered: 0.013'),
            (11, 2, 1772510000000, '李雷', 'note', 'same as #1?');
        """

    @Test func aVersionTwoLogWithReplayedEntriesKeepsOneEntryPerTransition() throws {
        let folder = TemporaryFolder()
        let path = folder.file("v2.deck.sqlite")
        try Self.versionTwoDatabase(at: path) { db in try db.execute(sql: Self.replayedIncident) }

        let database = try DeckDatabase(path: path)
        #expect(try database.schemaVersion() == DeckSchema.currentVersion)
        let log = AnomalyLog(database: database)
        #expect(try log.list().map(\.id) == [3, 1], "#2 was the same incident as #1")
        let incident = try log.anomaly(id: 1)
        // Each transition once, every person's entry kept, in the order they were written.
        #expect(incident.notes.map(\.text) == ["opened by rule 'CTR low': ctr 0.005 against 0.01", "recovered: 0.013",
                                                "acknowledged; owner 王芳", "resolved; cause: fatigue", "same as #1?"])
        #expect(incident.notes.last?.author == "李雷")
        #expect(incident.status == .resolved && incident.owner == "王芳" && incident.cause == "fatigue")
        #expect(incident.closedAt == 1_772_500_000_000)
        #expect(incident.recoveredAt == StoreFixtures.at(9), "the cut-short replay's re-fire is gone, so it stands recovered")
        #expect(try log.anomaly(id: 3).notes.map(\.text) == ["opened by hand"])

        // The stream replayed once more changes nothing.
        let anomalies = AlertAnomalies(plan: StoreFixtures.plan())
        let replay = [AlertTransition(at: StoreFixtures.at(4), rule: "CTR low", per: .channel, scope: "douyin", from: .pending,
                                      to: .firing, value: 0.005, threshold: 0.01, severity: .warning),
                      AlertTransition(at: StoreFixtures.at(9), rule: "CTR low", per: .channel, scope: "douyin", from: .firing,
                                      to: .ok, value: 0.013, threshold: 0.01, severity: .warning)]
        let before = try log.listWithNotes()
        #expect(try anomalies.record(replay, in: database) == AlertAnomalies.Outcome())
        #expect(try log.listWithNotes() == before)
    }
}
