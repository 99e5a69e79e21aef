import CampaignCore
@testable import DeckApp
import DeckUI
import Foundation
import Synchronization

/// A clock that moves on by exactly what is waited on it, so a paced replay
/// runs through without waiting in real time; it counts the seconds waited.
final class ManualClock: PacingClock {
    private let seconds = Mutex<Double>(0)

    func now() -> Double { seconds.withLock { $0 } }

    func blockingSeconds(toLet wait: Double) -> Double {
        seconds.withLock { $0 += max(wait, 0) }
        return 0
    }
}

/// The failure a broken database gives, as a test double throws it.
struct DiskFailure: Error, CustomStringConvertible {
    var description: String { "disk I/O error" }
}

/// An anomaly log whose every call fails, counting the calls it got.
final class FailingDesk: AnomalyDesk {
    let calls = Mutex<[String]>([])

    private func fail(_ call: String) throws -> Never {
        calls.withLock { $0.append(call) }
        throw DiskFailure()
    }

    func record(_ transitions: [AlertTransition]) throws { try fail("record") }
    func rows() throws -> [DashboardSnapshot.AnomalyRow] { try fail("rows") }
    func agendaItems() throws -> [StandupAgenda.AnomalyItem] { try fail("agendaItems") }
    func acknowledge(id: Int64) throws { try fail("acknowledge \(id)") }
    func assign(id: Int64, owner: String) throws { try fail("assign \(id)") }
    func note(id: Int64, text: String) throws { try fail("note \(id)") }
    func resolve(id: Int64, cause: String?, action: String?) throws { try fail("resolve \(id)") }
    func reopen(id: Int64) throws { try fail("reopen \(id)") }
}

/// A source that delivers nothing and ends at once.
struct EmptySource: LiveSource {
    func run(into feed: LiveFeed) throws(LiveSourceError) {}
}

/// A source that waits (handling commands) until the session stops.
struct EndlessSource: LiveSource {
    func run(into feed: LiveFeed) throws(LiveSourceError) {
        while !feed.isStopping { feed.wait(until: feed.clock.now() + 0.05) }
    }
}

enum Live {
    static let demoPlan = PlanLoader.load(yaml: DemoCampaign.planText()).plan!

    /// Takes the session's actions until `done` holds for what was taken, or
    /// `seconds` pass (then returns what arrived, for the expectation to show).
    static func actions(from session: LiveSession, seconds: Double = 20,
                        until done: ([DeckAction]) -> Bool) -> [DeckAction] {
        var taken: [DeckAction] = []
        let deadline = Date(timeIntervalSinceNow: seconds)
        while Date() < deadline {
            taken += session.takeActions()
            if done(taken) { return taken }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return taken
    }

    static func messages(_ actions: [DeckAction]) -> [String] {
        actions.compactMap { if case .message(let text) = $0 { text } else { nil } }
    }

    static func hasMessage(_ actions: [DeckAction], _ prefix: String) -> Bool {
        messages(actions).contains { $0.hasPrefix(prefix) }
    }

    static func scratchFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "deck-app-\(UUID().uuidString).jsonl"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
