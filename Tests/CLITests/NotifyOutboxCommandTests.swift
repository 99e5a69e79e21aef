import Foundation
import Testing

/// `notify flush`, `notify pending` and `notify discard` on an outbox whose
/// receiver is down, or whose channel the plan no longer has.
struct NotifyOutboxCommandTests {
    /// A DingTalk channel `channel` at a port nobody listens on (9, discard),
    /// and a CTR rule that the events below fire at 00:01 and resolve at 00:16.
    static func plan(channel: String) -> String {
        """
        campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000, currency: CNY }
        channels:
          - { id: douyin, name: D, kind: paid, budget: 500 }
        notify:
          - { id: \(channel), kind: dingtalk, url: "http://127.0.0.1:9/robot/send?access_token=x" }
        alerts:
          - { name: CTR low, metric: ctr, per: channel, below: 0.01, window: 5m, min_volume: 100, confidence: none }

        """
    }

    /// 200 impressions a minute; 1 click a minute (0.5%) for 15 minutes, then 10 (5%).
    static let events = (0..<30).map { minute in
        let ts = String(format: "2026-03-02T00:%02d:00Z", minute)
        return #"{"ts":"\#(ts)","type":"impression","channel":"douyin","campaign":"t","count":200}"# + "\n"
            + #"{"ts":"\#(ts)","type":"click","channel":"douyin","campaign":"t","count":\#(minute < 15 ? 1 : 10)}"# + "\n"
    }.joined()

    /// Two messages pending for channel `lead` in p.deck.sqlite (the firing and the resolution).
    func outbox(in folder: ScratchFolder) throws {
        try Self.plan(channel: "lead").write(toFile: folder.path + "/p.yaml", atomically: true, encoding: .utf8)
        try Self.plan(channel: "lead-renamed").write(toFile: folder.path + "/renamed.yaml", atomically: true, encoding: .utf8)
        let ingest = try CLIRunner.run(["ingest", "--plan", "p.yaml", "--notify-past", "-"], in: folder.path, stdin: Self.events)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("2 messages pending"), "\(ingest.stderr)")
    }

    func attempts(_ plan: String, in folder: ScratchFolder) throws -> [Int] {
        let run = try CLIRunner.run(["notify", "pending", "--plan", plan, "--db", "p.deck.sqlite", "--format", "json"], in: folder.path)
        let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { $0["attempts"] as? Int }
    }

    @Test func aFlushThatLeavesMessagesExits1WithOneLineSayingSo() throws {
        let folder = ScratchFolder()
        try outbox(in: folder)
        let flush = try CLIRunner.run(["notify", "flush", "--plan", "p.yaml", "--tries", "1"], in: folder.path)
        #expect(flush.status == 1)
        #expect(flush.stderrLines.suffix(2) == [
            "campaign-deck: 2 messages not delivered (p.deck.sqlite)",
            "hint: `campaign-deck notify pending` shows each one's last error",
        ])
        #expect(!flush.stderr.contains("ExitCode"))
    }

    @Test func messagesForARenamedChannelWaitAreNamedAndCanBeDiscarded() throws {
        let folder = ScratchFolder()
        try outbox(in: folder)
        let tries = try attempts("renamed.yaml", in: folder)
        let pending = try CLIRunner.run(["notify", "pending", "--plan", "renamed.yaml", "--db", "p.deck.sqlite"], in: folder.path)
        #expect(pending.stdout.components(separatedBy: "waiting for channel 'lead', which is not in the plan").count == 3,
                "\(pending.stdout)")
        let flush = try CLIRunner.run(["notify", "flush", "--plan", "renamed.yaml", "--db", "p.deck.sqlite"], in: folder.path)
        #expect(flush.status == 1)
        #expect(flush.stderrLines.suffix(4) == [
            "campaign-deck: notify: 2 messages waiting for channel 'lead', which is not in the plan",
            "campaign-deck: notify: 2 messages pending; `campaign-deck notify flush` tries again (p.deck.sqlite)",
            "campaign-deck: 2 messages not delivered; channel 'lead' is not in the plan (p.deck.sqlite)",
            "hint: put it back in the plan's notify: list, or drop its messages with `campaign-deck notify discard --channel lead --db p.deck.sqlite`",
        ])
        // Nothing was sent, so nothing counts as a try.
        #expect(try attempts("renamed.yaml", in: folder) == tries)
        let discard = try CLIRunner.run(["notify", "discard", "--channel", "lead", "--plan", "renamed.yaml", "--db", "p.deck.sqlite"], in: folder.path)
        #expect(discard.status == 0, "\(discard.stderr)")
        #expect(discard.stdout == "discarded 2 messages for channel 'lead' (p.deck.sqlite)\n")
        #expect(try CLIRunner.run(["notify", "pending", "--plan", "renamed.yaml", "--db", "p.deck.sqlite"], in: folder.path).stdout == "nothing pending\n")
        #expect(try CLIRunner.run(["notify", "flush", "--plan", "renamed.yaml", "--db", "p.deck.sqlite"], in: folder.path).status == 0)
        let again = try CLIRunner.run(["notify", "discard", "--channel", "lead", "--plan", "renamed.yaml", "--db", "p.deck.sqlite"], in: folder.path)
        #expect(again.status == 0 && again.stdout == "nothing pending for channel 'lead' (p.deck.sqlite)\n")
    }

    @Test func discardNeedsAChannel() throws {
        let folder = ScratchFolder()
        try outbox(in: folder)
        let run = try CLIRunner.run(["notify", "discard", "--plan", "p.yaml"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--channel"), "\(run.stderr)")
    }
}
