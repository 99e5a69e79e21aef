import CampaignCore
@testable import DeckApp
import DeckUI
import Foundation
import Synchronization
import Testing

/// The threads a test double was called on.
final class ThreadLog: Sendable {
    let threads = Mutex<[ObjectIdentifier]>([])
}

/// A saver that remembers which thread it ran on.
struct ThreadRecordingSaver: PlanSaver {
    let log: ThreadLog

    mutating func save(text: String, overwrite: Bool) -> PlanSaveResult {
        log.threads.withLock { $0.append(ObjectIdentifier(Thread.current)) }
        return .saved(path: "plan.yaml", text: text)
    }
    mutating func saveAs(path: String, text: String) -> PlanSaveResult { .saved(path: path, text: text) }
    mutating func reload() -> PlanReloadResult { .failed("not in this test") }
}

/// Records what the log is asked to do, and fails nothing.
final class RecordingDesk: AnomalyDesk {
    let calls = Mutex<[String]>([])
    func record(_ transitions: [AlertTransition]) throws {}
    func rows() throws -> [DashboardSnapshot.AnomalyRow] { [] }
    func agendaItems() throws -> [StandupAgenda.AnomalyItem] { [] }
    func acknowledge(id: Int64) throws { calls.withLock { $0.append("acknowledge \(id)") } }
    func assign(id: Int64, owner: String) throws { calls.withLock { $0.append("assign \(id) \(owner)") } }
    func note(id: Int64, text: String) throws {}
    func resolve(id: Int64, cause: String?, action: String?) throws {}
    func reopen(id: Int64) throws { calls.withLock { $0.append("reopen \(id)") } }
}

@Suite struct LiveSessionTests {
    @Test func savesRunOnTheSessionsThreadAndAnswerWithAnAction() {
        let log = ThreadLog()
        let session = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: EndlessSource(),
                                                    saver: ThreadRecordingSaver(log: log)))
        session.start()
        defer { session.stop() }
        session.perform(.savePlan(text: "campaign: x\n", overwrite: false))
        let actions = Live.actions(from: session) { $0.contains { if case .saveFinished = $0 { true } else { false } } }
        #expect(actions.contains { $0.isSaveFinished(.saved(path: "plan.yaml", text: "campaign: x\n")) })
        // Not on the thread that asked (the terminal's): the write never holds up the screen.
        let saves = log.threads.withLock { $0 }
        #expect(saves.count == 1)
        #expect(!saves.contains(ObjectIdentifier(Thread.current)))
    }

    @Test func whatWasAskedBeforeStoppingIsStillDone() {
        let desk = RecordingDesk()
        let session = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: EndlessSource(), desk: desk))
        session.start()
        session.perform(.acknowledge(anomalyID: 3))
        session.perform(.assignOwner(anomalyID: 3, owner: "lin"))
        #expect(session.stop(waitingUpTo: 20))
        #expect(desk.calls.withLock { $0 } == ["acknowledge 3", "assign 3 lin"])
    }

    @Test func thePacedSimulatorWaitsOnTheInjectedClock() throws {
        // One campaign day at ×60 is 1,440 s on the machine's clock; on a
        // clock that moves by what is waited it takes only the time to fold
        // it, and the waits add up to the day's span from its first minute to its last.
        // (Folding the day takes about 100 s under ThreadSanitizer on two busy
        // cores: the bound leaves room for that, and none for really waiting.)
        let simulator = CampaignSimulator(plan: Live.demoPlan, days: 1)
        let clock = ManualClock()
        let speed = 60.0
        let session = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: SimulatorSource(simulator: simulator, paced: true),
                                                    speed: speed, clock: clock))
        let started = Date()
        session.start()
        defer { session.stop() }
        let actions = Live.actions(from: session, seconds: 900) { $0.contains { if case .streamEnded = $0 { true } else { false } } }
        #expect(actions.contains { if case .streamEnded = $0 { true } else { false } })
        #expect(Date().timeIntervalSince(started) < 900)
        let minutes = simulator.map(\.stamp.epochSeconds)
        let firstMinute = try #require(minutes.first), lastMinute = try #require(minutes.last)
        #expect(abs(clock.now() - Double(lastMinute - firstMinute) / speed) < 1e-6)
        let last = actions.compactMap { if case .data(let snapshot) = $0 { snapshot } else { nil } }.last
        #expect(last?.today == Day(iso: "2026-03-02"), "the demo's first day, played to its end")
    }

    @Test func aPausedStreamHoldsUntilResumed() {
        let simulator = CampaignSimulator(plan: Live.demoPlan, days: 1)
        let session = LiveSession(LiveConfiguration(plan: Live.demoPlan, source: SimulatorSource(simulator: simulator, paced: true),
                                                    speed: 7_200, clock: ManualClock()))
        session.perform(.setPaused(true))
        session.start()
        defer { session.stop() }
        let whilePaused = Live.actions(from: session, seconds: 1) { _ in false }
        #expect(!whilePaused.contains { if case .streamEnded = $0 { true } else { false } })
        session.perform(.setPaused(false))
        // Up to 900 s: folding the day alone takes about 100 s under ThreadSanitizer on two busy cores.
        let afterwards = Live.actions(from: session, seconds: 900) { $0.contains { if case .streamEnded = $0 { true } else { false } } }
        #expect(afterwards.contains { if case .streamEnded = $0 { true } else { false } })
    }
}

extension DeckAction {
    func isSaveFinished(_ expected: PlanSaveResult) -> Bool {
        if case .saveFinished(let result) = self { return result == expected }
        return false
    }
}
