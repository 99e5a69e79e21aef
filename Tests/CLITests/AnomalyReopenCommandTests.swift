import Foundation
import Testing

/// `campaign-deck anomalies reopen ID` undoes a resolution, and people read
/// an alert's numbers by metric (JSON keeps the raw numbers).
@Suite struct AnomalyReopenCommandTests {
    let folder = ScratchFolder()
    var db: String { folder.path + "/t.deck.sqlite" }

    func run(_ arguments: [String]) throws -> CLIRunner.Run {
        try CLIRunner.run(["anomalies", "--db", db] + arguments, in: folder.path)
    }

    func json(_ run: CLIRunner.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
    }

    @Test func reopeningPutsBackTheStatusAndOwnerFromBeforeTheResolution() throws {
        _ = try run(["open", "--title", "outage", "--author", "ana"])
        _ = try run(["ack", "1", "--owner", "王芳", "--author", "bo"])
        _ = try run(["resolve", "1", "--cause", "wrong one", "--action", "none", "--author", "bo"])
        let reopened = try run(["reopen", "1", "--author", "carl"])
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout == "anomaly 1 reopened; acknowledged again, owner 王芳: outage\n")

        let shown = try json(try run(["show", "1", "--format", "json"]))
        #expect(shown["status"] as? String == "acknowledged" && shown["owner"] as? String == "王芳")
        #expect(shown["cause"] is NSNull && shown["action"] is NSNull && shown["closed_at"] is NSNull)
        let notes = try #require(shown["notes"] as? [[String: Any]])
        #expect(notes.suffix(2).map { "\($0["author"] as? String ?? "") \($0["clock"] as? String ?? ""): \($0["text"] as? String ?? "")" } == [
            "bo wall: resolved; cause: wrong one; action: none",
            "carl wall: reopened; acknowledged again",
        ])
        // The table no longer shows the mistaken resolution as the anomaly's own.
        let table = try run(["show", "1"]).stdout
        #expect(!table.contains("  cause ") && !table.contains("  action "), "\(table)")

        let again = try run(["reopen", "1"])
        #expect(again.status == 2, "only a resolved anomaly can be reopened")
    }

    /// The demo plan's CTR rule fires on douyin on 2026-04-09 (the simulator's
    /// creative fatigue); the dashboard replays that day into plan.sqlite.
    @Test func showWritesTheValueAndThresholdByMetric() throws {
        #expect(try CLIRunner.run(["init", "shop"], in: folder.path).status == 0)
        let day = try CLIRunner.run(["simulate", "--plan", "shop.yaml", "--from", "2026-04-09", "--days", "1"], in: folder.path)
        try Data(day.stdout.utf8).write(to: URL(fileURLWithPath: folder.path + "/day.jsonl"))
        let replay = try CLIRunner.run(["shop.yaml", "--events", "day.jsonl", "--snapshot", "120x40", "--db", "plan.sqlite"],
                                       in: folder.path)
        #expect(replay.status == 0, "\(replay.stderr)")

        let raw = try json(try CLIRunner.run(["anomalies", "show", "1", "--db", "plan.sqlite", "--format", "json"], in: folder.path))
        #expect(raw["metric"] as? String == "ctr")
        let value = try #require(raw["observed_value"] as? Double, "JSON keeps the raw number")
        #expect(raw["threshold"] as? Double == 0.01)
        // The CTR as a percentage with two decimals, worked out here from the raw number.
        let percent = String(format: "%.2f%%", value * 100)
        let table = try CLIRunner.run(["anomalies", "show", "1", "--db", "plan.sqlite"], in: folder.path).stdout
        #expect(table.contains("\n  metric     ctr = \(percent) (threshold 1%)\n"), "\(table)")
        #expect(table.contains("opened by rule 'CTR below 1%': ctr \(percent) against 1%"), "\(table)")
        #expect(!table.contains("\(value)"), "never the raw \(value)")
    }
}
