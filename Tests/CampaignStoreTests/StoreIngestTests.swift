import CampaignCore
@testable import CampaignStore
import Foundation
import GRDB
import StoreTestEngines
import Testing

/// Exactly-once ingest: offsets, resumption, and alert state carried across runs.
@Suite struct StoreIngestTests {
    let folder = TemporaryFolder()

    /// Everything a run leaves behind that must not depend on how it was cut:
    /// history bytes, anomalies and their timelines.
    static func dump(_ database: any StoreEngine) throws -> [String] {
        try database.readSQL { session in
            func hex(_ bytes: [UInt8]?) -> String { (bytes ?? []).map { String(format: "%02X", $0) }.joined() }
            return try session.fetchAll("SELECT minute, events, leaves FROM metric_minute ORDER BY minute", [])
                .map { "m \($0.int64("minute")!) \($0.int64("events")!) \(hex($0.bytes("leaves")))" }
            + session.fetchAll("SELECT id, title, opened_at, recovered_at, status, observed_value FROM anomaly ORDER BY id", [])
                .map { "a \($0.int64("id")!) \($0.string("title")!) \($0.int64("opened_at")!) \($0.int64("recovered_at").map(String.init) ?? "-") \($0.string("status")!) \($0.double("observed_value")!)" }
            + session.fetchAll("SELECT anomaly_id, at, author, text FROM anomaly_note ORDER BY id", [])
                .map { "n \($0.int64("anomaly_id")!) \($0.int64("at")!) \($0.string("author")!) \($0.string("text")!)" }
        }
    }

    @Test(arguments: TestEngine.all) func aSecondRunReadsOnlyWhatWasAppended(engine: TestEngine) throws {
        let events = folder.file("e.jsonl")
        let database = try engine.store(folder)
        let lines = StoreFixtures.breachThenRecovery
        try StoreFixtures.write(Array(lines.prefix(3)), to: events)
        let (first, firstTotals) = try StoreFixtures.ingest(events, into: database)
        #expect(first.start == .fresh && first.events == 3)
        #expect(firstTotals.anomaliesOpened == 1 && firstTotals.anomaliesRecovered == 0)

        try StoreFixtures.append(Array(lines.dropFirst(3)), to: events)
        let firstBytes = Int64(lines.prefix(3).joined().utf8.count)
        let (second, secondTotals) = try StoreFixtures.ingest(events, into: database)
        #expect(second.start == .resumed(byteOffset: firstBytes, line: 3))
        #expect(second.lines == 2 && second.events == 2)
        #expect(second.endOffset == Int64(lines.joined().utf8.count))
        // The monitor was rebuilt from history: the rule was still firing, so
        // minute 1 judged clear is a recovery of the same anomaly, not nothing.
        #expect(secondTotals.anomaliesOpened == 0 && secondTotals.anomaliesRecovered == 1)

        let whole = try engine.store(folder)
        try StoreFixtures.ingest(events, into: whole)
        #expect(try Self.dump(database) == Self.dump(whole))

        let (third, _) = try StoreFixtures.ingest(events, into: database)
        #expect(third.events == 0 && third.lines == 0, "nothing new: nothing counted twice")
    }

    @Test(arguments: TestEngine.all) func aBreachThatLastsAcrossARestartDoesNotOpenTwice(engine: TestEngine) throws {
        let events = folder.file("e.jsonl")
        let database = try engine.store(folder)
        let breach = [StoreFixtures.line(0, 10, "impression", channel: "douyin", count: 1000),
                      StoreFixtures.line(0, 20, "click", channel: "douyin", count: 2),
                      StoreFixtures.line(1, 10, "impression", channel: "douyin", count: 1000)]
        try StoreFixtures.write(breach, to: events)
        try StoreFixtures.ingest(events, into: database)
        try StoreFixtures.append([StoreFixtures.line(1, 20, "click", channel: "douyin", count: 3),
                                  StoreFixtures.line(2, 10, "impression", channel: "douyin", count: 1000),
                                  StoreFixtures.line(3, 10, "impression", channel: "douyin", count: 1000)], to: events)
        // Commits only at the end of the input, not also after a second of
        // wall time (a slow run — ThreadSanitizer in CI — took two).
        var untimed = IngestOptions()
        untimed.commitSeconds = 86_400
        let (_, totals) = try StoreFixtures.ingest(events, into: database, options: untimed)
        #expect(totals == IngestTotals(commits: 1, anomaliesOpened: 0, anomaliesRefired: 0, anomaliesRecovered: 0))
        let only = try #require(try AnomalyLog(database: database).list().first)
        #expect(try AnomalyLog(database: database).list().count == 1)
        #expect(only.openedAt == StoreFixtures.at(1) && only.recoveredAt == nil)
    }

    @Test(arguments: TestEngine.all) func aRewrittenFileIsReadFromTheStart(engine: TestEngine) throws {
        let events = folder.file("e.jsonl")
        let database = try engine.store(folder)
        try StoreFixtures.write(StoreFixtures.breachThenRecovery, to: events)
        try StoreFixtures.ingest(events, into: database)
        let rewritten = [StoreFixtures.line(10, 0, "reach", channel: "sms", count: 7)]
        try StoreFixtures.write(rewritten, to: events)
        let (report, _) = try StoreFixtures.ingest(events, into: database)
        #expect(report.start == .changed(previousOffset: Int64(StoreFixtures.breachThenRecovery.joined().utf8.count)))
        #expect(report.events == 1)
        #expect(try IngestCheckpoints(database: database).totals().storedEvents == 6)
    }

    @Test(arguments: TestEngine.all) func theSameFileByAnotherNameIsOneSource(engine: TestEngine) throws {
        let events = folder.file("e.jsonl")
        let database = try engine.store(folder)
        try StoreFixtures.write(StoreFixtures.breachThenRecovery, to: events)
        try StoreFixtures.ingest(events, into: database)
        let (again, _) = try StoreFixtures.ingest(folder.path + "/./e.jsonl", into: database)
        #expect(again.events == 0)
        #expect(try IngestCheckpoints(database: database).all().map(\.path) == [StoreIngest.canonicalPath(events)])
    }

    @Test(arguments: TestEngine.all) func rejectedLinesKeepTheirLineNumbersAcrossReads(engine: TestEngine) throws {
        let events = folder.file("bad.jsonl")
        let database = try engine.store(folder)
        try StoreFixtures.write([StoreFixtures.line(0, 1, "impression", count: 5), "{oops\n",
                                 StoreFixtures.line(0, 2, "impression", count: 5), "{\"ts\":1,\"type\":\"hologram\"}\n",
                                 "{\"ts\":\"yesterday\",\"type\":\"click\"}\n"], to: events)
        var options = IngestOptions()
        options.chunkSize = 7 // lines arrive in many pieces
        let (report, _) = try StoreFixtures.ingest(events, into: database, options: options)
        #expect(report.lines == 5 && report.events == 2 && report.rejected == 2 && report.skipped == 1)
        let stored = try database.readSQL { session in
            try session.fetchAll("SELECT line FROM rejected_line ORDER BY id", []).map { Int($0.int64("line")!) }
        }
        #expect(stored == [2, 5])
        let checkpoint = try #require(try IngestCheckpoints(database: database).checkpoint(path: StoreIngest.canonicalPath(events)))
        #expect(checkpoint.lines == 5 && checkpoint.rejected == 2 && checkpoint.skipped == 1)
        #expect(try IngestCheckpoints(database: database).totals().rejected == 2)
    }

    /// An unterminated last line waits for its line break or `--final` (this test took
    /// the line at once before issue 11: a producer still writing it then lost it).
    @Test(arguments: TestEngine.all) func anUnterminatedLastLineIsPendingUntilFinal(engine: TestEngine) throws {
        let events = folder.file("e.jsonl")
        let database = try engine.store(folder)
        let first = StoreFixtures.line(0, 1, "impression", count: 5)
        let text = first + StoreFixtures.line(0, 2, "click", count: 1).dropLast()
        try Data(text.utf8).write(to: URL(fileURLWithPath: events))
        let (report, _) = try StoreFixtures.ingest(events, into: database)
        #expect(report.events == 1 && report.lines == 1 && report.pendingLines == 1)
        #expect(report.endOffset == Int64(first.utf8.count), "the offset stops before the pending line")
        var final = IngestOptions()
        final.final = true
        let (taken, _) = try StoreFixtures.ingest(events, into: database, options: final)
        #expect(taken.events == 1 && taken.pendingLines == 0 && taken.endOffset == Int64(text.utf8.count))
        #expect(try StoreFixtures.ingest(events, into: database).0.events == 0)
        #expect(try IngestCheckpoints(database: database).totals().storedEvents == 2)
    }

    @Test func standardInputsLastLineIsTakenAtItsEnd() throws {
        // Standard input cannot be resumed, so nothing can be left pending.
        let events = folder.file("e.jsonl")
        let text = StoreFixtures.line(0, 1, "impression", count: 5) + StoreFixtures.line(0, 2, "click", count: 1).dropLast()
        try Data(text.utf8).write(to: URL(fileURLWithPath: events))
        let saved = dup(0)
        defer { dup2(saved, 0); close(saved) }
        let fd = open(events, O_RDONLY)
        dup2(fd, 0)
        close(fd)
        let (report, _) = try StoreFixtures.ingest("-", into: nil)
        #expect(report.events == 2 && report.pendingLines == 0)
    }

    @Test(arguments: TestEngine.all) func followingReadsGrowthAndHoldsBackAHalfWrittenLine(engine: TestEngine) throws {
        let events = folder.file("grow.jsonl")
        let database = try engine.store(folder)
        try StoreFixtures.write([StoreFixtures.line(0, 1, "impression", count: 5)], to: events)
        var options = IngestOptions()
        options.follow = true
        options.pollSeconds = 0.02
        let ingest = try StoreIngest(database: database, plan: StoreFixtures.plan(), options: options)
        let stop = FollowStop()
        let half = StoreFixtures.line(1, 0, "impression", count: 7)
        let more = [StoreFixtures.line(0, 30, "impression", count: 6), String(half.prefix(10))]
        // A producer on another thread: it appends, waits until the follower has
        // stored the whole line (so the half line has been seen too), then stops
        // it. Waiting on what is stored, not on a fixed time, holds on a slow
        // run (ThreadSanitizer, a loaded CI machine).
        Thread.detachNewThread {
            try? StoreFixtures.append(more, to: events)
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, (try? IngestCheckpoints(database: database).totals().storedEvents) != 2 {
                Thread.sleep(forTimeInterval: 0.02)
            }
            Thread.sleep(forTimeInterval: 0.1) // a few more polls with the half line in view
            stop.request()
        }
        let report = try ingest.ingest(path: events, stop: stop)
        #expect(report.events == 2, "the half line waits for its line break")
        #expect(try IngestCheckpoints(database: database).totals().storedEvents == 2)

        try StoreFixtures.append([String(half.dropFirst(10))], to: events)
        let (rest, _) = try StoreFixtures.ingest(events, into: database)
        #expect(rest.events == 1 && rest.start == .resumed(byteOffset: Int64(StoreFixtures.line(0, 1, "impression", count: 5).utf8.count
            + StoreFixtures.line(0, 30, "impression", count: 6).utf8.count), line: 2))
    }

    @Test func aDryRunStoresNothing() throws {
        let events = folder.file("e.jsonl")
        try StoreFixtures.write(StoreFixtures.breachThenRecovery, to: events)
        let (report, totals) = try StoreFixtures.ingest(events, into: nil)
        #expect(report.events == 5 && totals == IngestTotals())
        #expect(folder.contents() == ["e.jsonl"])
    }
}

/// Two ingests of one file into one database must not both count it.
@Suite struct ConcurrentIngestTests {
    @Test(arguments: TestEngine.all) func aCommitThatDoesNotContinueTheStoredOffsetIsRefused(engine: TestEngine) throws {
        let folder = TemporaryFolder()
        let database = try engine.store(folder)
        let worker = CommitWorker(database: database, anomalies: AlertAnomalies(plan: StoreFixtures.plan()))
        var batch = MetricBatch(timeZoneIdentifier: "UTC")
        batch.add(EventRecord(timestamp: StoreFixtures.at(0), type: .impression, count: 3))
        func work(offset: Int64, continuesFrom: Int64?) -> CommitWork {
            CommitWork(batch: batch.take(), symbols: EventSymbols(), transitions: [],
                       checkpoint: SourceCheckpoint(path: "/x.jsonl", byteOffset: offset), continuesFrom: continuesFrom,
                       samples: [])
        }
        try worker.submit(work(offset: 100, continuesFrom: nil))
        try worker.submit(work(offset: 200, continuesFrom: 100))
        #expect(try worker.finish().commits == 2)
        // Another run stored up to 200 meanwhile; this one still thinks the row says 100.
        try worker.submit(work(offset: 300, continuesFrom: 100))
        #expect(throws: StoreError.concurrentIngest(path: "/x.jsonl")) { try worker.finish() }
        #expect(try IngestCheckpoints(database: database).checkpoint(path: "/x.jsonl")?.byteOffset == 200)
    }
}

/// Writers that share a PostgreSQL store judge alerts over the merged
/// minutes (`SharedJudge`), whichever of them read which lines.
@Suite(.enabled(if: TestEngine.postgresIsOn, TestEngine.skipped))
struct SharedJudgingTests {
    let folder = TemporaryFolder()

    /// The breach and its recovery, read by two ingests (one half each, both
    /// open before either stores): the log is one clean SQLite run's. While
    /// the second half is unread, nothing past the first half's last minute
    /// is judged (its minute may still grow; the other source may bring earlier minutes).
    @Test func twoWritersJudgeTheMergedMinutesOnce() throws {
        let lines = StoreFixtures.breachThenRecovery
        let first = folder.file("first.jsonl"), second = folder.file("second.jsonl"), whole = folder.file("whole.jsonl")
        try StoreFixtures.write(Array(lines.prefix(3)), to: first)
        try StoreFixtures.write(Array(lines.dropFirst(3)), to: second)
        try StoreFixtures.write(lines, to: whole)
        let file = try DeckDatabase(path: folder.file("whole.deck.sqlite"))
        try StoreFixtures.ingest(whole, into: file)

        let server = try TestEngine.postgres.store(folder)
        let plan = StoreFixtures.plan()
        // The second half's source is known (its ingest has started) before the first half is stored.
        try SourceProgress.register(device: try #require(SourceFile(path: second).status()).device,
                                    inode: try #require(SourceFile(path: second).status()).inode, in: server)
        let (_, firstTotals) = try StoreFixtures.ingest(first, into: server, plan: plan)
        #expect(firstTotals.anomaliesOpened == 0, "minute 1 waits for the second source")
        let (_, secondTotals) = try StoreFixtures.ingest(second, into: server, plan: plan)
        #expect(secondTotals.anomaliesOpened == 1 && secondTotals.anomaliesRecovered == 1)
        let anomalies = { (dump: [String]) in dump.filter { !$0.hasPrefix("m ") } }
        #expect(try anomalies(StoreIngestTests.dump(server)) == anomalies(StoreIngestTests.dump(file)))
        // Again: nothing new to judge, nothing written twice.
        let (_, again) = try StoreFixtures.ingest(first, into: server, plan: plan)
        #expect(again.anomaliesOpened == 0 && again.anomaliesRecovered == 0)
        #expect(try anomalies(StoreIngestTests.dump(server)) == anomalies(StoreIngestTests.dump(file)))
    }
}
