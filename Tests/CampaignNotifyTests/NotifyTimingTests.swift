@testable import CampaignCore
@testable import CampaignNotify
@testable import CampaignStore
import Foundation
import HTTPTestReceiver
import StoreTestEngines
import Testing

/// `repeat_interval`, `quiet_hours` and `group_wait` on the events' clock
/// (SPEC §12): reminders while an anomaly fires unacknowledged, messages held
/// through quiet hours, groups that close when the stream passes them. The
/// campaign is in UTC and starts 2026-03-02 00:00, so minute 120 is 02:00.
@Suite struct NotifyTimingTests {
    typealias Fixture = OutboxDeliveryTests
    let database: any StoreEngine

    init() throws {
        database = try TestEngine.current.store(in: FileManager.default.temporaryDirectory.path)
    }

    static func anomalies(_ plan: Plan) -> AlertAnomalies {
        AlertAnomalies(plan: plan, outbox: OutboxWriting(plan: plan, includePast: true))
    }

    /// One drain pass on a thread of its own (the receiver runs on the pool).
    func pass(_ plan: Plan, closingGroups: Bool = false) async throws -> OutboxDrain.Pass {
        let database = database
        return try await OutboxDeliveryTests.offThePool {
            try OutboxDrain(plan: plan, outbox: NotifyOutbox(database: database), environment: [:])
                .pass(ignoringBackoff: true, closingGroups: closingGroups)
        }
    }

    func pendingCount() throws -> Int { try NotifyOutbox(database: database).pendingCount() }

    func rows() throws -> [(fingerprint: String, minute: Int64)] {
        try database.readSQL { session in
            try session.fetchAll("SELECT fingerprint, event_at FROM notify_outbox ORDER BY event_at, id", []).map {
                ($0.string("fingerprint") ?? "", (($0.int64("event_at") ?? 0) - Fixture.start) / 60_000)
            }
        }
    }

    // MARK: repeat_interval

    @Test func remindersFallEveryIntervalWhileFiringHoweverTheStreamIsCut() throws {
        let plan = Fixture.plan(url: "http://127.0.0.1:9/alerts", policy: "notify_policy: { repeat_interval: 1h }")
        let anomalies = Self.anomalies(plan)
        // Fired at minute 10; the stream reaches minute 150, then 200.
        try anomalies.record([Fixture.ctr(.pending, .firing, at: 10, value: 0.005)], advancingTo: Fixture.at(10), in: database)
        try anomalies.record([], advancingTo: Fixture.at(150), in: database)
        try anomalies.record([], advancingTo: Fixture.at(200), in: database)
        // By hand: reminders at 10 + 60 k for k = 1, 2, 3 (70, 130, 190); 250 is past the stream.
        let expected: [(String, Int64)] = [("t/1/firing/1", 10), ("t/1/firing/1/reminder/1", 70),
                                           ("t/1/firing/1/reminder/2", 130), ("t/1/firing/1/reminder/3", 190)]
        #expect(try rows().map { "\($0.fingerprint)@\($0.minute)" } == expected.map { "\($0.0)@\($0.1)" })
        let reminder = try NotifyOutbox(database: database).pending()[2].notice
        #expect(reminder.reminder == 2 && reminder.status == .firing && reminder.valueText == "0.50%")
        #expect(reminder.startedAt == Fixture.at(10) / 1_000, "a reminder says since when it fires")

        // The same stream in one commit writes the same rows.
        let other = try TestEngine.current.store(in: FileManager.default.temporaryDirectory.path)
        try anomalies.record([Fixture.ctr(.pending, .firing, at: 10, value: 0.005)], advancingTo: Fixture.at(200), in: other)
        let once = try other.readSQL { session in
            try session.fetchAll("SELECT fingerprint FROM notify_outbox ORDER BY event_at", []).compactMap { $0.string("fingerprint") }
        }
        #expect(once == expected.map(\.0))
        // A replay cannot move the clock back: nothing new.
        try anomalies.record([], advancingTo: Fixture.at(120), in: database)
        #expect(try rows().count == 4)
    }

    @Test func noRemindersOnceAcknowledgedOrRecoveredAndAFiringAgainCountsAfresh() throws {
        let plan = Fixture.plan(url: "http://127.0.0.1:9/alerts", policy: "notify_policy: { repeat_interval: 1h }")
        let anomalies = Self.anomalies(plan)
        try anomalies.record([Fixture.ctr(.pending, .firing, at: 0, value: 0.005)], advancingTo: Fixture.at(0), in: database)
        try anomalies.record([Fixture.ctr(.firing, .ok, at: 90, value: 0.02)], advancingTo: Fixture.at(90), in: database)
        try anomalies.record([], advancingTo: Fixture.at(300), in: database)
        // Fires again at 100: reminders count from there (160, 220) under occurrence 2.
        try anomalies.record([Fixture.ctr(.pending, .firing, at: 400, value: 0.004)], advancingTo: Fixture.at(400), in: database)
        try anomalies.record([], advancingTo: Fixture.at(530), in: database)
        _ = try AnomalyLog(database: database).acknowledge(id: 1, by: "lin")
        try anomalies.record([], advancingTo: Fixture.at(1_000), in: database)
        #expect(try rows().map { "\($0.fingerprint)@\($0.minute)" } == [
            "t/1/firing/1@0", "t/1/firing/1/reminder/1@60", "t/1/resolved/1@90", "t/1/firing/2@400",
            "t/1/firing/2/reminder/1@460", "t/1/firing/2/reminder/2@520"])
    }

    @Test func aReminderDueAfterTheAnomalyWasAcknowledgedIsNotSent() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let base = try await receiver.start()
        let plan = Fixture.plan(url: base + "/alerts", policy: "notify_policy: { repeat_interval: 1h }")
        let anomalies = Self.anomalies(plan)
        try anomalies.record([Fixture.ctr(.pending, .firing, at: 0, value: 0.005)], advancingTo: Fixture.at(70), in: database)
        _ = try AnomalyLog(database: database).acknowledge(id: 1, by: "lin")
        let result = try await pass(plan)
        await receiver.stop()
        #expect(result.delivered == 1 && result.skipped == 1)
        #expect(result.lines.contains { $0.hasSuffix("anomaly #1 was acknowledged") })
        let pending = try pendingCount()
        #expect(await receiver.received.count == 1 && pending == 0)
    }

    // MARK: quiet_hours

    @Test func quietHoursEndByHand() {
        var shanghai = CampaignClock(timeZoneIdentifier: "Asia/Shanghai")
        let night = QuietHours("00:00-08:00")!
        // 2026-04-09T18:30Z is 02:30 on the 10th in Shanghai; quiet ends at 08:00 there, 00:00Z.
        let at = Int64(Day(year: 2026, month: 4, day: 9)!.ordinal) * 86_400_000 + (18 * 60 + 30) * 60_000
        #expect(night.end(holding: at, clock: &shanghai) == Int64(Day(year: 2026, month: 4, day: 10)!.ordinal) * 86_400_000)
        // 08:00 itself is outside; 00:00 is inside and waits the whole eight hours.
        let eight = Int64(Day(year: 2026, month: 4, day: 10)!.ordinal) * 86_400_000
        #expect(night.end(holding: eight, clock: &shanghai) == nil)
        #expect(night.end(holding: eight - 8 * 3_600_000, clock: &shanghai) == eight)
        // Across midnight: 23:15 waits until 07:30 the next morning.
        var utc = CampaignClock(timeZoneIdentifier: "UTC")
        let late = QuietHours("22:00-07:30")!
        #expect(late.end(holding: Fixture.at(23 * 60 + 15), clock: &utc) == Fixture.at(24 * 60 + 7 * 60 + 30))
        #expect(late.end(holding: Fixture.at(12 * 60), clock: &utc) == nil)
    }

    @Test func aFiringInQuietHoursIsHeldUntilTheStreamPassesTheirEnd() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let base = try await receiver.start()
        let plan = Fixture.plan(url: base + "/alerts",
                                policy: #"notify_policy: { quiet_hours: "00:00-08:00", repeat_interval: 1h }"#)
        let anomalies = Self.anomalies(plan)
        // Fires at 02:00, inside the quiet: held until 08:00, and reminders count from then.
        try anomalies.record([Fixture.ctr(.pending, .firing, at: 120, value: 0.005)], advancingTo: Fixture.at(479), in: database)
        let quiet = try await pass(plan)
        let held = try pendingCount()
        #expect(quiet.delivered == 0 && held == 1)
        // 08:00 passes, and group_wait (30 s) after it: sent.
        try anomalies.record([], advancingTo: Fixture.at(481), in: database)
        let morning = try await pass(plan)
        await receiver.stop()
        let pending = try pendingCount()
        #expect(morning.delivered == 1 && pending == 0)
        try anomalies.record([], advancingTo: Fixture.at(545), in: database)
        #expect(try rows().map { "\($0.fingerprint)@\($0.minute)" } == ["t/1/firing/1@120", "t/1/firing/1/reminder/1@540"])
    }

    @Test func whatFiresAndStopsInsideQuietHoursIsNotSent() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let base = try await receiver.start()
        let plan = Fixture.plan(url: base + "/alerts", policy: #"notify_policy: { quiet_hours: "00:00-08:00" }"#)
        let anomalies = Self.anomalies(plan)
        try anomalies.record([Fixture.ctr(.pending, .firing, at: 120, value: 0.005)], advancingTo: Fixture.at(120), in: database)
        try anomalies.record([Fixture.ctr(.firing, .ok, at: 200, value: 0.02)], advancingTo: Fixture.at(600), in: database)
        let result = try await pass(plan)
        await receiver.stop()
        let pending = try pendingCount()
        #expect(result.delivered == 0 && result.skipped == 2 && pending == 0)
        #expect(await receiver.received.isEmpty)
    }

    // MARK: group_wait

    @Test func aGroupWaitsForTheEventClockUnlessClosed() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let base = try await receiver.start()
        let plan = Fixture.plan(url: base + "/alerts", policy: "notify_policy: { group_wait: 30s }")
        let anomalies = Self.anomalies(plan)
        let search = AlertTransition(at: Fixture.at(4) + 20_000, rule: "CTR low", per: .channel, scope: "search",
                                     from: .pending, to: .firing, value: 0.006, threshold: 0.01, severity: .warning)
        try anomalies.record([Fixture.ctr(.pending, .firing, at: 4, value: 0.005), search],
                             advancingTo: Fixture.at(4) + 29_000, in: database)
        let open = try await pass(plan)
        #expect(open.delivered == 0, "29 s after the first: the group is open")
        try anomalies.record([], advancingTo: Fixture.at(4) + 30_000, in: database)
        let closed = try await pass(plan)
        await receiver.stop()
        let pending = try pendingCount()
        #expect(closed.delivered == 1 && pending == 0)
        let body = try #require(await receiver.received.first?.body)
        let alerts = try #require((try JSONSerialization.jsonObject(with: body) as? [String: Any])?["alerts"] as? [[String: Any]])
        #expect(alerts.compactMap { $0["scope"] as? String } == ["douyin", "search"])
    }

    @Test func closingGroupsSendsAnOpenGroupNow() async throws {
        let receiver = TestReceiver(answers: [(.ok, "{}")])
        let base = try await receiver.start()
        let plan = Fixture.plan(url: base + "/alerts", policy: "notify_policy: { group_wait: 5m }")
        try Self.anomalies(plan).record([Fixture.ctr(.pending, .firing, at: 4, value: 0.005)],
                                        advancingTo: Fixture.at(5), in: database)
        let result = try await pass(plan, closingGroups: true)
        await receiver.stop()
        let pending = try pendingCount()
        #expect(result.delivered == 1 && pending == 0)
    }
}
