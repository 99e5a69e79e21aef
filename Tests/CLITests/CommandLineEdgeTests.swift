import Foundation
import Testing

/// Errors that misled (issue 11, items 9, 18 and 19), on the real binary:
/// each says what is wrong and where, with exit code 2 for bad input or usage.
@Suite struct CommandLineEdgeTests {
    let folder = ScratchFolder()
    var db: String { folder.path + "/t.deck.sqlite" }

    func anomalies(_ arguments: [String]) throws -> CLIRunner.Run {
        try CLIRunner.run(["anomalies", "--db", db] + arguments, in: folder.path)
    }

    @Test func readersRefuseAMissingDatabaseAndCreateNone() throws {
        for arguments in [["anomalies", "--db", "typo.db", "list"], ["anomalies", "--db", "typo.db", "show", "1"],
                          ["anomalies", "--db", "typo.db", "ack", "1"], ["kpi", "--db", "typo.db"],
                          ["report", "--db", "typo.db"]] {
            let run = try CLIRunner.run(arguments, in: folder.path)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderrLines.first == "campaign-deck: no database at typo.db (--db)", "\(arguments)")
            #expect(run.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/typo.db"))
        // Writers make it.
        #expect(try anomalies(["open", "--title", "x", "--author", "a"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func acknowledgingAResolvedAnomalyIsRefused() throws {
        _ = try anomalies(["open", "--title", "outage", "--author", "a"])
        _ = try anomalies(["resolve", "1", "--author", "a"])
        let ack = try anomalies(["ack", "1", "--author", "b"])
        #expect(ack.status == 2)
        #expect(ack.stdout.isEmpty)
        #expect(ack.stderrLines.first == "campaign-deck: anomaly 1 is resolved; reopen it first: acknowledging it would change nothing (anomaly 1)")
        #expect(try anomalies(["reopen", "1", "--author", "b"]).stdout == "anomaly 1 reopened; open again: outage\n")
        #expect(try anomalies(["ack", "1", "--author", "b"]).status == 0)
    }

    @Test func negativeNumbersAreOutOfRangeNotMissing() throws {
        let show = try anomalies(["show", "-1"])
        #expect(show.status == 2)
        #expect(show.stderrLines.first == "campaign-deck: ID is out of range: it must be a positive number, got -1 (ID)")
        let speed = try CLIRunner.run(["simulate", "--days", "1", "--speed", "-5"], in: folder.path)
        #expect(speed.status == 2)
        #expect(speed.stderrLines.first == "campaign-deck: --speed is out of range: it must be above 0, got -5 (--speed)")
        let days = try CLIRunner.run(["simulate", "--days", "-3"], in: folder.path)
        #expect(days.stderrLines.first == "campaign-deck: --days must be at least 1, got -3 (--days)")
    }

    /// Every error ends with its place, usage errors from the argument parser too.
    @Test func errorsSayWhere() throws {
        let expectations: [([String], String)] = [
            (["kpi", "missing.jsonl"], "campaign-deck: cannot read missing.jsonl: No such file or directory"),
            (["kpi", "--by", "foo"], "campaign-deck: The value 'foo' is invalid for '--by <by>'. Please provide one of 'channel', 'segment', 'campaign' or 'total'. (--by)"),
            (["anomalies", "--db", "x.db", "show"], "campaign-deck: Missing expected argument '<id>' (ID)"),
            (["plan", "frobnicate", "x"], "campaign-deck: 2 unexpected arguments: 'frobnicate', 'x' (frobnicate)"),
            (["segment", "demo", "--as-of", "2026-13-01"], "campaign-deck: --as-of must be a date like 2026-04-01, got '2026-13-01' (--as-of)"),
            (["--snapshot", "80by20"], "campaign-deck: --snapshot takes COLSxROWS, e.g. 120x40; got '80by20' (--snapshot)"),
        ]
        for (arguments, expected) in expectations {
            let run = try CLIRunner.run(arguments, in: folder.path)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderrLines.first == expected, "\(arguments)")
        }
    }

    @Test func anEmptyDeviceIsAnEmptyPlanNotAPermissionProblem() throws {
        let run = try CLIRunner.run(["plan", "validate", "/dev/null"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("/dev/null:1:1: the plan is empty"))
        #expect(!run.stderr.contains("permission"))
    }

    /// Data from the log is shown, never obeyed: a carriage return in a title
    /// drew `FIRINGRING` (the CR sent the cursor back over the line).
    @Test func theAnomalyTableShowsControlCharactersAsEscapes() throws {
        _ = try anomalies(["open", "--title", "FIRING\r\nRING", "--channel", "x\ry", "--author", "a\u{1B}[2J"])
        _ = try anomalies(["note", "1", "line one\rline two", "--author", "b"])
        let shown = try anomalies(["show", "1"])
        #expect(!shown.stdout.contains("\r") && !shown.stdout.contains("\u{1B}"))
        #expect(shown.stdout.hasPrefix("anomaly 1: FIRING\\r\\nRING\n"))
        #expect(shown.stdout.contains("  scope      channel x\\ry\n"))
        #expect(shown.stdout.contains("b: line one\\rline two\n"))
        #expect(try anomalies(["list"]).stdout.contains("FIRING\\r\\nRING"))
        // JSON keeps the data exactly, by its own quoting.
        let json = try anomalies(["show", "1", "--format", "json"])
        #expect(json.stdout.contains(#""title": "FIRING\r\nRING""#))
    }
}
