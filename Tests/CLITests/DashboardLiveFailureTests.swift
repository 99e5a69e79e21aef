import Foundation
import Testing

/// `--snapshot` says what went wrong with the stream instead of drawing empty panes.
@Suite struct DashboardLiveFailureTests {
    @Test func anUnreadableEventFileIsAnErrorNotAnEmptyFrame() throws {
        let folder = ScratchFolder()
        let missing = folder.path + "/missing.jsonl"
        let run = try CLIRunner.run(["--events", missing, "--snapshot", "100x24", "--db", folder.path + "/deck.sqlite"])
        #expect(run.status == 2)
        #expect(run.stderrLines == ["campaign-deck: cannot read \(missing): No such file or directory"])
        #expect(run.stdout.isEmpty)
    }

    @Test func rejectedLinesAreCountedInTheStatusBar() throws {
        let folder = ScratchFolder()
        let events = folder.path + "/events.jsonl"
        try """
        {"ts":"2026-03-02T10:00:00+08:00","type":"click","channel":"douyin","count":1}
        {"ts":"2026-03-02T10:00:30+08:00","type":"click","channel":"douyin","count":"many"}
        not an event
        {"ts":"2026-03-02T10:01:00+08:00","type":"impression","channel":"douyin","count":5}

        """.write(toFile: events, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["--events", events, "--snapshot", "160x30", "--db", folder.path + "/deck.sqlite"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 event lines rejected, 2 accepted (`campaign-deck kpi FILE` lists them)"))
    }
}
