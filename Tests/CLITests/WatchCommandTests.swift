import Foundation
import Testing

/// `campaign-deck watch` without --follow: the run ends with the files, after
/// a last send pass. Its receiver is a closed port (127.0.0.1:9), so what it
/// logs is a failure and the message stays pending; the e2e script
/// (Tests/e2e/watch.sh) follows a growing file with a live receiver.
@Suite struct WatchCommandTests {
    let folder = ScratchFolder()
    var db: String { folder.path + "/w.deck.sqlite" }

    /// The demo plan (`init`) with a webhook channel nobody listens on.
    func plan() throws -> String {
        let made = try CLIRunner.run(["init", "shop"], in: folder.path)
        #expect(made.status == 0, "\(made.stderr)")
        let path = folder.path + "/shop.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "notify:\n  - { id: hooks, kind: webhook, url: \"http://127.0.0.1:9/alerts\" }\n"
        text += "notify_policy: { group_wait: 30s, repeat_interval: 1000h, send_resolved: true, max_age: 1h }\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `2026-12-02T18:53:37Z `: digits where the pattern has 9, the rest as written.
    static func isStamped(_ line: String) -> Bool {
        let pattern = Array("9999-99-99T99:99:99Z "), head = Array(line.prefix(pattern.count))
        return head.count == pattern.count && zip(head, pattern).allSatisfy { $1 == "9" ? $0.isASCII && $0.isNumber : $0 == $1 }
    }

    @Test func itLogsTheTransitionAndTheFailureAndLeavesTheMessagePending() throws {
        let plan = try plan()
        // 30 minutes of CTR 0.5 % on douyin from 10:00 Shanghai: the demo's
        // "CTR below 1%" (for: 10m) fires once, ten minutes into the breach.
        try Data(IngestCommandTests.lines(from: 0, count: 30).utf8).write(to: URL(fileURLWithPath: folder.path + "/e.jsonl"))
        let run = try CLIRunner.run(["watch", "--plan", plan, "--db", db, "--notify-past", "e.jsonl"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderrLines
        #expect(lines.allSatisfy(Self.isStamped), "every line starts with the time: \(lines)")
        let text = lines.map { String($0.drop(while: { $0 != " " }).dropFirst()) }
        #expect(text.first == "watching e.jsonl into \(db); sending to hooks")
        let opened = text.filter { $0.hasPrefix("opened anomaly") }
        #expect(opened.count == 1)
        #expect(opened.first?.hasPrefix("opened anomaly 1: CTR below 1% [channel douyin] at 2026-04-09T10:1") == true, "\(opened)")
        #expect(opened.first?.hasSuffix("+08:00 (event time)") == true)
        #expect(text.contains { $0.hasPrefix("notify: not delivered to hooks: ") && $0.hasSuffix("(CTR below 1% firing [douyin])") })
        #expect(text.last == "stopped: 60 lines read, 1 anomaly opened, 1 message pending")
        #expect(run.stdout.hasPrefix("e.jsonl: 60 events from 60 lines\n"))
        let pending = try CLIRunner.run(["notify", "pending", "--plan", plan, "--db", db], in: folder.path)
        #expect(pending.stdout.contains("CTR below 1%"), "\(pending.stdout)")

        // Again: nothing new to read, the old transition is not printed again,
        // and the message is still there for whoever sends next.
        let again = try CLIRunner.run(["watch", "--plan", plan, "--db", db, "--notify-past", "e.jsonl"], in: folder.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stderr.contains("opened anomaly"))
        #expect(again.stderrLines.last?.hasSuffix(" stopped: 0 lines read, 0 anomalies opened, 1 message pending") == true)
    }

    @Test func aPlanWithoutChannelsIsWatchedWithoutSending() throws {
        try Data(IngestCommandTests.lines(from: 0, count: 2).utf8).write(to: URL(fileURLWithPath: folder.path + "/e.jsonl"))
        let run = try CLIRunner.run(["watch", "--plan", "demo", "--db", db, "e.jsonl"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderrLines.first?.hasSuffix(" the plan has no notify: channels; storing events and anomalies without sending") == true)
        #expect(run.stderrLines.last?.hasSuffix(" stopped: 4 lines read, 0 anomalies opened, 0 messages pending") == true)
    }

    @Test func usageMistakesAreBadInput() throws {
        let none = try CLIRunner.run(["watch", "--db", db], in: folder.path)
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("campaign-deck: no event files given: pass FILE…, or `-` for standard input (watch)"))
        let stdinFollow = try CLIRunner.run(["watch", "--db", db, "--follow", "-"], in: folder.path)
        #expect(stdinFollow.status == 2)
        #expect(stdinFollow.stderr.hasPrefix("campaign-deck: --follow needs exactly one file, not standard input (watch)"))
        let two = try CLIRunner.run(["watch", "--db", db, "--follow", "a.jsonl", "b.jsonl"], in: folder.path)
        #expect(two.status == 2)
        let badPlan = try CLIRunner.run(["watch", "--plan", "nope.yaml", "--db", db, "e.jsonl"], in: folder.path)
        #expect(badPlan.status == 2)
        #expect(badPlan.stderr.hasPrefix("campaign-deck: cannot read plan: no such file (nope.yaml)"))
    }
}
