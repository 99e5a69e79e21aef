@testable import CampaignCore
import Testing

/// Hand-worked KPI numbers. Times are UTC epoch milliseconds built from
/// readable parts; the campaign zone is Asia/Shanghai (UTC+8, no DST).
@Suite struct KPIStoreTests {
    static let march2 = Int64(Day(year: 2026, month: 3, day: 2)!.ordinal) * 86_400_000 // 2026-03-02T00:00Z
    static func at(_ hour: Int64, _ minute: Int64, day: Int64 = 0) -> Int64 {
        march2 + day * 86_400_000 + hour * 3_600_000 + minute * 60_000
    }
    static let douyin = LeafKey(channel: 0, segment: 0, campaign: 0)
    static let wechat = LeafKey(channel: 1, segment: 1, campaign: 0)
    static func money(_ units: Int64) -> Money { Money(nanos: Int128(units) * Money.scale) }

    func store() -> KPIStore { KPIStore(timeZoneIdentifier: "Asia/Shanghai") }

    @Test func ratiosFromSumsAndNoDataForZeroDenominators() {
        var counters = KPICounters()
        counters.add(.impression, count: 1000, amount: .zero)
        counters.add(.click, count: 15, amount: .zero)
        counters.add(.conversion, count: 3, amount: Self.money(540))
        counters.add(.spend, count: 1, amount: Self.money(135))
        let values = KPIValues(counters: counters)
        #expect(values.ctr == 0.015)          // 15 / 1000
        #expect(values.cvr == 0.2)            // 3 / 15
        #expect(values.cpa == 45)             // 135 / 3
        #expect(values.roi == 3)              // (540 − 135) / 135
        #expect(values.participationRate == nil, "no reach: no data, not 0")
        #expect(values.communityDAURatio == nil)
        let empty = KPIValues(counters: .zero)
        for metric in ["ctr", "cvr", "cpa", "roi", "participation_rate", "community_dau_ratio", "budget_burn", "pacing"] {
            #expect(empty.value(of: metric) == nil, "\(metric) of nothing is no data")
        }
    }

    @Test func budgetBurnAndPacing() {
        var counters = KPICounters()
        counters.add(.spend, count: 1, amount: Self.money(300_000))
        // 300 000 of 1 200 000 spent = 25 % burn; half the time gone → pacing 0.5.
        let values = KPIValues(counters: counters, budget: Self.money(1_200_000), spendToDate: Self.money(300_000), elapsedShare: 0.5)
        #expect(values.budgetBurn == 0.25)
        #expect(values.pacing == 0.5)
    }

    @Test func rollingWindowsByEventTimeWithLateEvents() {
        var store = store()
        store.add(timestamp: Self.at(10, 0), type: .impression, leaf: Self.douyin, user: 0, count: 100, amount: .zero)
        store.add(timestamp: Self.at(10, 30), type: .impression, leaf: Self.douyin, user: 0, count: 20, amount: .zero)
        store.add(timestamp: Self.at(11, 10), type: .impression, leaf: Self.douyin, user: 0, count: 3, amount: .zero)
        // Late arrivals: 10:50 is inside the last hour, 09:00 only inside 6 h.
        store.add(timestamp: Self.at(10, 50), type: .impression, leaf: Self.douyin, user: 0, count: 4000, amount: .zero)
        store.add(timestamp: Self.at(9, 0), type: .impression, leaf: Self.douyin, user: 0, count: 50_000, amount: .zero)
        func impressions(_ window: MetricWindow) -> Int64 {
            store.counters(window: window, day: nil) { _ in true }.impressions
        }
        #expect(impressions(.rolling(seconds: 300)) == 3)                  // (11:05, 11:10]
        #expect(impressions(.rolling(seconds: 900)) == 3)                  // (10:55, 11:10]
        #expect(impressions(.rolling(seconds: 3_600)) == 20 + 3 + 4000)    // (10:10, 11:10]
        #expect(impressions(.rolling(seconds: 21_600)) == 100 + 20 + 3 + 4000 + 50_000)
        #expect(impressions(.campaignToDate) == 54_123)
        // An hour later with nothing new, the 1 h window has moved on: (11:10, 12:10].
        store.add(timestamp: Self.at(12, 10), type: .click, leaf: Self.douyin, user: 0, count: 1, amount: .zero)
        #expect(impressions(.rolling(seconds: 3_600)) == 0)
        #expect(store.counters(window: .rolling(seconds: 3_600), day: nil) { _ in true }.clicks == 1)
        #expect(impressions(.rolling(seconds: 21_600)) == 54_123)           // (06:10, 12:10] still holds 09:00
    }

    @Test func calendarDaysFollowTheCampaignTimeZone() {
        var store = store()
        // 15:30Z = 23:30 in Shanghai on 03-02; 16:30Z = 00:30 on 03-03. Same UTC day, two campaign days.
        store.add(timestamp: Self.at(15, 30), type: .click, leaf: Self.douyin, user: 0, count: 7, amount: .zero)
        store.add(timestamp: Self.at(16, 30), type: .click, leaf: Self.douyin, user: 0, count: 5, amount: .zero)
        #expect(store.counters(window: .calendarDay, day: Day(year: 2026, month: 3, day: 2)) { _ in true }.clicks == 7)
        #expect(store.counters(window: .calendarDay, day: Day(year: 2026, month: 3, day: 3)) { _ in true }.clicks == 5)
        var clock = store.clock
        #expect(clock.rfc3339(Self.at(16, 30)) == "2026-03-03T00:30:00+08:00")
    }

    @Test func eventsOlderThanADayStillCountInTheirDayAndToDate() {
        var store = store()
        store.add(timestamp: Self.at(12, 0, day: 3), type: .spend, leaf: Self.douyin, user: 0, count: 1, amount: Self.money(10))
        store.add(timestamp: Self.at(12, 0, day: 0), type: .spend, leaf: Self.douyin, user: 0, count: 1, amount: Self.money(7))
        #expect(store.counters(window: .campaignToDate, day: nil) { _ in true }.spend == Self.money(17))
        #expect(store.counters(window: .calendarDay, day: Day(year: 2026, month: 3, day: 2)) { _ in true }.spend == Self.money(7))
        #expect(store.counters(window: .rolling(seconds: 86_400), day: nil) { _ in true }.spend == Self.money(10))
    }

    @Test func scopesSplitByChannel() {
        var store = store()
        store.add(timestamp: Self.at(1, 0), type: .impression, leaf: Self.douyin, user: 0, count: 10, amount: .zero)
        store.add(timestamp: Self.at(1, 0), type: .impression, leaf: Self.wechat, user: 0, count: 5, amount: .zero)
        #expect(store.scopeIDs(.channel) == [0, 1])
        #expect(store.counters(window: .campaignToDate, day: nil) { $0.channel == 1 }.impressions == 5)
        #expect(store.counters(window: .campaignToDate, day: nil) { _ in true }.impressions == 15)
    }

    @Test func communityDailyActiveRatio() {
        var store = store()
        let context = KPIContext(plan: PlanLoader.load(yaml: DemoCampaign.planText()).plan!)
        store.add(timestamp: Self.at(2, 0), type: .communityMembers, leaf: Self.wechat, user: 0, count: 10, amount: .zero)
        for (minute, user) in [(1, 11), (2, 12), (3, 11), (4, 13)] as [(Int64, UInt64)] {
            store.add(timestamp: Self.at(3, minute), type: .communityActive, leaf: Self.wechat, user: user, count: 1, amount: .zero)
        }
        // The next campaign day (16:00Z is midnight in Shanghai) has one active user.
        store.add(timestamp: Self.at(17, 0), type: .communityActive, leaf: Self.wechat, user: 11, count: 1, amount: .zero)
        let firstDay = store.values(.total, id: -2, name: "total", window: .calendarDay,
                                    atMinute: CampaignClock.minute(of: Self.at(3, 4)), context: context)
        #expect(firstDay.activeUsers == 3)         // users 11, 12, 13; 11 twice
        #expect(firstDay.members == 10)
        #expect(firstDay.communityDAURatio == 0.3)
        let secondDay = store.values(.total, id: -2, name: "total", window: .calendarDay,
                                     atMinute: CampaignClock.minute(of: Self.at(17, 0)), context: context)
        #expect(secondDay.communityDAURatio == 0.1)
    }

    @Test func moneySumsExactly() {
        var store = store()
        // 0.1 ten thousand times: a Double sum drifts (999.9999999999062), micros do not.
        for index in 0..<10_000 {
            store.add(timestamp: Self.at(0, Int64(index % 600)), type: .spend, leaf: Self.douyin, user: 0, count: 1,
                      amount: Money(micros: 100_000))
        }
        #expect(store.counters(window: .campaignToDate, day: nil) { _ in true }.spend == Self.money(1000))
    }

    @Test func aFarFutureTimestampDoesNotHang() {
        var store = store()
        store.add(timestamp: Self.at(1, 0), type: .click, leaf: Self.douyin, user: 0, count: 1, amount: .zero)
        store.add(timestamp: Self.at(1, 0, day: 365 * 70), type: .click, leaf: Self.douyin, user: 0, count: 2, amount: .zero)
        #expect(store.counters(window: .rolling(seconds: 86_400), day: nil) { _ in true }.clicks == 2)
        #expect(store.counters(window: .campaignToDate, day: nil) { _ in true }.clicks == 3)
    }

    @Test func distinctCounterIsExactWhenSmallAndCloseWhenHuge() {
        var small = DistinctCounter()
        for user in [5, 9, 5, 7, 9] as [UInt64] { small.insert(user) }
        #expect(small.count == 3)
        var huge = DistinctCounter()
        for user in 0..<200_000 as Range<UInt64> { huge.insert(user &* 0x9E37_79B9_7F4A_7C15) }
        #expect(!huge.isExact)
        #expect(abs(huge.count - 200_000) < 200_000 * 3 / 100, "HyperLogLog within 3 %: \(huge.count)")
    }
}
