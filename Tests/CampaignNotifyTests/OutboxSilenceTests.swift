@testable import CampaignCore
@testable import CampaignNotify
@testable import CampaignStore
import Foundation
import HTTPTestReceiver
import StoreTestEngines
import Testing

/// Silences act at sending time, on the wall clock (SPEC §12): the drain
/// marks a silenced rule's messages skipped with the silence's id and end,
/// sends the other rules' messages, and sends again once the silence has
/// ended. The receiver is a real HTTP server on 127.0.0.1; the drain's
/// wall clock is fixed at 2027-01-15 08:00 UTC (the campaign is in UTC).
@Suite struct OutboxSilenceTests {
    typealias Fixture = OutboxDeliveryTests
    static let wallNow = Date(timeIntervalSince1970: 1_800_000_000)
    static let wallMilliseconds: Int64 = 1_800_000_000_000
    static let hour: Int64 = 3_600_000

    let database: any StoreEngine
    let silences: Silences

    init() throws {
        database = try TestEngine.current.store(in: FileManager.default.temporaryDirectory.path)
        silences = Silences(database: database)
    }

    /// CTR low fires on douyin and CPA high on the total, both at minute 4.
    func recordBothFirings(_ plan: Plan) throws {
        try AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, includePast: true))
            .record([Fixture.ctr(.pending, .firing, at: 4, value: 0.005), Fixture.cpa(.pending, .firing, at: 4, value: 60)],
                    advancingTo: Fixture.at(5), in: database)
    }

    func recordCTRRecovery(_ plan: Plan) throws {
        try AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, includePast: true))
            .record([Fixture.ctr(.firing, .ok, at: 9, value: 0.013)], advancingTo: Fixture.at(10), in: database)
    }

    /// A silence made a minute before the drain's now, lasting `hours` from then.
    @discardableResult
    func silence(_ rule: String, scope: String?, hours: Int64 = 1) throws -> Silence {
        try silences.add(rule: rule, scope: scope, endsAt: Self.wallMilliseconds - 60_000 + hours * Self.hour,
                         comment: "test", createdBy: "u@h", now: Self.wallMilliseconds - 60_000)
    }

    /// One pass on a thread of its own (the receiver runs on the pool), at `at` on the wall clock.
    func pass(_ plan: Plan, at now: Date = wallNow) async throws -> OutboxDrain.Pass {
        let database = database
        return try await Fixture.offThePool {
            try OutboxDrain(plan: plan, outbox: NotifyOutbox(database: database), environment: [:], now: { now })
                .pass(ignoringBackoff: true, closingGroups: true)
        }
    }

    func states() throws -> [String: String] {
        try database.readSQL { session in
            try session.fetchAll("SELECT fingerprint, state, skipped_reason FROM notify_outbox", []).reduce(into: [:]) {
                $0[$1.string("fingerprint") ?? ""] = ($1.string("state") ?? "") + ($1.string("skipped_reason").map { ": " + $0 } ?? "")
            }
        }
    }

    static func fingerprints(_ receiver: TestReceiver) async -> [String] {
        await receiver.received.compactMap { received in
            (try? JSONSerialization.jsonObject(with: received.body) as? [String: Any])
                .flatMap { ($0["alerts"] as? [[String: Any]])?.first?["fingerprint"] as? String }
        }
    }

    @Test func aSilencedRulesMessageIsNotSentNorPendingAndAnotherRulesIs() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let plan = Fixture.plan(url: try await receiver.start() + "/alerts")
        try recordBothFirings(plan)
        try silence("CTR low", scope: "douyin")
        let result = try await pass(plan)
        let sent = await Self.fingerprints(receiver)
        await receiver.stop()
        // CTR low is anomaly 1, CPA high anomaly 2; the silence ends 08:59 + 1h.
        #expect(sent == ["t/2/firing/1"])
        #expect(try states() == ["t/1/firing/1": "skipped: silenced by #1 until 2027-01-15 08:59",
                                 "t/2/firing/1": "delivered"])
        #expect(result.delivered == 1 && result.skipped == 1)
        #expect(result.lines.contains("not sent to hooks: CTR low firing [douyin]: silenced by #1 until 2027-01-15 08:59"))
        #expect(try NotifyOutbox(database: database).pendingCount() == 0)
    }

    @Test func anExpiredSilenceLetsNewMessagesThroughAndItsFiringsResolutionIsNotSent() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let plan = Fixture.plan(url: try await receiver.start() + "/alerts")
        try recordBothFirings(plan)
        let made = try silence("CTR low", scope: nil)
        _ = try await pass(plan)
        try silences.expire(id: made.id, at: Self.wallMilliseconds + 60_000)
        // The recovery of the silenced firing: the channel never heard of the firing.
        try recordCTRRecovery(plan)
        let later = Self.wallNow.addingTimeInterval(120)
        let second = try await pass(plan, at: later)
        #expect(second.lines == ["not sent to hooks: CTR low resolved [douyin]: its firing was silenced, not sent"])
        // It fires again after the silence: that is news, sent.
        try AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, includePast: true))
            .record([Fixture.ctr(.pending, .firing, at: 20, value: 0.004)], advancingTo: Fixture.at(21), in: database)
        let third = try await pass(plan, at: later)
        let sent = await Self.fingerprints(receiver)
        await receiver.stop()
        #expect(third.delivered == 1 && third.skipped == 0)
        #expect(sent == ["t/2/firing/1", "t/1/firing/2"])
        #expect(try states()["t/1/firing/1"] == "skipped: silenced by #1 until 2027-01-15 08:59", "not sent late either")
    }

    @Test func aMessageSkippedDuringASilenceStaysSkippedAndTheNextOneIsSent() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let plan = Fixture.plan(url: try await receiver.start() + "/alerts")
        try recordBothFirings(plan)
        _ = try await pass(plan)
        // Silenced for an hour, then the recovery: skipped while silenced, kept out for good.
        try silence("CTR low", scope: "douyin")
        try recordCTRRecovery(plan)
        let silenced = try await pass(plan)
        #expect(silenced.skipped == 1 && silenced.delivered == 0)
        // A silence that has ended by the time of sending lets the next one through.
        try AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, includePast: true))
            .record([Fixture.ctr(.pending, .firing, at: 20, value: 0.004)], advancingTo: Fixture.at(21), in: database)
        let after = try await pass(plan, at: Self.wallNow.addingTimeInterval(3_600))
        let sent = await Self.fingerprints(receiver)
        await receiver.stop()
        #expect(after.delivered == 1)
        #expect(sent == ["t/1/firing/1", "t/2/firing/1", "t/1/firing/2"])
    }

    @Test func aSilenceMatchesItsScopeTheTotalOrEveryScope() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let plan = Fixture.plan(url: try await receiver.start() + "/alerts")
        try recordBothFirings(plan)
        // Another channel's silence does not cover douyin; `total` covers the total rule's message.
        try silence("CTR low", scope: "search")
        try silence("CPA high", scope: "total")
        let first = try await pass(plan)
        #expect(first.delivered == 1 && first.skipped == 1)
        #expect(try states() == ["t/1/firing/1": "delivered", "t/2/firing/1": "skipped: silenced by #2 until 2027-01-15 08:59"])
        // A silence of every scope covers a channel rule's recovery (sent firing: skipped only by the silence).
        try silence("CTR low", scope: nil, hours: 2)
        try recordCTRRecovery(plan)
        let second = try await pass(plan)
        await receiver.stop()
        #expect(second.skipped == 1)
        #expect(try states()["t/1/resolved/1"] == "skipped: silenced by #3 until 2027-01-15 09:59")
    }

    @Test func aSilenceMadeAfterTheMessageWasWrittenStillStopsIt() async throws {
        // Written during no silence; silenced before it is sent: not sent.
        let plan = Fixture.plan(url: "http://127.0.0.1:9/alerts")
        try recordBothFirings(plan)
        try silence("CTR low", scope: nil)
        try silence("CPA high", scope: nil)
        let result = try await pass(plan)
        #expect(result.skipped == 2 && result.failed == 0, "nothing was even tried on the closed port")
        #expect(try NotifyOutbox(database: database).pendingCount() == 0)
    }
}
