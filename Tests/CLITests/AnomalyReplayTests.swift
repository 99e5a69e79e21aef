import Foundation
import Testing

/// Replaying a stream the anomaly log has already seen changes nothing
/// (a transition is written once): every launch of the demo, every
/// `--snapshot`, every plan opened with `--events` and every `ingest` of the
/// same events replays them into the same database.
@Suite struct AnomalyReplayTests {
    let folder = ScratchFolder()

    /// `anomalies list` and every anomaly's `show`, as one text to compare.
    func logText(_ db: String) throws -> String {
        let list = try CLIRunner.run(["anomalies", "list", "--db", db], in: folder.path)
        #expect(list.status == 0, "\(list.stderr)")
        var text = list.stdout
        // The ids the list prints, first column after the header.
        for line in list.stdout.split(separator: "\n").dropFirst() {
            guard let id = line.split(separator: " ").first else { continue }
            let show = try CLIRunner.run(["anomalies", "show", String(id), "--db", db], in: folder.path)
            #expect(show.status == 0, "\(show.stderr)")
            text += show.stdout
        }
        return text
    }

    /// Runs `arguments` three times; the log after the 2nd and 3rd run is the log after the 1st.
    func expectThreeRunsLogOnce(_ arguments: [String], db: String) throws {
        let first = try CLIRunner.run(arguments, in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let afterFirst = try logText(db)
        // Not vacuous: the stream does fire and recover alerts.
        #expect(afterFirst.contains("opened by rule"), "\(afterFirst)")
        #expect(afterFirst.contains("recovered:"), "\(afterFirst)")
        for run in 2...3 {
            let again = try CLIRunner.run(arguments, in: folder.path)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try logText(db) == afterFirst, "run \(run) changed the anomaly log")
        }
    }

    /// The demo's first 40 days hold its CTR incident on douyin (2026-04-09);
    /// the whole campaign takes half a minute a run in a debug build.
    @Test func theDemoSnapshotThreeTimesLogsItsIncidentsOnce() throws {
        try expectThreeRunsLogOnce(["--snapshot", "120x40", "--db", "demo.sqlite", "--simulate", "--days", "40"], db: "demo.sqlite")
    }

    /// The demo's plan, and its stream of 2026-04-09: CTR on douyin fires at
    /// 11:02 and recovers at 16:27 (one day keeps the test quick).
    func writePlanAndEvents() throws {
        let initRun = try CLIRunner.run(["init", "replay"], in: folder.path)
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let simulate = try CLIRunner.run(["simulate", "--plan", "replay.yaml", "--from", "2026-04-09", "--days", "1"],
                                         in: folder.path)
        #expect(simulate.status == 0, "\(simulate.stderr)")
        try Data(simulate.stdout.utf8).write(to: URL(fileURLWithPath: folder.path + "/events.jsonl"))
    }

    @Test func aPlanWithEventsThreeTimesLogsItsIncidentsOnce() throws {
        try writePlanAndEvents()
        try expectThreeRunsLogOnce(["replay.yaml", "--events", "events.jsonl", "--snapshot", "120x40", "--db", "plan.sqlite"],
                                   db: "plan.sqlite")
    }

    /// A copy of the events under another name has no stored offset: ingest
    /// reads it all again, and its transitions are the ones already logged.
    @Test func ingestingACopyOfTheEventsLogsNothingNew() throws {
        try writePlanAndEvents()
        let first = try CLIRunner.run(["ingest", "--db", "ingest.sqlite", "--plan", "replay.yaml", "events.jsonl"],
                                      in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let afterFirst = try logText("ingest.sqlite")
        #expect(afterFirst.contains("opened by rule") && afterFirst.contains("recovered:"), "\(afterFirst)")
        try FileManager.default.copyItem(atPath: folder.path + "/events.jsonl", toPath: folder.path + "/copy.jsonl")
        let copy = try CLIRunner.run(["ingest", "--db", "ingest.sqlite", "--plan", "replay.yaml", "copy.jsonl"],
                                     in: folder.path)
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(try logText("ingest.sqlite") == afterFirst)
        // And the dashboard replaying the same events afterwards adds nothing either.
        let dashboard = try CLIRunner.run(["replay.yaml", "--events", "events.jsonl", "--snapshot", "120x40",
                                           "--db", "ingest.sqlite"], in: folder.path)
        #expect(dashboard.status == 0, "\(dashboard.stderr)")
        #expect(try logText("ingest.sqlite") == afterFirst)
    }
}
