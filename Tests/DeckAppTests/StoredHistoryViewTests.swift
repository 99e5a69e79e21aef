import CampaignCore
import CampaignStore
@testable import DeckApp
import DeckUI
import Foundation
import Testing

/// The dashboard on a stored history (`--db`, no stream): while the history
/// is folded the frames say it is being read (header "catching up", the KPI
/// pane "reading events…"), not that the stream ended with nothing in it;
/// then the folded numbers, then the end.
@Suite struct StoredHistoryViewTests {
    @Test func theSessionIsToldTheHistoryIsBeingReadUntilItIsFolded() throws {
        let folder = NSTemporaryDirectory() + "deck-app-history-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let events = folder + "/events.jsonl"
        try Data(CampaignSimulator(plan: Live.demoPlan, days: 3).text().utf8).write(to: URL(fileURLWithPath: events))
        let database = try DeckDatabase(path: folder + "/d.sqlite")
        let ingest = try StoreIngest(database: database, plan: Live.demoPlan)
        _ = try ingest.ingest(path: events)
        _ = try ingest.finish()

        // What the source asks of the session, in order: frames are coalesced on their way to the
        // terminal, so the order of the asking is what a slow fold shows for as long as it takes.
        let feed = RecordingFeed()
        try StoredHistorySource(database: database, plan: Live.demoPlan).run(into: feed)
        #expect(feed.calls == ["catching up", "publish", "restore", "caught up"])
        // What it restores (from the judging state the ingest stored) is the replay of every stored minute.
        #expect(try database.readSQL { try $0.fetchInt64("SELECT count(*) AS n FROM alert_resume") } == 1, "a state to start from")
        let restored = try #require(feed.restored)
        #expect(restored.snapshot() == (try StoredHistory.fold(database: database, plan: Live.demoPlan)).snapshot())
    }
}

/// A session that writes down what a source asked of it.
final class RecordingFeed: LiveFeed {
    var calls: [String] = []
    var restored: MonitorFold?
    let clock: any PacingClock = SystemPacingClock()
    let speed = 1.0
    let isStopping = false
    func deliver(_ records: [EventRecord], symbols: EventSymbols) { calls.append("deliver \(records.count)") }
    func restore(_ fold: MonitorFold) {
        calls.append("restore")
        restored = fold
    }
    func setCatchingUp(_ catchingUp: Bool) { calls.append(catchingUp ? "catching up" : "caught up") }
    func publishNow() { calls.append("publish") }
    func note(_ message: String) { calls.append("note " + message) }
    func wait(until deadline: Double) -> Bool { false }
    func holdWhilePaused() -> Bool { false }
}
