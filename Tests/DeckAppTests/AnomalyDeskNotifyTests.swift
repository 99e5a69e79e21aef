@testable import CampaignCore
import CampaignStore
@testable import DeckApp
import Foundation
import Testing

/// A dashboard on real events writes each logged transition's messages with
/// it and wakes its sender once per batch that logged something; without an
/// outbox (the simulator) nothing is queued.
@Suite struct AnomalyDeskNotifyTests {
    final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var current: Int { lock.withLock { value } }
    }

    static let plan: Plan = {
        var plan = Live.demoPlan
        plan.notify = PlanLoader.load(yaml: """
            campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000, currency: CNY }
            notify:
              - { id: hooks, kind: webhook, url: "http://127.0.0.1:9/alerts" }
            """).plan!.notify
        return plan
    }()

    static func ctr(_ from: AlertState, _ to: AlertState, at: Int64) -> AlertTransition {
        AlertTransition(at: at, rule: "CTR below 1%", per: .channel, scope: "douyin", from: from, to: to,
                        value: 0.0064, threshold: 0.01, severity: .warning)
    }

    func database() throws -> DeckDatabase {
        try DeckDatabase(path: NSTemporaryDirectory() + "deck-app-notify-\(UUID().uuidString).sqlite")
    }

    @Test func loggedTransitionsAreQueuedAndWakeTheSenderOncePerBatch() throws {
        let database = try database()
        let wakes = Count()
        let desk = try DatabaseAnomalyDesk(database: database, plan: Self.plan, author: "tester",
                                           outbox: OutboxWriting(plan: Self.plan, includePast: true), afterRecord: wakes.add)
        try desk.record([Self.ctr(.pending, .firing, at: 1_776_000_000_000), Self.ctr(.firing, .ok, at: 1_776_000_600_000)])
        #expect(wakes.current == 1)
        // A replay logs nothing: no row, no wake.
        try desk.record([Self.ctr(.pending, .firing, at: 1_776_000_000_000)])
        // Pending → ok is not a transition the log keeps.
        try desk.record([Self.ctr(.ok, .pending, at: 1_776_000_900_000)])
        #expect(wakes.current == 1)
        #expect(try NotifyOutbox(database: database).pending().map(\.fingerprint) == ["t/1/firing/1", "t/1/resolved/1"]
            .map { $0.replacingOccurrences(of: "t/", with: Self.plan.campaign.id + "/") })
    }

    @Test func withoutAnOutboxNothingIsQueued() throws {
        let database = try database()
        let desk = try DatabaseAnomalyDesk(database: database, plan: Self.plan, author: "tester")
        try desk.record([Self.ctr(.pending, .firing, at: 1_776_000_000_000)])
        #expect(try AnomalyLog(database: database).list().count == 1)
        #expect(try NotifyOutbox(database: database).pendingCount() == 0)
    }

    @Test func theNotifyClockFollowsTheEventsOnlyWhenTheDeskNotifies() throws {
        let notifying = try database(), silent = try database()
        try DatabaseAnomalyDesk(database: notifying, plan: Self.plan, author: "tester",
                                outbox: OutboxWriting(plan: Self.plan)).advance(to: 1_776_000_000_000)
        try DatabaseAnomalyDesk(database: silent, plan: Self.plan, author: "tester").advance(to: 1_776_000_000_000)
        #expect(try NotifyOutbox(database: notifying).watermark() == 1_776_000_000_000)
        #expect(try NotifyOutbox(database: silent).watermark() == nil)
    }
}
