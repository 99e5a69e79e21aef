@testable import CampaignStore
import Foundation
import GRDB
import Testing

/// Opening refuses what is not ours, and leaves it exactly as it was.
@Suite struct DatabaseOpeningTests {
    @Test func aNewDatabaseIsMarkedAsOursAtTheCurrentSchema() throws {
        let folder = TemporaryFolder()
        let database = try DeckDatabase(path: folder.file("new.deck.sqlite"))
        #expect(try database.schemaVersion() == DeckSchema.currentVersion)
        let applicationID = try database.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
        #expect(applicationID == 0x4344_636B)
        let journal = try database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func reopeningKeepsTheData() throws {
        let folder = TemporaryFolder()
        let path = folder.file("a.deck.sqlite")
        let first = try DeckDatabase(path: path)
        _ = try AnomalyLog(database: first).open(ManualAnomaly(title: "outage"), author: "ana", at: 1_000)
        try first.close()
        let again = try DeckDatabase(path: path)
        #expect(try AnomalyLog(database: again).list().map(\.title) == ["outage"])
    }

    @Test func anEmptyFileBecomesADatabase() throws {
        let folder = TemporaryFolder()
        let path = folder.file("empty.deck.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(try DeckDatabase(path: path).schemaVersion() == DeckSchema.currentVersion)
    }

    @Test func randomBytesAreRefusedAndUntouched() throws {
        let folder = TemporaryFolder()
        let path = folder.file("random.bin")
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try DeckDatabase(path: path) }
        #expect(StoreFixtures.fileBytes(path) == bytes)
        #expect(folder.contents() == ["random.bin"], "no -wal, -shm or journal left beside it")
    }

    @Test func aTextFileSuchAsAPlanIsRefused() throws {
        let folder = TemporaryFolder()
        let path = folder.file("plan.yaml")
        try Data("campaign:\n  id: x\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try DeckDatabase(path: path) }
        #expect(StoreFixtures.fileBytes(path) == Data("campaign:\n  id: x\n".utf8))
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndUntouched() throws {
        let folder = TemporaryFolder()
        let path = folder.file("other.sqlite")
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            try db.execute(sql: "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('Ana')")
        }
        try other.close()
        let before = StoreFixtures.fileBytes(path)
        #expect(throws: StoreError.foreignDatabase(path: path)) { try DeckDatabase(path: path) }
        #expect(StoreFixtures.fileBytes(path) == before)
        #expect(folder.contents() == ["other.sqlite"])
    }

    @Test func anEmptySQLiteDatabaseWithoutTablesIsAdopted() throws {
        let folder = TemporaryFolder()
        let path = folder.file("blank.sqlite")
        let blank = try DatabaseQueue(path: path)
        try blank.write { db in try db.execute(sql: "PRAGMA user_version = 0") }
        try blank.close()
        #expect(try DeckDatabase(path: path).schemaVersion() == DeckSchema.currentVersion)
    }

    @Test func aTruncatedDatabaseIsRefusedAndUntouched() throws {
        let folder = TemporaryFolder()
        let path = folder.file("cut.deck.sqlite")
        let database = try DeckDatabase(path: path)
        let log = AnomalyLog(database: database)
        for i in 0..<200 {
            _ = try log.open(ManualAnomaly(title: String(repeating: "long title \(i) ", count: 20)), author: "ana", at: 1_000)
        }
        try database.close() // checkpoints the WAL into the file and removes it
        let whole = try #require(StoreFixtures.fileBytes(path))
        #expect(whole.count > 8 * 4096)
        let half = whole.prefix(whole.count / 2)
        try half.write(to: URL(fileURLWithPath: path))
        #expect {
            try DeckDatabase(path: path)
        } throws: { error in
            guard case StoreError.corrupt(let where_, let detail) = error else { return false }
            return where_ == path && detail.hasPrefix("truncated: \(half.count) bytes")
        }
        #expect(StoreFixtures.fileBytes(path) == half)
    }

    @Test func aDatabaseFromANewerVersionIsRefusedAndUntouched() throws {
        let folder = TemporaryFolder()
        let path = folder.file("future.deck.sqlite")
        try DeckDatabase(path: path).close()
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: """
                INSERT INTO grdb_migrations VALUES ('future-migration'); PRAGMA user_version = \(DeckSchema.currentVersion + 1)
                """)
        }
        try raw.close()
        let before = StoreFixtures.fileBytes(path)
        #expect(throws: StoreError.newerSchema(path: path, found: DeckSchema.currentVersion + 1, known: DeckSchema.currentVersion)) { try DeckDatabase(path: path) }
        #expect(StoreFixtures.fileBytes(path) == before)
    }

    @Test func aFolderIsNotADatabase() throws {
        let folder = TemporaryFolder()
        #expect(throws: StoreError.cannotOpen(path: folder.path, detail: "it is a folder")) {
            try DeckDatabase(path: folder.path)
        }
    }

    @Test func errorsReadAsOneLineWithTheFileAtTheEnd() {
        #expect(StoreError.foreignDatabase(path: "x.sqlite").description
            == "not a CampaignDeck database: it is another application's SQLite file; nothing was changed (x.sqlite)")
        #expect(StoreError.newerSchema(path: "x", found: 3, known: 2).isBadInput)
        #expect(!StoreError.writeFailed(detail: "disk full").isBadInput)
    }
}
