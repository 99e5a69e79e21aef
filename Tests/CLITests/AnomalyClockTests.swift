import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The anomaly log read by people: times in the campaign's zone however the
/// log is named, each timeline entry labelled with its clock, and notes by
/// the person at the keyboard.
@Suite struct AnomalyClockTests {
    let folder = ScratchFolder()

    /// The demo plan (Asia/Shanghai) and its stream of 2026-04-09, when CTR
    /// on douyin fires and recovers, replayed by the dashboard into plan.sqlite.
    func dashboardLog() throws {
        let initRun = try CLIRunner.run(["init", "clock"], in: folder.path)
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let simulate = try CLIRunner.run(["simulate", "--plan", "clock.yaml", "--from", "2026-04-09", "--days", "1"],
                                         in: folder.path)
        #expect(simulate.status == 0, "\(simulate.stderr)")
        try Data(simulate.stdout.utf8).write(to: URL(fileURLWithPath: folder.path + "/events.jsonl"))
        let dashboard = try CLIRunner.run(["clock.yaml", "--events", "events.jsonl", "--snapshot", "120x40", "--db", "plan.sqlite"],
                                          in: folder.path)
        #expect(dashboard.status == 0, "\(dashboard.stderr)")
    }

    /// The log the dashboard wrote lists in the campaign's zone whether it is
    /// named by `--db` alone or with its plan.
    @Test func listByDatabaseOrByPlanShowsTheSameTimes() throws {
        try dashboardLog()
        let byDatabase = try CLIRunner.run(["anomalies", "list", "--db", "plan.sqlite"], in: folder.path)
        let byPlan = try CLIRunner.run(["anomalies", "list", "--db", "plan.sqlite", "--plan", "clock.yaml"], in: folder.path)
        #expect(byDatabase.status == 0 && byPlan.status == 0, "\(byDatabase.stderr)\(byPlan.stderr)")
        #expect(byDatabase.stdout.contains("2026-04-09 "), "\(byDatabase.stdout)")
        #expect(byDatabase.stdout == byPlan.stdout)
        let json = try CLIRunner.run(["anomalies", "show", "1", "--db", "plan.sqlite", "--format", "json"], in: folder.path)
        #expect(json.stdout.contains("+08:00"), "Shanghai offsets, not UTC: \(json.stdout)")
    }

    /// `anomalies show`: alert entries say event time, people's wall time.
    @Test func theTimelineLabelsEachTimeWithItsClock() throws {
        try dashboardLog()
        let ack = try CLIRunner.run(["anomalies", "ack", "1", "--db", "plan.sqlite", "--author", "bo"], in: folder.path)
        #expect(ack.status == 0, "\(ack.stderr)")
        #expect(ack.stdout.hasPrefix("anomaly 1 acknowledged, no owner:"), "acknowledging assigns nobody: \(ack.stdout)")
        let show = try CLIRunner.run(["anomalies", "show", "1", "--db", "plan.sqlite"], in: folder.path)
        #expect(show.status == 0, "\(show.stderr)")
        let lines = show.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  opened     2026-04-09T") && $0.hasSuffix("+08:00 (event time)") }, "\(show.stdout)")
        #expect(lines.contains("  owner      -"))
        let timeline = try #require(lines.firstIndex { $0.hasPrefix("timeline (") })
        #expect(lines[timeline] == "timeline (event = the stream's time, wall = when a person acted):")
        let entries = lines[(timeline + 1)...]
        // Opened on 04-09 by the alert, in event time (year written: the CLI has no campaign year to drop).
        #expect(entries.first.map { $0.hasPrefix("  2026-04-09 ") && $0.contains(" event  alert: · opened by rule") } == true,
                "\(show.stdout)")
        // The acknowledgement, now, in wall time.
        #expect(entries.last.map { $0.contains(" wall   bo: · acknowledged") } == true, "\(show.stdout)")
        let csv = try CLIRunner.run(["anomalies", "show", "1", "--db", "plan.sqlite", "--format", "csv"], in: folder.path)
        #expect(csv.stdout.hasPrefix("at,clock,author,kind,text\n"))
        #expect(csv.stdout.split(separator: "\n").last.map { $0.contains(",wall,bo,event,acknowledged") } == true)
    }

    /// Without `$USER` (cron, some tmux and service shells) a note is signed
    /// with the account's login name, not `unknown` or `dashboard`.
    @Test func withoutUSERTheLoginNameSigns() throws {
        let opened = try CLIRunner.run(["anomalies", "--db", "t.sqlite", "open", "--title", "outage", "--author", "ana"],
                                       in: folder.path)
        #expect(opened.status == 0, "\(opened.stderr)")
        var environment = ProcessInfo.processInfo.environment
        environment["USER"] = nil
        let note = try CLIRunner.run(["anomalies", "--db", "t.sqlite", "note", "1", "looking"], in: folder.path,
                                     environment: environment)
        #expect(note.status == 0, "\(note.stderr)")
        let login = try #require(getpwuid(getuid())).pointee.pw_name.map { String(cString: $0) }
        let show = try CLIRunner.run(["anomalies", "--db", "t.sqlite", "show", "1", "--format", "csv"], in: folder.path)
        #expect(show.stdout.split(separator: "\n").last.map { $0.hasSuffix(",wall,\(login ?? "?"),note,looking") } == true,
                "\(show.stdout)")
    }
}
