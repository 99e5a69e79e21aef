@testable import CampaignStore
import Foundation
import GRDB
import Testing

/// v7 rebuilds the outbox (SQLite cannot widen a CHECK constraint to let a
/// row be `skipped`): the rows of a v6 database must come through whole.
@Suite struct OutboxMigrationTests {
    /// A v6 database, made by the released migrations one to six.
    static func versionSixDatabase(at path: String, _ body: (Database) throws -> Void) throws {
        let raw = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        let released = [DeckSchema.v1AnomalyLog, DeckSchema.v2MetricHistory, DeckSchema.v3SourceIdentity,
                        DeckSchema.v4AnomalyIdentity, DeckSchema.v5NotifyOutbox, DeckSchema.v6ResolvedFrom]
        for (index, sql) in released.enumerated() {
            migrator.registerMigration(DeckSchema.identifiers[index]) { db in try db.execute(sql: sql) }
        }
        try migrator.migrate(raw)
        try raw.write { db in
            try db.execute(sql: "PRAGMA application_id = \(DeckSchema.applicationID)")
            try db.execute(sql: "PRAGMA user_version = 6")
            try body(db)
        }
        try raw.close()
    }

    static let notice = #"{"status":"firing","rule":"CTR low","per":"channel","scope":"douyin","metric":"ctr","value":0.005,"threshold":0.01,"valueText":"0.50%","thresholdText":"1%","severity":"warning","startedAt":1772409840,"fingerprint":"t/1/firing/1"}"#

    @Test func aVersionSixOutboxKeepsItsRowsAndLearnsToSkip() throws {
        let folder = TemporaryFolder()
        let path = folder.file("v6.deck.sqlite")
        try Self.versionSixDatabase(at: path) { db in
            try db.execute(sql: """
                INSERT INTO anomaly(id, title, source, opened_at, rule, per, scope, metric, severity, status)
                    VALUES (1, 'CTR low — channel douyin', 'alert', 1772409840000, 'CTR low', 'channel', 'douyin', 'ctr',
                            'warning', 'open');
                INSERT INTO notify_outbox(id, channel, fingerprint, anomaly_id, rule, status, event_at, notice, state,
                                          attempts, next_attempt_at, last_error, created_at, delivered_at)
                    VALUES (1, 'ops', 't/1/firing/1', 1, 'CTR low', 'firing', 1772409840000, ?, 'delivered', 1, 0, NULL,
                            1772409841000, 1772409842000),
                           (2, 'hooks', 't/1/firing/1', 1, 'CTR low', 'firing', 1772409840000, ?, 'pending', 3,
                            1772409900000, 'HTTP 500', 1772409841000, NULL);
                INSERT INTO notify_lease(id, holder, expires_at) VALUES (1, 'host:42', 1772409999000);
                """, arguments: [Self.notice, Self.notice])
        }
        let database = try DeckDatabase(path: path)
        #expect(try database.schemaVersion() == DeckSchema.currentVersion)
        let outbox = NotifyOutbox(database: database)
        let pending = try outbox.pending()
        #expect(pending.map(\.id) == [2] && pending[0].attempts == 3 && pending[0].lastError == "HTTP 500")
        #expect(pending[0].nextAttemptAt == 1_772_409_900_000 && pending[0].holdUntil == nil)
        #expect(pending[0].notice.valueText == "0.50%" && pending[0].notice.reminder == nil)
        #expect(try outbox.watermark() == nil, "no clock yet: nothing waits for one")
        #expect(try outbox.firingAnnounced(anomalyID: 1, channel: "ops"))
        try outbox.markSkipped([2], reason: "silenced", at: 1_772_410_000_000)
        #expect(try outbox.pendingCount() == 0)
        let kept = try database.read { db in
            try Row.fetchOne(db, sql: "SELECT state, skipped_reason, delivered_at FROM notify_outbox WHERE id = 1")
        }
        #expect(kept?["state"] == "delivered" && kept?["delivered_at"] == 1_772_409_842_000 as Int64)
        #expect(try !outbox.takeLease(holder: "other", now: 1_772_409_998_000), "the lease came through too")
    }
}
