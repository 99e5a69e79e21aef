import CampaignCore
@testable import CampaignStore
import Foundation
import GRDB
import StoreTestEngines
import Testing

/// A source is the file, not its name (issue 11 item 2): a rotated
/// (renamed) or hard-linked file resumes where it was, and a new file under
/// the old name is a new source.
@Suite struct SourceIdentityTests {
    let folder = TemporaryFolder()

    @Test(arguments: TestEngine.all) func aRotatedFileResumesUnderItsNewName(engine: TestEngine) throws {
        let events = folder.file("ev.jsonl")
        let database = try engine.store(folder)
        let lines = StoreFixtures.breachThenRecovery
        try StoreFixtures.write(Array(lines.prefix(3)), to: events)
        try StoreFixtures.ingest(events, into: database)
        // Rotation: the producer finishes the old file, which is renamed, and starts a new one.
        try StoreFixtures.append([lines[3]], to: events)
        try FileManager.default.moveItem(atPath: events, toPath: events + ".1")
        try StoreFixtures.write([lines[4]], to: events)

        let (old, _) = try StoreFixtures.ingest(events + ".1", into: database)
        #expect(old.events == 1, "only the line written after the last run")
        #expect(old.start == .resumed(byteOffset: Int64(lines.prefix(3).joined().utf8.count), line: 3))
        let (new, _) = try StoreFixtures.ingest(events, into: database)
        #expect(new.events == 1 && new.start == .fresh)
        // Both again: nothing new.
        #expect(try StoreFixtures.ingest(events + ".1", into: database).0.events == 0)
        #expect(try StoreFixtures.ingest(events, into: database).0.events == 0)
        // 1000 + 5 + 1000 + 50 + 10 events, each counted once.
        #expect(try IngestCheckpoints(database: database).totals().storedEvents == 5, "each of the 5 lines stored once")
    }

    @Test(arguments: TestEngine.all) func aHardLinkIsTheSameSource(engine: TestEngine) throws {
        let events = folder.file("ev.jsonl")
        let database = try engine.store(folder)
        try StoreFixtures.write(StoreFixtures.breachThenRecovery, to: events)
        try StoreFixtures.ingest(events, into: database)
        #expect(link(events, folder.file("other-name.jsonl")) == 0)
        let (again, _) = try StoreFixtures.ingest(folder.file("other-name.jsonl"), into: database)
        #expect(again.events == 0 && again.lines == 0)
        #expect(try IngestCheckpoints(database: database).totals().storedEvents == 5, "each of the 5 lines stored once")
    }

    @Test(arguments: TestEngine.all) func aNewFileUnderAKnownNameIsANewSource(engine: TestEngine) throws {
        let events = folder.file("ev.jsonl")
        let database = try engine.store(folder)
        try StoreFixtures.write(StoreFixtures.breachThenRecovery, to: events)
        try StoreFixtures.ingest(events, into: database)
        try FileManager.default.removeItem(atPath: events)
        try StoreFixtures.write([StoreFixtures.line(5, 0, "reach", channel: "sms", count: 7)], to: events)
        let (report, _) = try StoreFixtures.ingest(events, into: database)
        #expect(report.events == 1)
        #expect(try IngestCheckpoints(database: database).totals().storedEvents == 6)
    }
}
