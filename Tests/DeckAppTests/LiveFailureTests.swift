import CampaignCore
import CampaignStore
@testable import DeckApp
import DeckUI
import Foundation
import Testing

/// Every way the live side can fail reaches the user: as the run's failure
/// (`--snapshot` exits with it) and as a status-bar message.
@Suite struct LiveFailureTests {
    @Test func anUnreadableEventFileEndsTheStreamWithItsReason() {
        let path = "/nonexistent-\(UUID().uuidString)/events.jsonl"
        let run = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: EventFileSource(paths: [path], follow: false)))
            .runToEnd()
        let expected = "cannot read \(path): No such file or directory"
        #expect(run.failure == LiveSourceError(expected, isBadInput: true))
        #expect(Live.messages(run.actions).contains(expected))
        // The stream still ends, so the dashboard says so instead of waiting.
        #expect(run.actions.contains { if case .streamEnded = $0 { true } else { false } })
    }

    @Test func rejectedLinesAreCountedForTheStatusBar() throws {
        // Two valid events and one line that is not JSON.
        let path = try Live.scratchFile("""
        {"ts":"2026-03-02T10:00:00+08:00","type":"click","channel":"douyin","count":1}
        not an event
        {"ts":"2026-03-02T10:01:00+08:00","type":"impression","channel":"douyin","count":5}

        """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: EventFileSource(paths: [path], follow: false)))
            .runToEnd()
        #expect(run.failure == nil)
        #expect(Live.messages(run.actions) == ["1 event line rejected, 2 accepted (`campaign-deck kpi FILE` lists them)"])
    }

    @Test func aFollowFailureReachesTheStatusBar() throws {
        // A folder opens for reading but cannot be read: the follower's first poll fails.
        let folder = NSTemporaryDirectory() + "deck-app-follow-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: EventFileSource(paths: [folder], follow: true)))
        session.start()
        defer { session.stop() }
        let actions = Live.actions(from: session) { Live.hasMessage($0, "stopped following: ") }
        let message = Live.messages(actions).first { $0.hasPrefix("stopped following: ") }
        #expect(message == "stopped following: cannot read \(folder): Is a directory")
    }

    @Test func aStoredHistoryThatCannotBeReadIsSaid() throws {
        let path = NSTemporaryDirectory() + "deck-app-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try DeckDatabase(path: path)
        // Closed under the session's feet: every read of it fails.
        try database.close()
        let run = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: StoredHistorySource(database: database, plan: Live.demoPlan)))
            .runToEnd()
        let failure = try #require(run.failure)
        #expect(failure.message.hasPrefix("cannot read the stored history: "))
        #expect(failure.message.hasSuffix("(\(path))"))
        #expect(Live.messages(run.actions).contains(failure.message))
    }

    @Test func everyAnomalyLogFailureIsSaid() {
        // The fatigue day of the demo: the CTR rule fires on douyin, so there are transitions to record.
        let simulator = CampaignSimulator(plan: Live.demoPlan, from: Day(iso: "2026-04-09")!, days: 1)
        let desk = FailingDesk()
        let run = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: SimulatorSource(simulator: simulator, paced: false),
                                                desk: desk)).runToEnd()
        let messages = Live.messages(run.actions)
        #expect(messages.contains("reading the anomaly log failed: disk I/O error"))
        #expect(messages.contains("recording alerts failed: disk I/O error"))
        #expect(desk.calls.withLock { $0.contains("record") })
    }

    @Test func aFailedKeyboardEditOfTheLogIsSaid() {
        let desk = FailingDesk()
        let session = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: EndlessSource(), desk: desk))
        session.start()
        defer { session.stop() }
        session.perform(.acknowledge(anomalyID: 7))
        session.perform(.resolve(anomalyID: 8, cause: nil, action: nil))
        let actions = Live.actions(from: session) { Live.hasMessage($0, "resolving anomaly 8") }
        #expect(Live.messages(actions).contains("acknowledging anomaly 7 failed: disk I/O error"))
        #expect(Live.messages(actions).contains("resolving anomaly 8 failed: disk I/O error"))
    }

    @Test func aSourceFailureIsSaidInTheLiveDashboard() throws {
        let path = "/nonexistent-\(UUID().uuidString)/events.jsonl"
        let session = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: EventFileSource(paths: [path], follow: false)))
        session.start()
        defer { session.stop() }
        let actions = Live.actions(from: session) { $0.contains { if case .streamEnded = $0 { true } else { false } } }
        #expect(Live.messages(actions).contains("cannot read \(path): No such file or directory"))
    }
}
