@testable import CampaignCore
import Testing

/// Baseline ("below usual") rules on hand-built streams: each value is
/// judged against the same window exactly 1…N days (or weeks) earlier. The
/// campaign zone is UTC so day arithmetic is plain minutes.
@Suite struct UsualRuleTests {
    static let start = Int64(Day(year: 2026, month: 3, day: 2)!.ordinal) * 86_400_000   // a Monday
    static let day: Int64 = 1_440

    static func plan(_ alerts: [String]) -> Plan {
        let text = """
        campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000 }
        alerts:
        \(alerts.map { "  - " + $0 }.joined(separator: "\n"))

        """
        let result = PlanLoader.load(yaml: text)
        precondition(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.plan!
    }

    struct Event { var minute: Int64; var channel: Int32; var impressions: Int64; var clicks: Int64 }

    static let channels = ["douyin", "search", "wechat"]

    /// Feeds the events (impressions then clicks, 30 s into their minute) and returns every transition.
    static func run(_ alerts: [String], _ events: [Event]) -> [AlertTransition] {
        var monitor = CampaignMonitor(plan: plan(alerts))
        let name: (KPIDimension, Int32) -> String = { _, id in id >= 0 ? channels[Int(id)] : "total" }
        var changes: [AlertTransition] = []
        for event in events {
            let at = start + event.minute * 60_000 + 30_000
            let leaf = LeafKey(channel: event.channel, segment: -1, campaign: -1)
            changes += monitor.add(timestamp: at, type: .impression, leaf: leaf, user: 0, count: event.impressions,
                                   amount: .zero, name: name)
            if event.clicks > 0 {
                changes += monitor.add(timestamp: at, type: .click, leaf: leaf, user: 0, count: event.clicks,
                                       amount: .zero, name: name)
            }
        }
        changes += monitor.closeCurrentMinute(name: name)
        return changes
    }

    static func line(_ change: AlertTransition) -> String {
        let minute = (change.at - start) / 60_000
        let when = "d\(minute / day) \(String(format: "%02d:%02d", (minute % day) / 60, minute % 60))"
        return "\(when) \(change.scope) \(change.from.rawValue)→\(change.to.rawValue)"
    }

    // MARK: - Worked by hand

    /// One 1,000-impression minute at 10:00 on each day; a 5-minute window
    /// holds it from 10:00 to 10:04, so each day's value is judged five times.
    static let handRule = "{ name: CTR below usual, metric: ctr, per: channel, window: 5m, usual: hour_of_day, usual_days: 7, below_usual: 3, min_change: 30% }"
    static func daily(_ clicks: [Int64]) -> [Event] {
        clicks.enumerated().map { Event(minute: Int64($0.offset) * day + 600, channel: 0, impressions: 1_000, clicks: $0.element) }
    }

    @Test func aValueFarBelowItsUsualPointsFires() {
        // Past points 0.030 0.032 0.034 0.035 0.036 0.038 0.040: median 0.035;
        // deviations 5 3 1 0 1 3 5 (thousandths), sorted 0 1 1 3 3 5 5: MAD 0.003.
        // Day 7's 0.020: z = −0.015 / (1.4826 × 0.003) = −3.372 ≤ −3, and 42.9 % below ≥ 30 %.
        let changes = Self.run([Self.handRule], Self.daily([30, 32, 34, 35, 36, 38, 40, 20]))
        #expect(changes.map(Self.line) == [
            "d0 10:01 douyin ok→no_data",        // six days with fewer than 7 past points: no data
            "d7 10:01 douyin no_data→pending",
            "d7 10:01 douyin pending→firing",
        ])
        let fired = changes[2]
        #expect(fired.value == 0.020)
        // The threshold the log carries: the usual median 30 % lower, 0.035 × 0.7.
        #expect(abs(fired.threshold! - 0.0245) < 1e-6)
        #expect(changes[0].threshold == nil)
    }

    @Test func aModestDipStaysQuietEvenWhenItsZIsLarge() {
        // Day 7's 0.027: 22.9 % below the median — z = −0.008 / 0.0044478 = −1.80, and short of 30 % anyway.
        #expect(Self.run([Self.handRule], Self.daily([30, 32, 34, 35, 36, 38, 40, 27])).map(Self.line)
            == ["d0 10:01 douyin ok→no_data", "d7 10:01 douyin no_data→ok"])
        // 0.024 is 31.4 % below, but z = −0.011 / 0.0044478 = −2.47 is short of 3: both must hold.
        #expect(Self.run([Self.handRule], Self.daily([30, 32, 34, 35, 36, 38, 40, 24])).map(Self.line)
            == ["d0 10:01 douyin ok→no_data", "d7 10:01 douyin no_data→ok"])
    }

    @Test func aCampaignTooYoungForItsBaselineHasNoData() {
        // Day 6 has six past points, one short of seven: the 60 % dip is not judged.
        let changes = Self.run([Self.handRule], Self.daily([35, 35, 35, 35, 35, 35, 14]))
        #expect(changes.map(Self.line) == ["d0 10:01 douyin ok→no_data"])
    }

    @Test func aFlatPastLeavesTheDecisionToMinChange() {
        // Seven equal points: MAD 0, so z is undefined and min_change alone decides.
        let rule = "{ name: CTR below usual, metric: ctr, per: channel, window: 5m, usual: hour_of_day, usual_days: 7, below_usual: 3, min_change: 10% }"
        // 0.030 is 14.3 % below 0.035: unusual. 0.033 is 5.7 % below: usual.
        #expect(Self.run([rule], Self.daily([35, 35, 35, 35, 35, 35, 35, 30])).map(Self.line)
            == ["d0 10:01 douyin ok→no_data", "d7 10:01 douyin no_data→pending", "d7 10:01 douyin pending→firing"])
        #expect(Self.run([rule], Self.daily([35, 35, 35, 35, 35, 35, 35, 33])).map(Self.line)
            == ["d0 10:01 douyin ok→no_data", "d7 10:01 douyin no_data→ok"])
    }

    @Test func hourOfWeekLooksBackWholeWeeks() {
        let rule = "{ name: CTR below usual, metric: ctr, per: channel, window: 5m, usual: hour_of_week, usual_weeks: 3, below_usual: 3, min_change: 30% }"
        // Every day at 10:00 the CTR is 0.035, except Mondays (days 0, 7, 14, 21) at 0.020.
        // On day 21 the usual Monday 10:00 is 0.020 (MAD 0): 0.020 is usual, though every other day is 0.035.
        var clicks = [Int64](repeating: 35, count: 22)
        for monday in stride(from: 0, to: 22, by: 7) { clicks[monday] = 20 }
        let changes = Self.run([rule], Self.daily(clicks))
        #expect(changes.map(Self.line) == ["d0 10:01 douyin ok→no_data", "d21 10:01 douyin no_data→ok"])
        // Days 1–20 have 0–2 past weeks at 10:00: fewer than 3, no data throughout.
        // The same Monday judged by the hour of the day fires: of its seven past days only
        // day 14 is a Monday, so the usual is 0.035 with MAD 0, and 0.020 is 42.9 % below.
        // (Each day's 10:05 has an empty window, so the state starts the day at no data.)
        let daily = "{ name: CTR below usual, metric: ctr, per: channel, window: 5m, usual: hour_of_day, usual_days: 7, below_usual: 3, min_change: 30% }"
        #expect(Self.run([daily], Self.daily(clicks)).map(Self.line).suffix(2)
            == ["d21 10:01 douyin no_data→pending", "d21 10:01 douyin pending→firing"])
    }

    @Test func recoveryWaitsForTheRecoverZ() {
        // Each day has the same CTR at 10:00, 10:05 and 10:10 (a 5-minute
        // window holds one of them at a time), so all three minutes share the
        // usual points of the first test: median 0.035, MAD 0.003.
        let rule = "{ name: CTR below usual, metric: ctr, per: channel, window: 5m, usual: hour_of_day, usual_days: 7, below_usual: 3, recover: 2, min_change: 30% }"
        var events: [Event] = []
        for (d, clicks) in [30, 32, 34, 35, 36, 38, 40].enumerated() {
            for offset: Int64 in [600, 605, 610] {
                events.append(Event(minute: Int64(d) * Self.day + offset, channel: 0, impressions: 1_000, clicks: Int64(clicks)))
            }
        }
        // Day 7: 0.020 fires (z −3.37). 0.024 is z −2.47 and 31.4 % below: no longer
        // past the alarm's z 3, but still past the recovery's z 2, so it stays firing.
        // 0.027 is 22.9 % below, short of min_change: recovered.
        for (offset, clicks): (Int64, Int64) in [(600, 20), (605, 24), (610, 27)] {
            events.append(Event(minute: 7 * Self.day + offset, channel: 0, impressions: 1_000, clicks: clicks))
        }
        let changes = Self.run([rule], events).map(Self.line)
        #expect(changes.suffix(3) == [
            "d7 10:01 douyin no_data→pending", "d7 10:01 douyin pending→firing", "d7 10:11 douyin firing→ok",
        ])
    }
}
