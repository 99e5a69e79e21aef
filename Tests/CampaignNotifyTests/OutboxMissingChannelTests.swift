@testable import CampaignCore
@testable import CampaignNotify
@testable import CampaignStore
import Foundation
import StoreTestEngines
import Testing

/// Messages written for a channel the plan no longer has (renamed or
/// removed since) cannot be sent anywhere: they wait, without counting
/// attempts or backing off, are named, and can be discarded.
@Suite struct OutboxMissingChannelTests {
    static func plan(channel: String) -> Plan {
        let result = PlanLoader.load(yaml: """
            campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000, currency: CNY }
            notify:
              - { id: \(channel), kind: webhook, url: "http://127.0.0.1:9/alerts" }
            alerts:
              - { name: CTR low, metric: ctr, per: channel, below: 0.01, window: 5m, min_volume: 100, confidence: none }

            """)
        precondition(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.plan!
    }

    let database: any StoreEngine
    let outbox: NotifyOutbox

    /// Three messages (fired, resolved, fired again) written for channel `hooks`.
    init() throws {
        database = try TestEngine.current.store(in: FileManager.default.temporaryDirectory.path)
        outbox = NotifyOutbox(database: database)
        let plan = Self.plan(channel: "hooks")
        let anomalies = AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, includePast: true))
        try anomalies.record([OutboxDeliveryTests.ctr(.pending, .firing, at: 4, value: 0.005)], in: database)
        try anomalies.record([OutboxDeliveryTests.ctr(.firing, .ok, at: 9, value: 0.013)], in: database)
        try anomalies.record([OutboxDeliveryTests.ctr(.pending, .firing, at: 20, value: 0.004)], in: database)
    }

    @Test func aRenamedChannelsMessagesWaitWithoutTriesOrBackoff() throws {
        let before = try outbox.pending()
        var pauses = 0
        let delivery = try OutboxDrain(plan: Self.plan(channel: "hooks-renamed"), outbox: outbox, environment: [:])
            .deliver(holder: "test", rounds: 5, ignoringBackoff: true, pause: { _ in pauses += 1 })
        #expect(delivery.delivered == 0 && delivery.remaining == 3)
        // Nothing was sent, so nothing failed: no attempt counted, no later retry time, no error.
        #expect(try outbox.pending() == before)
        #expect(before.allSatisfy { $0.attempts == 0 && $0.lastError == nil })
        // Trying again a second later cannot help: the plan is read once.
        #expect(pauses == 0)
    }

    @Test func theMissingChannelsAreNamedWithTheirCounts() throws {
        let pending = try outbox.pending()
        #expect(MissingChannels(pending: pending, plan: Self.plan(channel: "hooks-renamed")).waiting
                == [.init(channel: "hooks", count: 3)])
        #expect(MissingChannels(pending: pending, plan: Self.plan(channel: "hooks")).waiting.isEmpty)
        #expect(MissingChannels.note("hooks") == "waiting for channel 'hooks', which is not in the plan")
    }
}
