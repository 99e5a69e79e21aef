import Foundation
import Testing

/// `campaign-deck ingest` end to end: resuming, summaries, and a note that
/// outlives an ingest killed while it writes to the same database.
@Suite struct IngestCommandTests {
    let folder = ScratchFolder()
    var db: String { folder.path + "/t.deck.sqlite" }

    /// CTR on douyin 0.5 % in minute 0 with the demo's "CTR below 1%" rule
    /// (1 000 impressions, 5 clicks: the Wilson upper bound is 1.16 %, so it
    /// is not judged low); 20 000 impressions with 100 clicks are (upper bound 0.61 %).
    static func lines(from minute: Int, count: Int) -> String {
        (minute..<(minute + count)).map { m in
            let ts = 1_775_700_000_000 + Int64(m) * 60_000 // 2026-04-09T02:00:00Z = 10:00 in Shanghai
            return "{\"ts\":\(ts),\"type\":\"impression\",\"channel\":\"douyin\",\"count\":20000}\n"
                + "{\"ts\":\(ts + 1000),\"type\":\"click\",\"channel\":\"douyin\",\"count\":100}\n"
        }.joined()
    }

    @Test func aSecondRunResumesAndSaysWhere() throws {
        let events = folder.path + "/e.jsonl"
        try Data(Self.lines(from: 0, count: 3).utf8).write(to: URL(fileURLWithPath: events))
        let first = try CLIRunner.run(["ingest", "--db", db, "e.jsonl"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("e.jsonl: 6 events from 6 lines\nstored in \(db): "))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: events))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Self.lines(from: 3, count: 2).utf8))
        try handle.close()
        let second = try CLIRunner.run(["ingest", "--db", db, "e.jsonl", "--format", "json"], in: folder.path)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        let source = try #require((json["sources"] as? [[String: Any]])?.first)
        #expect(source["start"] as? String == "resumed")
        #expect(source["resumed_at_line"] as? Int == 6)
        #expect(source["events"] as? Int == 4)
    }

    @Test func standardInputIsStoredButWarnsItCannotResume() throws {
        let run = try CLIRunner.run(["ingest", "--db", db, "-"], in: folder.path, stdin: Self.lines(from: 0, count: 2))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderrLines.first?.hasPrefix("campaign-deck: note: standard input cannot resume") == true)
        #expect(run.stdout.hasPrefix("-: 4 events from 4 lines\n"))
    }

    @Test func usageMistakesAreBadInput() throws {
        #expect(try CLIRunner.run(["ingest", "--db", db], in: folder.path).status == 2)
        #expect(try CLIRunner.run(["ingest", "--db", db, "--follow", "-"], in: folder.path).status == 2)
        let missing = try CLIRunner.run(["ingest", "--db", db, "nope.jsonl"], in: folder.path)
        #expect(missing.status == 2)
        #expect(missing.stderrLines.first?.hasPrefix("campaign-deck: cannot read ") == true)
    }

    @Test func aNoteSurvivesAKilledIngestWritingToTheSameDatabase() throws {
        // A hand-made anomaly to write on, then a long ingest that commits often.
        #expect(try CLIRunner.run(["anomalies", "--db", db, "open", "--title", "watch", "--author", "a"]).status == 0)
        let events = folder.path + "/big.jsonl"
        try Data(Self.lines(from: 0, count: 60_000).utf8).write(to: URL(fileURLWithPath: events))
        let ingest = Process()
        ingest.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        ingest.arguments = ["ingest", "--db", db, "--commit-events", "2000", events]
        ingest.standardOutput = FileHandle.nullDevice
        ingest.standardError = FileHandle.nullDevice
        try ingest.run()
        // Wait until the ingest has committed at least once: it is writing now.
        let deadline = Date().addingTimeInterval(60)
        while ingest.isRunning, Date() < deadline,
              (try? CLIRunner.run(["anomalies", "--db", db, "list", "--format", "csv"]))?.status != 0 ||
              !FileManager.default.fileExists(atPath: db + "-wal") {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let note = try CLIRunner.run(["anomalies", "--db", db, "note", "1", "written during ingest", "--author", "b"])
        let stillRunning = ingest.isRunning
        kill(ingest.processIdentifier, SIGKILL)
        ingest.waitUntilExit()
        #expect(note.status == 0, "\(note.stderr)")
        #expect(stillRunning, "the ingest was still writing when the note was written")
        let shown = try CLIRunner.run(["anomalies", "--db", db, "show", "1", "--format", "csv"])
        #expect(shown.stdout.contains(",b,note,written during ingest\n"))
        // And the database is sound for the next ingest, which resumes.
        let resumed = try CLIRunner.run(["ingest", "--db", db, events, "--format", "json"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("\"start\": \"resumed\"") || resumed.stdout.contains("\"start\": \"fresh\""))
    }
}
