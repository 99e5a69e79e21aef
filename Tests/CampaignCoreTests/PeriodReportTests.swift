@testable import CampaignCore
import CampaignText
import Foundation
import Testing

/// The weekly report's figures against sums the test makes itself from the
/// raw events: each event is written with its Asia/Shanghai wall-clock time,
/// and the test buckets it by that text's date, never by the product's clock.
@Suite struct PeriodReportTests {
    static let plan: Plan = {
        let result = PlanLoader.load(yaml: """
        campaign: { id: t, name: 春季活动, currency: CNY, timezone: Asia/Shanghai, start: 2026-02-23, budget: 100000 }

        """)
        precondition(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result.plan!
    }()

    struct Event {
        var local: String          // "2026-03-08T23:30" in Asia/Shanghai
        var channel: Int32         // 0 douyin, 1 wechat, -1 none
        var segment: Int32         // 0 vip, -1 none
        var type: EventType
        var count: Int64
        var cents: Int64           // money for spend and conversion
    }

    static let channelNames = ["douyin", "wechat"], segmentNames = ["vip"]
    static func name(_ dimension: KPIDimension, _ id: Int32) -> String {
        dimension == .channel ? channelNames[Int(id)] : segmentNames[Int(id)]
    }

    /// Epoch ms of a Shanghai wall-clock time, by Foundation (not by `CampaignClock`).
    static func epoch(_ local: String) -> Int64 {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return Int64(formatter.date(from: local)!.timeIntervalSince1970 * 1000)
    }

    static func store(_ events: [Event]) -> KPIStore {
        var store = KPIStore(timeZoneIdentifier: "Asia/Shanghai")
        for (index, e) in events.sorted(by: { $0.local < $1.local }).enumerated() {
            store.add(timestamp: epoch(e.local), type: e.type, leaf: LeafKey(channel: e.channel, segment: e.segment, campaign: -1),
                      user: UInt64(index), count: e.count, amount: Money(nanos: Int128(e.cents) * 10_000_000))
        }
        return store
    }

    /// Three weeks (2026-W09…W11) of seeded random events at any minute, with
    /// hand-placed ones on both sides of each midnight that ends a week.
    static let stream: [Event] = {
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        var events: [Event] = []
        let types: [EventType] = [.impression, .impression, .click, .conversion, .spend, .reach, .participation]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for dayIndex in 0..<21 {
            let date = calendar.date(byAdding: .day, value: dayIndex, to: Date(timeIntervalSince1970: 1_771_804_800))! // 2026-02-23
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            let day = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            for _ in 0..<40 {
                let type = types[next(types.count)]
                let count: Int64 = type == .impression ? Int64(100 + next(900)) : type == .spend ? 1 : Int64(1 + next(30))
                events.append(Event(local: String(format: "%@T%02d:%02d", day, next(24), next(60)), channel: Int32(next(3)) - 1,
                                    segment: Int32(next(2)) - 1, type: type, count: count,
                                    cents: type == .spend || type == .conversion ? Int64(1 + next(100_000)) : 0))
            }
        }
        events += [Event(local: "2026-03-01T23:59", channel: 0, segment: 0, type: .click, count: 1_000, cents: 0),
                   Event(local: "2026-03-02T00:00", channel: 0, segment: 0, type: .click, count: 3_000, cents: 0),
                   Event(local: "2026-03-08T23:30", channel: 0, segment: -1, type: .impression, count: 7_000, cents: 0),
                   Event(local: "2026-03-09T00:10", channel: 0, segment: -1, type: .impression, count: 11_000, cents: 0)]
        return events
    }()

    /// Sums of the events whose Shanghai date is in `first…last` (ISO text compares as dates).
    static func sums(_ first: String, _ last: String, channel: Int32? = nil, segment: Int32? = nil) -> KPICounters {
        var c = KPICounters.zero
        for e in stream where String(e.local.prefix(10)) >= first && String(e.local.prefix(10)) <= last
            && (channel == nil || e.channel == channel) && (segment == nil || e.segment == segment) {
            c.add(e.type, count: e.count, amount: Money(nanos: Int128(e.cents) * 10_000_000))
        }
        return c
    }

    static func report(_ events: [Event], _ period: ReportPeriod, anomalies: [PeriodAnomaly] = []) throws -> PeriodReport {
        try PeriodReport(plan: plan, store: store(events), period: period, anomalies: anomalies, option: "--week", name: name)
    }

    static let w10 = ReportPeriod(week: ISOWeek(year: 2026, week: 10)!)

    func row(_ report: PeriodReport, _ kind: KPIDimension, _ scope: String, _ metric: Metric) throws -> PeriodReport.Row {
        try #require(report.rows.first { $0.kind == kind && $0.scope == scope && $0.metric == metric })
    }

    @Test func weekFiguresAreTheSumsOfTheEventsOfThatWeek() throws {
        let report = try Self.report(Self.stream, Self.w10)
        #expect(report.daysWithData == 7 && report.previousDaysWithData == 7)
        for (id, scope) in [(Int32(0), "douyin"), (1, "wechat"), (-1, "(none)")] {
            let now = Self.sums("2026-03-02", "2026-03-08", channel: id), before = Self.sums("2026-02-23", "2026-03-01", channel: id)
            for metric in [Metric.impressions, .clicks, .conversions, .reach, .participants] {
                let r = try row(report, .channel, scope, metric)
                #expect(r.current?.counters == now && r.previous?.counters == before, "\(scope) \(metric)")
            }
            let ctr = try row(report, .channel, scope, .ctr)
            let expected = Double(now.clicks) / Double(now.impressions), previous = Double(before.clicks) / Double(before.impressions)
            #expect(abs(ctr.value! - expected) < 1e-12 && abs(ctr.previousValue! - previous) < 1e-12)
            #expect(abs(ctr.change! - (expected - previous) / previous) < 1e-12)
            #expect(abs(ctr.pointChange! - (expected - previous)) < 1e-12)
            let spend = try row(report, .channel, scope, .spend)
            #expect(PeriodReport.exact(.spend, spend.current) == .decimal(now.spend.decimal), "money stays exact")
        }
        // The total: every event of the week; its CTR over the channels that report impressions (all three here).
        let total = Self.sums("2026-03-02", "2026-03-08")
        #expect(try row(report, .total, "total", .impressions).current?.counters == total)
        #expect(abs(try row(report, .total, "total", .roi).value! - (total.revenue.doubleValue - total.spend.doubleValue) / total.spend.doubleValue) < 1e-12)
        let vip = try row(report, .segment, "vip", .clicks)
        #expect(vip.current?.counters == Self.sums("2026-03-02", "2026-03-08", segment: 0))
        #expect(try row(report, .segment, "(none)", .clicks).current?.counters == Self.sums("2026-03-02", "2026-03-08", segment: -1))
        // Rows: 12 KPIs × (total, 3 channels, 2 segments).
        #expect(report.rows.count == 12 * 6)
        let changes = report.rows.compactMap(\.change).map(abs)
        #expect(changes == changes.sorted(by: >), "largest move first")
    }

    @Test func aWeekEndsAtSundayMidnightInTheCampaignZone() throws {
        let events = [Event(local: "2026-03-01T23:59", channel: 0, segment: -1, type: .impression, count: 5, cents: 0),
                      Event(local: "2026-03-08T23:30", channel: 0, segment: -1, type: .impression, count: 7, cents: 0),
                      Event(local: "2026-03-09T00:10", channel: 0, segment: -1, type: .impression, count: 11, cents: 0)]
        // 2026-03-08T23:30+08:00 is 15:30 UTC on Sunday; 00:10 on Monday is still Sunday (16:10) in UTC.
        let w10 = try row(try Self.report(events, Self.w10), .channel, "douyin", .impressions)
        #expect(w10.value == 7 && w10.previousValue == 5 && w10.change == 0.4)
        let w11 = try row(try Self.report(events, ReportPeriod(week: ISOWeek(year: 2026, week: 11)!)), .channel, "douyin", .impressions)
        #expect(w11.value == 11 && w11.previousValue == 7)
    }

    @Test func weekFiftyThreeRunsIntoJanuary() throws {
        try Language.$override.withValue(.english) {
            let events = [Event(local: "2026-12-27T23:50", channel: 0, segment: -1, type: .click, count: 4, cents: 0),
                          Event(local: "2026-12-28T00:05", channel: 0, segment: -1, type: .click, count: 6, cents: 0),
                          Event(local: "2027-01-03T23:59", channel: 0, segment: -1, type: .click, count: 9, cents: 0),
                          Event(local: "2027-01-04T00:00", channel: 0, segment: -1, type: .click, count: 100, cents: 0)]
            let report = try Self.report(events, ReportPeriod(week: ISOWeek(year: 2026, week: 53)!))
            let clicks = try row(report, .channel, "douyin", .clicks)
            #expect(clicks.value == 15 && clicks.previousValue == 4 && clicks.change == 2.75)
            #expect(PeriodReport.label(report.period) == "2026-W53 (2026-12-28 to 2027-01-03)")
            #expect(PeriodReport.label(report.previousPeriod) == "2026-W52 (2026-12-21 to 2026-12-27)")
        }
    }

    @Test func aPeriodWithNoPreviousDataHasNoChangeNotZero() throws {
        try Language.$override.withValue(.english) {
            let events = [Event(local: "2026-03-03T10:00", channel: 0, segment: -1, type: .impression, count: 1000, cents: 0),
                          Event(local: "2026-03-03T10:00", channel: 0, segment: -1, type: .click, count: 30, cents: 0)]
            let report = try Self.report(events, Self.w10)
            #expect(report.previousDaysWithData == 0 && report.daysWithData == 1)
            #expect(report.rows.allSatisfy { $0.previous == nil && $0.change == nil && $0.pointChange == nil })
            let ctr = try row(report, .channel, "douyin", .ctr)
            #expect(ctr.value == 0.03 && ctr.previousValue == nil)
            // Rows keep scope, then KPI order when nothing has a change.
            #expect(report.rows.prefix(2).map { "\($0.scope) \($0.metric)" } == ["total impressions", "total clicks"])
            let table = report.table(clock: CampaignClock(timeZoneIdentifier: "Asia/Shanghai"))
            let line = try #require(table.split(separator: "\n").first { $0.hasPrefix("channel douyin  ctr") })
            let cells = line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(cells == ["channel douyin", "ctr", "3%", "no data", "no data"], "30 / 1000; nothing the week before: no change, not 0 %")
            // The week before had no events at all: its sums are no data too, not 0.
            let json = report.json(clock: CampaignClock(timeZoneIdentifier: "Asia/Shanghai")).serialized()
            #expect(json.contains(#""scope_kind": "channel", "scope": "douyin", "metric": "impressions", "value": 1000, "previous": null, "change": null, "change_points": null"#), "\(json)")
        }
    }

    @Test func aPeriodWithoutEventsIsRefused() {
        Language.$override.withValue(.english) {
            let events = [Event(local: "2026-03-03T10:00", channel: 0, segment: -1, type: .impression, count: 1, cents: 0)]
            #expect(throws: ReportPeriodError("no events in 2026-W12 (2026-03-16 to 2026-03-22); the data runs from 2026-03-03 to 2026-03-03 (--week)")) {
                try Self.report(events, ReportPeriod(week: ISOWeek(year: 2026, week: 12)!))
            }
            #expect(throws: ReportPeriodError("no events: the report needs data to find its period (--week)")) {
                try Self.report([], Self.w10)
            }
        }
    }

    @Test func movesAreOrderedBySizeWithTiesInScopeThenKPIOrder() throws {
        func e(_ local: String, _ channel: Int32, _ type: EventType, _ count: Int64) -> Event {
            Event(local: local, channel: channel, segment: -1, type: type, count: count, cents: 0)
        }
        let events = [e("2026-02-24T09:00", 0, .impression, 1000), e("2026-02-24T09:00", 0, .click, 20),
                      e("2026-02-24T09:00", 1, .impression, 1000), e("2026-02-24T09:00", 1, .click, 20),
                      e("2026-03-04T09:00", 0, .impression, 1000), e("2026-03-04T09:00", 0, .click, 10),
                      e("2026-03-04T09:00", 1, .impression, 1000), e("2026-03-04T09:00", 1, .click, 30)]
        let report = try Self.report(events, Self.w10)
        // douyin 20 → 10 clicks (−50 %), wechat 20 → 30 (+50 %): equal size, channel order, then KPI order.
        #expect(report.rows.prefix(4).map { "\($0.scope) \($0.metric) \(Formatting.fixed($0.change!, decimals: 9))" } ==
                ["douyin clicks -0.500000000", "douyin ctr -0.500000000", "wechat clicks 0.500000000", "wechat ctr 0.500000000"])
        #expect(try row(report, .channel, "douyin", .ctr).pointChange == -0.01)
        // The total moved 0: 40 clicks in 2,000 impressions both weeks; conversions: 0 before, no relative change.
        #expect(try row(report, .total, "total", .ctr).change == 0)
        #expect(try row(report, .total, "total", .conversions).change == nil)
        #expect(try row(report, .total, "total", .cvr).value == 0)
    }

    static func anomaly(_ id: Int64, at: Int64, per: String?, scope: String?, metric: String?) -> PeriodAnomaly {
        PeriodAnomaly(id: id, rule: "rule \(id)", per: per, scope: scope, metric: metric, openedAt: at, recoveredAt: nil,
                      status: .acknowledged, cause: "cause \(id)", action: "action \(id)")
    }

    @Test func rowsCarryTheAnomaliesOpenedInThePeriodOnTheirScope() throws {
        try Language.$override.withValue(.english) {
            let start = Self.epoch("2026-03-02T00:00"), end = Self.epoch("2026-03-09T00:00")
            let events = [Event(local: "2026-03-03T10:00", channel: 0, segment: 0, type: .impression, count: 1000, cents: 0),
                          Event(local: "2026-02-24T10:00", channel: 0, segment: 0, type: .impression, count: 900, cents: 0)]
            let log = [Self.anomaly(1, at: start, per: "channel", scope: "douyin", metric: "ctr"),
                       Self.anomaly(2, at: start - 1, per: "channel", scope: "douyin", metric: "ctr"),
                       Self.anomaly(3, at: end - 1, per: "total", scope: "total", metric: "cvr"),
                       Self.anomaly(4, at: end, per: "channel", scope: "douyin", metric: "ctr"),
                       Self.anomaly(5, at: start + 3_600_000, per: nil, scope: nil, metric: nil),
                       Self.anomaly(6, at: start + 60_000, per: "segment", scope: "vip", metric: "spend"),
                       Self.anomaly(7, at: start + 60_000, per: "campaign", scope: "t", metric: "budget_burn")]
            let report = try Self.report(events, Self.w10, anomalies: log)
            #expect(report.anomalies.map(\.id) == [1, 6, 7, 5, 3] as [Int64?], "opened in [Monday 00:00, next Monday 00:00) Shanghai, oldest first")
            #expect(try row(report, .channel, "douyin", .ctr).anomalies.map(\.id) == [1] as [Int64?])
            #expect(try row(report, .channel, "douyin", .impressions).anomalies.isEmpty)
            #expect(try row(report, .total, "total", .cvr).anomalies.map(\.id) == [3] as [Int64?])
            #expect(try row(report, .segment, "vip", .spend).anomalies.map(\.id) == [6] as [Int64?])
            #expect(report.rows.flatMap(\.anomalies).compactMap(\.id).sorted() == [1, 3, 6], "budget burn and a hand-opened one have no row")
            let markdown = report.markdown(clock: CampaignClock(timeZoneIdentifier: "Asia/Shanghai"))
            #expect(markdown.contains("- 2026-03-02T00:01:00+08:00 rule 6 on segment vip (spend): acknowledged; cause: cause 6; action: action 6\n"), "\(markdown)")
            #expect(markdown.contains("- 2026-03-02T01:00:00+08:00 rule 5 on total (-): acknowledged; cause: cause 5; action: action 5\n"))
            let csv = report.csv(clock: CampaignClock(timeZoneIdentifier: "Asia/Shanghai"))
            #expect(csv.contains("channel,douyin,ctr,0,0,,0,rule 1 @ 2026-03-02T00:00:00+08:00 [acknowledged],cause 1,action 1"), "\(csv)")
        }
    }

    @Test func anomaliesJudgedFromTheStreamOpenOnceAndRecover() {
        func t(_ at: Int64, _ scope: String, _ from: AlertState, _ to: AlertState, rule: String = "CTR low") -> AlertTransition {
            AlertTransition(at: at, rule: rule, per: .channel, scope: scope, from: from, to: to, value: 0.01, threshold: 0.02, severity: .warning)
        }
        let plan = PlanLoader.load(yaml: """
        campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000 }
        alerts:
          - { name: CTR low, metric: ctr, per: channel, below: 0.02, window: 1h, min_volume: 100 }

        """).plan!
        let judged = PeriodAnomaly.judged([t(100, "douyin", .pending, .firing), t(200, "douyin", .firing, .ok),
                                           t(300, "douyin", .pending, .firing), t(150, "wechat", .pending, .firing),
                                           t(250, "wechat", .firing, .noData), t(260, "wechat", .ok, .pending)], plan: plan)
        #expect(judged == [
            PeriodAnomaly(id: nil, rule: "CTR low", per: "channel", scope: "douyin", metric: "ctr", openedAt: 100, recoveredAt: nil,
                          status: .open, cause: nil, action: nil),
            PeriodAnomaly(id: nil, rule: "CTR low", per: "channel", scope: "wechat", metric: "ctr", openedAt: 150, recoveredAt: 250,
                          status: .open, cause: nil, action: nil),
        ])
    }

    @Test func theReportInChinese() throws {
        let start = Self.epoch("2026-03-02T00:00")
        let log = [Self.anomaly(1, at: start, per: "channel", scope: "douyin", metric: "ctr"),
                   PeriodAnomaly(id: nil, rule: "点击率偏低", per: "total", scope: "total", metric: "ctr", openedAt: start + 1_000,
                                 recoveredAt: start + 60_000, status: .open, cause: nil, action: nil)]
        try Language.$override.withValue(.chinese) {
            let report = try Self.report(Self.stream, Self.w10, anomalies: log)
            let clock = CampaignClock(timeZoneIdentifier: "Asia/Shanghai")
            for text in [report.markdown(clock: clock), report.table(clock: clock)] {
                // Data aside: channel and segment ids, the rule's name, the no-scope key.
                var chinese = text
                for data in ["douyin", "wechat", "vip", "(none)", "rule 1", "cause 1", "action 1"] {
                    chinese = chinese.replacingOccurrences(of: data, with: "")
                }
                #expect(EnglishWords.find(in: chinese).isEmpty, "\(EnglishWords.find(in: chinese))")
            }
            let markdown = report.markdown(clock: clock)
            #expect(markdown.hasPrefix("# 推广周报：春季活动，本期 2026-W10（2026-03-02 至 2026-03-08），对比上期 2026-W09（2026-02-23 至 2026-03-01）\n\n有数据的天数：7 / 7（上一周期：7 / 7）。金额单位：CNY；按变化幅度从大到小排列。\n"), "\(markdown)")
            #expect(markdown.contains("| 范围 | 指标 | 本期 | 上期 | 变化 | 新开异常 |\n"))
            #expect(markdown.contains("\n## 本期新开的异常\n\n- 2026-03-02T00:00:00+08:00 rule 1，渠道 douyin（CTR）：已确认；原因：cause 1；处理措施：action 1\n"), "\(markdown)")
            #expect(markdown.contains("- 2026-03-02T00:00:01+08:00 点击率偏低，合计（CTR）：未处理；已于 2026-03-02T00:01:00+08:00 恢复；根据事件判定，尚无原因和处理措施\n"), "\(markdown)")
        }
    }
}
