@testable import CampaignCore
import Testing

/// A ratio's total counts only the channels that report its denominator, so
/// the total row lies between its parts. Hand-worked figures.
@Suite struct KPITotalRowTests {
    static let start = Int64(Day(year: 2026, month: 3, day: 2)!.ordinal) * 86_400_000
    static func money(_ units: Int64) -> Money { Money(nanos: Int128(units) * Money.scale) }

    /// douyin: 1,000 impressions, 20 clicks, 2 conversions, 100 spent.
    /// search: 500 impressions, 15 clicks, 0 conversions, 50 spent.
    /// sms: 30 clicks and 3 conversions, 30 spent, and no impressions at all.
    static func store() -> KPIStore {
        var store = KPIStore(timeZoneIdentifier: "UTC")
        let douyin = LeafKey(channel: 0, segment: -1, campaign: -1)
        let search = LeafKey(channel: 1, segment: -1, campaign: -1)
        let sms = LeafKey(channel: 2, segment: -1, campaign: -1)
        let events: [(LeafKey, EventType, Int64, Int64)] = [
            (douyin, .impression, 1000, 0), (douyin, .click, 20, 0), (douyin, .conversion, 2, 0), (douyin, .spend, 1, 100),
            (search, .impression, 500, 0), (search, .click, 15, 0), (search, .spend, 1, 50),
            (sms, .click, 30, 0), (sms, .conversion, 3, 0), (sms, .spend, 1, 30),
        ]
        for (minute, (leaf, type, count, amount)) in events.enumerated() {
            store.add(timestamp: start + Int64(minute) * 60_000, type: type, leaf: leaf, user: 0, count: count,
                      amount: money(amount))
        }
        return store
    }

    static let context = KPIContext(plan: PlanLoader.load(yaml: """
    campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000 }

    """).plan!)

    func values(_ dimension: KPIDimension, _ id: Int32, window: MetricWindow) -> KPIValues {
        let store = Self.store()
        return store.values(dimension, id: id, name: "x", window: window, atMinute: store.clockMinute, context: Self.context)
    }

    @Test(arguments: [MetricWindow.campaignToDate, .calendarDay, .rolling(seconds: 3_600), .rolling(seconds: 7_200)])
    func totalCTROnlyOverChannelsWithImpressions(window: MetricWindow) {
        #expect(values(.channel, 0, window: window).ctr == 0.02)        // 20 / 1,000
        #expect(values(.channel, 1, window: window).ctr == 0.03)        // 15 / 500
        #expect(values(.channel, 2, window: window).ctr == nil)         // sms: no impressions, no data
        let total = values(.total, -2, window: window)
        // (20 + 15) / (1,000 + 500) = 2.33 %, between 2 % and 3 %; the sms
        // clicks would have made it 65 / 1,500 = 4.33 %, above every channel.
        #expect(total.ctr == 35.0 / 1500.0)
        #expect(total.volume(of: .ctr) == 1500)
        #expect(total.proportion(of: .ctr)?.successes == 35)
        // Every channel reports clicks: CVR over all, (2 + 0 + 3) / (20 + 15 + 30).
        #expect(total.cvr == 5.0 / 65.0)
        // CPA carries every channel's spend, search's 50 without a conversion
        // too: (100 + 50 + 30) / (2 + 0 + 3) = 36.
        #expect(total.cpa == 36)
        // The counters themselves stay whole sums.
        #expect(total.counters.clicks == 65)
    }

    /// The dashboard's hourly CTR sparkline of the total row follows the rule too.
    @Test func totalSparklineBucketsCountOnlyChannelsWithImpressions() {
        let buckets = Self.store().valueSeries(bucketMinutes: 60, count: 2) { _ in true }
        #expect(buckets.count == 2)
        #expect(buckets[0].ctr == nil)                 // the hour before: nothing
        #expect(buckets[1].ctr == 35.0 / 1500.0)       // all ten events fall in the last hour
    }

    /// participation_rate follows the same rule: reach without participants
    /// counts, participants without reach do not.
    @Test func totalParticipationRateOnlyOverChannelsWithReach() {
        var store = KPIStore(timeZoneIdentifier: "UTC")
        let wechat = LeafKey(channel: 0, segment: -1, campaign: -1)
        let offline = LeafKey(channel: 1, segment: -1, campaign: -1)
        store.add(timestamp: Self.start, type: .reach, leaf: wechat, user: 0, count: 400, amount: .zero)
        store.add(timestamp: Self.start, type: .participation, leaf: wechat, user: 0, count: 40, amount: .zero)
        store.add(timestamp: Self.start, type: .participation, leaf: offline, user: 0, count: 60, amount: .zero)
        let total = store.values(.total, id: -2, name: "total", window: .campaignToDate, atMinute: store.clockMinute,
                                 context: Self.context)
        #expect(total.participationRate == 0.1)   // 40 / 400, not (40 + 60) / 400
        let campaign = store.values(.campaign, id: -1, name: "c", window: .campaignToDate, atMinute: store.clockMinute,
                                    context: Self.context)
        #expect(campaign.participationRate == 0.1)
    }

    @Test func theReportsOverallRowFollowsTheSameRule() {
        let store = Self.store()
        let names = ["douyin", "search", "sms"]
        let report = ResultsReport(plan: PlanLoader.load(yaml: """
        campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000 }

        """).plan!, store: store, context: Self.context, users: nil) { dimension, id in
            dimension == .channel ? names[Int(id)] : "total"
        }
        // The report's overall row shows no CTR; its CPA is (100 + 50 + 30) / 5.
        #expect(report.overall.cpa == 36)
        #expect(report.channels.map(\.cpa) == [50, nil, 10])
    }
}
