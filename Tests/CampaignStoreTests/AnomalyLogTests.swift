import CampaignCore
import Foundation
@testable import CampaignStore
import StoreTestEngines
import Testing

/// The anomaly log as people use it: every change is kept, with who and when.
/// Every test runs on each engine (`TestEngine.all`): the same expectations
/// for a SQLite file and a team's PostgreSQL server.
@Suite struct AnomalyLogTests {
    let folder = TemporaryFolder()

    @Test(arguments: TestEngine.all) func openingByHandRecordsWhoAndAFirstNote(engine: TestEngine) throws {
        let log = AnomalyLog(store: try engine.store(folder))
        let opened = try log.open(ManualAnomaly(title: "supplier delay", severity: .critical, channel: "offline",
                                                owner: "张伟", note: "print run late by 3 days"),
                                  author: "ana", at: 5_000)
        #expect(opened.id == 1)
        #expect(opened.source == .manual)
        #expect(opened.status == .open)
        #expect(opened.per == "channel" && opened.scope == "offline")
        #expect(opened.openedAt == 5_000 && opened.recoveredAt == nil && opened.closedAt == nil)
        #expect(opened.notes == [AnomalyNote(at: 5_000, author: "ana", kind: .event, text: "opened by hand"),
                                 AnomalyNote(at: 5_000, author: "ana", kind: .note, text: "print run late by 3 days")])
    }

    @Test(arguments: TestEngine.all) func acknowledgeAssignNoteAndResolveBuildATimeline(engine: TestEngine) throws {
        let log = AnomalyLog(store: try engine.store(folder))
        let id = try log.open(ManualAnomaly(title: "site outage"), author: "ana", at: 1_000).id
        let acked = try log.acknowledge(id: id, by: "bo", at: 2_000)
        #expect(acked.status == .acknowledged)
        #expect(acked.owner == nil, "acknowledging is seeing it, not taking it on: nobody owns it until assigned")
        #expect(try log.assign(id: id, to: "王芳", by: "bo", at: 3_000).owner == "王芳")
        _ = try log.note(id: id, text: "CDN rolled back", author: "王芳", at: 4_000)
        let resolved = try log.resolve(id: id, cause: "bad CDN config", action: "rollback", by: "王芳", at: 5_000)
        #expect(resolved.status == .resolved)
        #expect(resolved.closedAt == 5_000)
        #expect(resolved.cause == "bad CDN config" && resolved.action == "rollback")
        #expect(resolved.notes.map { "\($0.at) \($0.author) \($0.kind.rawValue) \($0.text)" } == [
            "1000 ana event opened by hand",
            "2000 bo event acknowledged",
            "3000 bo event assigned to 王芳",
            "4000 王芳 note CDN rolled back",
            "5000 王芳 event resolved; cause: bad CDN config; action: rollback",
        ])
        // Resolving again updates the cause but keeps the first closing time.
        let again = try log.resolve(id: id, cause: "CDN config pushed by a script", by: "ana", at: 9_000)
        #expect(again.closedAt == 5_000)
        #expect(again.cause == "CDN config pushed by a script" && again.action == "rollback")
        #expect(again.notes.last?.text == "resolution updated; cause: CDN config pushed by a script")
    }

    @Test(arguments: TestEngine.all) func acknowledgingWithAnOwnerSetsIt(engine: TestEngine) throws {
        let log = AnomalyLog(store: try engine.store(folder))
        let id = try log.open(ManualAnomaly(title: "x", owner: "ana"), author: "ana", at: 1).id
        #expect(try log.acknowledge(id: id, by: "bo", at: 2).owner == "ana", "an existing owner stays")
        #expect(try log.acknowledge(id: id, owner: "carl", by: "bo", at: 3).owner == "carl")
    }

    @Test(arguments: TestEngine.all) func unknownIdsAreAnError(engine: TestEngine) throws {
        let log = AnomalyLog(store: try engine.store(folder))
        #expect(throws: StoreError.unknownAnomaly(id: 42)) { try log.anomaly(id: 42) }
        #expect(throws: StoreError.unknownAnomaly(id: 42)) { try log.note(id: 42, text: "x", author: "ana") }
        #expect(throws: StoreError.unknownAnomaly(id: 42)) { try log.acknowledge(id: 42, by: "ana") }
    }

    @Test(arguments: TestEngine.all) func listingIsNewestFirstAndFilters(engine: TestEngine) throws {
        let log = AnomalyLog(store: try engine.store(folder))
        _ = try log.open(ManualAnomaly(title: "a", severity: .info, channel: "douyin"), author: "x", at: 1_000)
        _ = try log.open(ManualAnomaly(title: "b", severity: .critical, channel: "wechat"), author: "x", at: 2_000)
        _ = try log.open(ManualAnomaly(title: "c", severity: .critical, segment: "vip"), author: "x", at: 3_000)
        _ = try log.acknowledge(id: 2, by: "x", at: 4_000)
        _ = try log.resolve(id: 3, by: "x", at: 5_000)

        func titles(_ filter: AnomalyFilter) throws -> [String] { try log.list(filter).map(\.title) }
        #expect(try titles(AnomalyFilter()) == ["c", "b", "a"])
        #expect(try titles(AnomalyFilter(status: .open)) == ["a"])
        #expect(try titles(AnomalyFilter(status: .acknowledged)) == ["b"])
        #expect(try titles(AnomalyFilter(severity: .critical)) == ["c", "b"])
        #expect(try titles(AnomalyFilter(channel: "wechat")) == ["b"])
        #expect(try titles(AnomalyFilter(channel: "vip")) == [], "a segment is not a channel")
        #expect(try titles(AnomalyFilter(since: 2_000)) == ["c", "b"])
        #expect(try titles(AnomalyFilter(since: 1_500, until: 3_000)) == ["b"], "until is exclusive")
        #expect(try log.list().allSatisfy { $0.notes.isEmpty }, "lists come without timelines")
    }

    @Test(arguments: TestEngine.all) func listingWithNotesGivesEachAnomalyItsOwnTimeline(engine: TestEngine) throws {
        let log = AnomalyLog(store: try engine.store(folder))
        _ = try log.open(ManualAnomaly(title: "a"), author: "x", at: 1_000)
        _ = try log.open(ManualAnomaly(title: "b"), author: "x", at: 2_000)
        _ = try log.note(id: 1, text: "first on a", author: "ana", at: 3_000)
        _ = try log.note(id: 2, text: "on b", author: "bo", at: 4_000)
        _ = try log.note(id: 1, text: "second on a", author: "ana", at: 5_000)
        let listed = try log.listWithNotes()
        #expect(listed.map(\.title) == ["b", "a"])
        // The same timelines as asking for each anomaly alone.
        for anomaly in listed {
            #expect(anomaly.notes == (try log.anomaly(id: anomaly.id).notes))
        }
        #expect(listed[1].notes.filter { $0.kind == .note }.map(\.text) == ["first on a", "second on a"])
    }
}

/// Acknowledging a resolved anomaly used to print "acknowledged" and change
/// nothing; it is refused, and `reopen` is the way back.
@Suite struct AnomalyResolvedTests {
    let folder = TemporaryFolder()

    @Test(arguments: TestEngine.all) func acknowledgingAResolvedAnomalyIsRefusedUntilItIsReopened(engine: TestEngine) throws {
        let log = AnomalyLog(store: try engine.store(folder))
        let id = try log.open(ManualAnomaly(title: "outage"), author: "ana", at: 1_000).id
        _ = try log.resolve(id: id, cause: "cdn", by: "ana", at: 2_000)
        #expect(throws: StoreError.anomalyResolved(id: id)) { try log.acknowledge(id: id, by: "bo", at: 3_000) }
        #expect(try log.anomaly(id: id).notes.count == 2, "the refused acknowledgement left no note")
        let reopened = try log.reopen(id: id, by: "bo", at: 4_000)
        // Back to open (it was open when resolved); the cause is on the timeline, no longer its resolution.
        #expect(reopened.status == .open && reopened.closedAt == nil && reopened.cause == nil)
        #expect(reopened.notes.map(\.text).contains("resolved; cause: cdn"))
        #expect(try log.acknowledge(id: id, by: "bo", at: 5_000).status == .acknowledged)
        #expect(throws: StoreError.anomalyNotResolved(id: id)) { try log.reopen(id: id, by: "bo", at: 6_000) }
    }
}

/// Commands that only read refuse a database that does not exist rather than
/// making an empty one (a mistyped `--db` printed nothing and left a file).
@Suite struct MissingDatabaseTests {
    @Test func openingWithoutCreatingRefusesAMissingFileAndMakesNone() throws {
        let folder = TemporaryFolder()
        let path = folder.file("typo.db")
        #expect(throws: StoreError.noDatabase(path: path, option: "--db")) { try DeckDatabase(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(StoreError.noDatabase(path: "typo.db", option: "--db").description == "no database at typo.db (--db)")
        // A writer still makes it; then a reader opens it.
        try DeckDatabase(path: path).close()
        #expect(try DeckDatabase(path: path, create: false).schemaVersion() == DeckSchema.currentVersion)
    }
}
