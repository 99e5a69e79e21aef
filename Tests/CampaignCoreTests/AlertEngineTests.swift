@testable import CampaignCore
import Testing

/// The alert state machine on hand-built streams. The campaign zone is UTC so
/// that minute arithmetic is plain; transitions happen at the end of the
/// judged minute.
@Suite struct AlertEngineTests {
    static let start = Int64(Day(year: 2026, month: 3, day: 2)!.ordinal) * 86_400_000
    static func at(_ minute: Int64, second: Int64 = 30) -> Int64 { start + minute * 60_000 + second * 1000 }
    static func clock(_ minute: Int64) -> String {
        var clock = CampaignClock(timeZoneIdentifier: "UTC")
        return clock.rfc3339(start + minute * 60_000)
    }

    static func plan(_ alert: String) -> Plan {
        let text = """
        campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000, benchmarks: { cpa: 45 } }
        alerts:
          - \(alert)

        """
        let result = PlanLoader.load(yaml: text)
        precondition(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.plan!
    }

    /// Feeds (minute, channel, type, count) events and returns the transitions as compact strings.
    static func run(_ alert: String, _ events: [(Int64, Int32, EventType, Int64)], user: UInt64 = 0) -> [String] {
        var monitor = CampaignMonitor(plan: plan(alert))
        let names = ["douyin", "search"]
        let name: (KPIDimension, Int32) -> String = { _, id in id >= 0 ? names[Int(id)] : "total" }
        var changes: [AlertTransition] = []
        for (index, (minute, channel, type, count)) in events.enumerated() {
            changes += monitor.add(timestamp: at(minute), type: type, leaf: LeafKey(channel: channel, segment: -1, campaign: -1),
                                   user: user + UInt64(index), count: count, amount: .zero, name: name)
        }
        changes += monitor.closeCurrentMinute(name: name)
        return changes.map { change in
            let value = change.value.map { Formatting.plain($0) } ?? "-"
            return "\(clock((change.at - start) / 60_000)) \(change.scope) \(change.from.rawValue)→\(change.to.rawValue) \(value)"
        }
    }

    static let ctrRule = "{ name: CTR low, metric: ctr, per: channel, below: 0.01, window: 5m, min_volume: 100, for: 3m, recover: 0.012, confidence: none }"

    @Test func aPendingBreachThatClearsNeverFires() {
        let changes = Self.run(Self.ctrRule, [
            (0, 0, .impression, 1000), (0, 0, .click, 5),   // minute 0: 5 / 1000 = 0.005, breached
            (1, 0, .click, 10),                              // minute 1: 15 / 1000 = 0.015, clear
        ])
        #expect(changes == [
            "2026-03-02T00:01:00Z douyin ok→pending 0.005",
            "2026-03-02T00:02:00Z douyin pending→ok 0.015",
        ])
    }

    @Test func aBreachThatLastsForFires() {
        let changes = Self.run(Self.ctrRule, [
            (0, 0, .impression, 1000), (0, 0, .click, 5),
            (1, 0, .impression, 100), (2, 0, .impression, 100), (3, 0, .impression, 100),
        ])
        // Pending at 00:01; still breached at 00:02, 00:03; at 00:04 it has lasted 3 minutes.
        // The window then holds minutes 0–3: 5 clicks in 1300 impressions = 0.00384615…
        #expect(changes == [
            "2026-03-02T00:01:00Z douyin ok→pending 0.005",
            "2026-03-02T00:04:00Z douyin pending→firing \(Formatting.plain(5.0 / 1300))",
        ])
    }

    @Test func firingRecoversOnlyPastTheRecoveryLevel() {
        let rule = "{ name: CTR low, metric: ctr, per: channel, below: 0.01, window: 5m, min_volume: 100, recover: 0.012, confidence: none }"
        // Five minutes apart, so each 5-minute window holds one batch only.
        let changes = Self.run(rule, [
            (0, 0, .impression, 1000), (0, 0, .click, 5),    // 0.005: breached, fires at once (no 'for')
            (5, 0, .impression, 1000), (5, 0, .click, 11),   // 0.011: above 1 % but below recover 1.2 %: still firing
            (10, 0, .impression, 1000), (10, 0, .click, 13), // 0.013: recovered
        ])
        #expect(changes == [
            "2026-03-02T00:01:00Z douyin ok→pending 0.005",
            "2026-03-02T00:01:00Z douyin pending→firing 0.005",
            "2026-03-02T00:11:00Z douyin firing→ok 0.013",
        ])
    }

    @Test func belowMinimumVolumeIsNoDataAndNeverFires() {
        let changes = Self.run(Self.ctrRule, [(0, 0, .impression, 50), (3, 0, .impression, 40)])
        #expect(changes == ["2026-03-02T00:01:00Z douyin ok→no_data 0"])
    }

    @Test func wilsonJudgesZeroOfThreeAsUnknownAndZeroOfFourHundredAsLow() {
        let rule = "{ name: CTR low, metric: ctr, per: channel, below: 0.01, window: 5m }"
        // 0 of 3: the 95 % upper bound is 3.8415 / 6.8415 = 0.56, far above 1 %.
        // 0 of 400: the upper bound is 3.8415 / 403.8415 = 0.00951, below 1 %: it fires.
        let changes = Self.run(rule, [(0, 0, .impression, 3), (0, 1, .impression, 400)])
        #expect(changes == [
            "2026-03-02T00:01:00Z search ok→pending 0",
            "2026-03-02T00:01:00Z search pending→firing 0",
        ])
        let upper = WilsonInterval(successes: 0, trials: 400)!.upper
        #expect(abs(upper - 3.841458820694124 / 403.841458820694124) < 1e-12)
    }

    @Test func aDayWindowOnDailyActiveUsersIsJudgedWhenTheDayEnds() {
        let rule = "{ name: DAU low, metric: community_dau_ratio, per: total, below: 0.20, window: day }"
        // 10:00: 1000 members; from 10:01, 100 different users are active (0.1 so
        // far — but at 10:01 the day is young, so nothing is judged until it ends).
        let active = (0..<100).map { (601 + Int64($0), Int32(0), EventType.communityActive, Int64(1)) }
        let changes = Self.run(rule, [(600, 0, .communityMembers, 1000)] + active + [(1440 + 60, 0, .communityActive, 1)])
        // Judged once, at midnight: 100 of 1000 members active on 03-02; the Wilson
        // upper bound (≈ 0.12) is below 0.2 too.
        #expect(changes == [
            "2026-03-03T00:00:00Z total ok→pending 0.1",
            "2026-03-03T00:00:00Z total pending→firing 0.1",
        ])
    }

    @Test func aDayWithoutAnyEventIsNoDataNotZeroActiveUsers() {
        let rule = "{ name: DAU low, metric: community_dau_ratio, per: total, below: 0.20, window: day }"
        // 03-02: 300 of 1000 members active (0.3, fine). 03-03: the stream is
        // silent all day — a gap in the data, not a community nobody visited.
        // 03-04 00:00: events again (the clock jumps to 03-03 23:59, which closes 03-03).
        let active = (0..<300).map { (601 + Int64($0), Int32(0), EventType.communityActive, Int64(1)) }
        let changes = Self.run(rule, [(600, 0, .communityMembers, 1000)] + active
                               + [(2 * 1440, 0, .communityActive, 1)])
        #expect(!changes.contains { $0.contains("pending") || $0.contains("firing") }, "\(changes)")
    }

    @Test func cpaAboveAnExpressionThreshold() {
        var monitor = CampaignMonitor(plan: Self.plan("{ name: CPA high, metric: cpa, per: channel, above: 1.3 * benchmark.cpa, window: day, min_volume: 2 }"))
        let name: (KPIDimension, Int32) -> String = { _, _ in "search" }
        let leaf = LeafKey(channel: 0, segment: -1, campaign: -1)
        var changes: [AlertTransition] = []
        // 2 conversions for 120 spend: CPA 60 > 1.3 × 45 = 58.5.
        changes += monitor.add(timestamp: Self.at(0), type: .conversion, leaf: leaf, user: 0, count: 2, amount: .zero, name: name)
        changes += monitor.add(timestamp: Self.at(0), type: .spend, leaf: leaf, user: 0, count: 1, amount: Money(micros: 120_000_000), name: name)
        changes += monitor.closeCurrentMinute(name: name)
        #expect(changes.map(\.to) == [.pending, .firing])
        #expect(changes.last?.value == 60)
        #expect(changes.last?.threshold == 58.5)
    }

    @Test func replayingTheSameStreamGivesTheSameTransitions() {
        var events: [(Int64, Int32, EventType, Int64)] = []
        var seed: UInt64 = 7
        for minute in 0..<600 as Range<Int64> {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            events.append((minute, Int32(seed >> 63), .impression, 200 + Int64(seed >> 56)))
            events.append((minute, Int32(seed >> 63), .click, Int64((seed >> 40) % 6)))
        }
        let first = Self.run(Self.ctrRule, events), second = Self.run(Self.ctrRule, events)
        #expect(!first.isEmpty)
        #expect(first == second)
    }
}
