@testable import CampaignCore
@testable import CampaignNotify
@testable import CampaignStore
import Foundation
import HTTPTestReceiver
import StoreTestEngines
import Testing

/// Transitions become outbox rows in the transaction that logs them, and a
/// drain delivers each row once, to a real receiver on 127.0.0.1.
@Suite struct OutboxDeliveryTests {
    /// Campaign t starts 2026-03-02 (UTC); minute m is `start + m` minutes.
    static let start = Int64(Day(year: 2026, month: 3, day: 2)!.ordinal) * 86_400_000
    static func at(_ minute: Int64) -> Int64 { start + minute * 60_000 }

    static func plan(url: String, policy: String = "") -> Plan {
        let text = """
        campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000, currency: CNY }
        notify:
          - { id: hooks, kind: webhook, url: "\(url)" }
        \(policy)
        alerts:
          - { name: CTR low, metric: ctr, per: channel, below: 0.01, window: 5m, min_volume: 100, confidence: none, playbook: swap creatives }
          - { name: CPA high, metric: cpa, per: total, above: 45, window: 5m, min_volume: 100, confidence: none }

        """
        let result = PlanLoader.load(yaml: text)
        precondition(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.plan!
    }

    static func ctr(_ from: AlertState, _ to: AlertState, at minute: Int64, value: Double) -> AlertTransition {
        AlertTransition(at: at(minute), rule: "CTR low", per: .channel, scope: "douyin", from: from, to: to,
                        value: value, threshold: 0.01, severity: .warning)
    }

    static func cpa(_ from: AlertState, _ to: AlertState, at minute: Int64, value: Double) -> AlertTransition {
        AlertTransition(at: at(minute), rule: "CPA high", per: .total, scope: "total", from: from, to: to,
                        value: value, threshold: 45, severity: .warning)
    }

    let database: any StoreEngine

    init() throws {
        database = try TestEngine.current.store(in: FileManager.default.temporaryDirectory.path)
    }

    /// Fires at minute 4, recovers at 9 and fires again at 20 (the wall clock
    /// a day after, inside nothing: `includePast` as `--notify-past` does).
    func recordCTRIncident(_ plan: Plan) throws {
        let anomalies = AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, includePast: true))
        try anomalies.record([Self.ctr(.pending, .firing, at: 4, value: 0.005)], in: database)
        try anomalies.record([Self.ctr(.firing, .ok, at: 9, value: 0.013)], in: database)
        try anomalies.record([Self.ctr(.pending, .firing, at: 20, value: 0.004)], in: database)
    }

    @Test func eachTransitionIsOneRowPerChannelAndAReplayAddsNone() throws {
        let plan = Self.plan(url: "http://127.0.0.1:9/alerts")
        try recordCTRIncident(plan)
        try recordCTRIncident(plan)
        let pending = try NotifyOutbox(database: database).pending()
        #expect(pending.map(\.fingerprint) == ["t/1/firing/1", "t/1/resolved/1", "t/1/firing/2"])
        #expect(pending.map(\.channel) == ["hooks", "hooks", "hooks"])
        let first = pending[0].notice
        // 0.005 as a percentage with two decimals; a whole percentage (0.01) without them.
        #expect(first.valueText == "0.50%" && first.thresholdText == "1%")
        #expect(first.rule == "CTR low" && first.scope == "douyin" && first.playbook == "swap creatives")
        #expect(first.startedAt == Self.at(4) / 1_000 && first.endedAt == nil && first.anomalyID == 1)
        #expect(pending[1].notice.status == .resolved && pending[1].notice.endedAt == Self.at(9) / 1_000)
        #expect(pending[1].notice.valueText == "1.30%")
    }

    @Test func transitionsOlderThanMaxAgeAreLoggedNotSent() throws {
        let plan = Self.plan(url: "http://127.0.0.1:9/alerts", policy: "notify_policy: { max_age: 1h }")
        // The wall clock 61 minutes after the firing: too old; 59 minutes after the recovery: sent.
        let anomalies = AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, now: { Self.at(65) }))
        try anomalies.record([Self.ctr(.pending, .firing, at: 4, value: 0.005)], in: database)
        try anomalies.record([Self.ctr(.firing, .ok, at: 6, value: 0.013)], in: database)
        #expect(try AnomalyLog(database: database).list().count == 1)
        #expect(try NotifyOutbox(database: database).pending().map(\.fingerprint) == ["t/1/resolved/1"])
    }

    @Test func withoutSendResolvedOnlyFiringsAreQueued() throws {
        let plan = Self.plan(url: "http://127.0.0.1:9/alerts", policy: "notify_policy: { send_resolved: false }")
        try recordCTRIncident(plan)
        #expect(try NotifyOutbox(database: database).pending().map(\.fingerprint) == ["t/1/firing/1", "t/1/firing/2"])
    }

    @Test func aReceiverThatFailsForAWhileGetsEveryMessageOnceAfterItRecovers() async throws {
        // Two 500s, then success for everything after.
        let receiver = TestReceiver(answers: [(.internalServerError, ""), (.internalServerError, ""), (.ok, "{}")])
        let base = try await receiver.start()
        let plan = Self.plan(url: base + "/alerts", policy: "notify_policy: { group_wait: 30s }")
        try recordCTRIncident(plan)
        // A CPA firing 10 seconds after the CTR's first: another rule, another message.
        let anomalies = AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, includePast: true))
        try anomalies.record([Self.cpa(.pending, .firing, at: 4, value: 60)], in: database)
        let outbox = NotifyOutbox(database: database)
        let delivery = try await Self.offThePool {
            try OutboxDrain(plan: plan, outbox: outbox, environment: [:])
                .deliver(holder: "test", rounds: 5, ignoringBackoff: true, pause: { _ in })
        }
        await receiver.stop()
        #expect(delivery.delivered == 4 && delivery.remaining == 0)
        #expect(try outbox.pending().isEmpty)
        // Pass 1: the first message gets a 500 and the channel rests; pass 2 the
        // same; pass 3 delivers all four in event order (minutes 4, 4, 9, 20).
        let fingerprints = await receiver.received.map { received in
            (try? JSONSerialization.jsonObject(with: received.body) as? [String: Any])
                .flatMap { ($0["alerts"] as? [[String: Any]])?.first?["fingerprint"] as? String }
        }
        #expect(fingerprints == ["t/1/firing/1", "t/1/firing/1", "t/1/firing/1", "t/2/firing/1",
                                 "t/1/resolved/1", "t/1/firing/2"])
    }

    @Test func onlyOneSenderHoldsTheLeaseUntilItExpires() throws {
        let outbox = NotifyOutbox(database: database)
        #expect(try outbox.takeLease(holder: "watch", now: 1_000, seconds: 30))
        #expect(try !outbox.takeLease(holder: "dashboard", now: 30_999, seconds: 30), "30 s not yet over")
        #expect(try outbox.takeLease(holder: "watch", now: 20_000, seconds: 30), "the holder renews")
        #expect(try outbox.takeLease(holder: "dashboard", now: 50_000, seconds: 30), "an unrenewed lease is taken over")
        #expect(try !outbox.takeLease(holder: "watch", now: 50_001, seconds: 30))
        // A holder known to be gone (killed on this host) need not be waited out.
        #expect(try outbox.takeLease(holder: "watch", now: 50_002, seconds: 30, isGone: { $0 == "dashboard" }))
    }

    /// The drain blocks its thread on each send; the receiver runs on the
    /// cooperative pool, so the drain runs on a thread of its own.
    static func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
