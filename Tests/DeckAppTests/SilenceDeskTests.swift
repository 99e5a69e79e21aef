@testable import CampaignCore
import CampaignStore
@testable import DeckApp
import DeckUI
import Foundation
import Testing

/// `S` in the dashboard reaches the database through the desk, on the
/// session's thread: the silence is written from now, the status line says
/// until when, and the next snapshot carries it so the log can mark it.
@Suite struct SilenceDeskTests {
    let path = NSTemporaryDirectory() + "deck-app-silence-\(UUID().uuidString).sqlite"

    func desk() throws -> DatabaseAnomalyDesk {
        try DatabaseAnomalyDesk(database: try DeckDatabase(path: path), plan: Live.demoPlan, author: "tester")
    }

    static let request = SilenceRequest(target: SilenceTarget(rule: "CTR below 1%", scope: "douyin"), seconds: 7_200,
                                        comment: "bid change")

    @Test func theDeskWritesASilenceFromNowSignedUserAtHost() throws {
        let desk = try desk()
        let before = Int64(Date().timeIntervalSince1970 * 1_000)
        let silence = try desk.silence(Self.request)
        let after = Int64(Date().timeIntervalSince1970 * 1_000)
        #expect((before...after).contains(silence.startsAt))
        #expect(silence.endsAt == silence.startsAt + 7_200_000)
        #expect(silence.rule == "CTR below 1%" && silence.scope == "douyin" && silence.comment == "bid change")
        #expect(silence.createdBy == "tester@" + ProcessInfo.processInfo.hostName)
        #expect(try desk.activeSilences() == [silence])
        // Another process (a watcher's drain) reads the same row.
        #expect(try Silences(database: try DeckDatabase(path: path)).active(at: silence.startsAt + 1) == [silence])
    }

    @Test func anAlertsAnomalyKnowsItsRuleAndOneOpenedByHandDoesNot() throws {
        let desk = try desk()
        try desk.record([AlertTransition(at: 1_776_000_000_000, rule: "CTR below 1%", per: .channel, scope: "douyin",
                                         from: .pending, to: .firing, value: 0.005, threshold: 0.01, severity: .warning)])
        _ = try AnomalyLog(database: try DeckDatabase(path: path)).open(ManualAnomaly(title: "site outage"), author: "ana")
        let rows = try desk.rows()
        #expect(rows.map(\.rule) == [nil, "CTR below 1%"], "newest first")
    }

    @Test func theSessionWritesItAndSaysUntilWhen() throws {
        let session = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: EndlessSource(), desk: try desk()))
        session.start()
        defer { session.stop() }
        session.perform(.silence(Self.request))
        // The message is posted before the snapshot that carries the silence:
        // wait for both (a loaded machine lets a poll fall between them).
        func snapshots(_ actions: [DeckAction]) -> [DashboardSnapshot] {
            actions.compactMap { if case .data(let snapshot) = $0 { snapshot } else { nil } }
        }
        let actions = Live.actions(from: session) { taken in
            Live.hasMessage(taken, "silenced") && snapshots(taken).contains { !($0.silences ?? []).isEmpty }
        }
        let message = try #require(Live.messages(actions).first { $0.hasPrefix("silenced") })
        let silence = try #require(try Silences(database: try DeckDatabase(path: path)).list(all: true, at: 0).first)
        var clock = CampaignClock(timeZoneIdentifier: "Asia/Shanghai")
        let end = Silence.timeText(silence.endsAt, clock: &clock), start = Silence.timeText(silence.startsAt, clock: &clock)
        // Two hours on: the same day shows the time, another day its date too.
        let shown = end.prefix(10) == start.prefix(10) ? String(end.suffix(5)) : String(end.dropFirst(5))
        #expect(message == "silenced 'CTR below 1%' [douyin] until \(shown) (silence #1)")
        let snapshot = snapshots(actions).last
        #expect(snapshot?.silences == [silence], "published for the log's mark")
    }

    @Test func aDashboardWithoutADatabaseSaysSilencesNeedOne() {
        let session = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: EndlessSource(), desk: RecordingDesk()))
        session.start()
        defer { session.stop() }
        session.perform(.silence(Self.request))
        let actions = Live.actions(from: session) { Live.hasMessage($0, "silences need") }
        #expect(Live.messages(actions).contains("silences need a database: start the dashboard with --db PATH"))
    }
}
