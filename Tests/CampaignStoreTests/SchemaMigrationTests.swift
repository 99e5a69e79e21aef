import CampaignCore
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
        #expect(try database.schemaVersion() == 2)
        let anomaly = try AnomalyLog(database: database).anomaly(id: 1)
        #expect(anomaly.title == "CTR low — channel douyin")
        #expect(anomaly.status == .acknowledged)
        #expect(anomaly.owner == "王芳")
        #expect(anomaly.observedValue == 0.005)
        #expect(anomaly.recoveredAt == 1_772_409_720_000)
        #expect(anomaly.notes == [AnomalyNote(at: 1_772_410_000_000, author: "王芳", kind: .note, text: "换素材")])

        // The v2 tables work, and v1's entries take part: the same rule firing
        // again on douyin re-fires the unresolved v1 anomaly instead of opening a second.
        let events = folder.file("e.jsonl")
        try StoreFixtures.write(StoreFixtures.breachThenRecovery, to: events)
        try StoreFixtures.ingest(events, into: database)
        let log = AnomalyLog(database: database)
        #expect(try log.list().map(\.id) == [1])
        let refired = try log.anomaly(id: 1)
        #expect(refired.recoveredAt == StoreFixtures.at(2))
        #expect(refired.notes.dropFirst().map(\.text) == ["fired again: 0.005 against 0.01", "recovered: 0.0275"])
        #expect(try IngestCheckpoints(database: database).totals().storedEvents == 5)
    }

    @Test func migratingAgainChangesNothing() throws {
        let folder = TemporaryFolder()
        let path = folder.file("twice.deck.sqlite")
        try DeckDatabase(path: path).close()
        let database = try DeckDatabase(path: path)
        let applied = try database.read { db in try DeckSchema.migrator.appliedIdentifiers(db) }
        #expect(applied == Set(DeckSchema.identifiers))
    }
}
