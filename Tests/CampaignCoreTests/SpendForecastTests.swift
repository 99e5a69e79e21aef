@testable import CampaignCore
import CampaignText
import Foundation
import Testing

/// `forecast_spend`, `forecast_burn` and `daily_spend` on `TargetFixtures`,
/// every figure worked by hand from its table.
@Suite struct SpendForecastTests {
    static func near(_ value: Double?, _ expected: Double) -> Bool { value.map { abs($0 - expected) < 1e-9 } ?? false }

    @Test func forecastIsSpendToDatePlusTheLastThreeDaysRateOverTheDaysLeft() throws {
        let loaded = try TargetFixtures.load()
        let total = try #require(TargetFixtures.values(loaded, .total)["total"])
        // To date 50 + 60 + 90 + 30 + 140 = 370; 03-02…03-04 spent 50 + 60 + 120 = 230,
        // 76.67 a day; as of 03-05 12:00, 6.5 days to 03-12 00:00: 370 + 230 / 3 × 6.5 = 868.33.
        #expect(Self.near(total.forecastSpend, 370 + 230.0 / 3 * 6.5))
        #expect(Self.near(total.forecastBurn, (370 + 230.0 / 3 * 6.5) / 1000))
        let channels = TargetFixtures.values(loaded, .channel)
        // douyin: 340 + 200 / 3 × 6.5 = 773.33 of its own 600.
        #expect(Self.near(channels["douyin"]?.forecastSpend, 340 + 200.0 / 3 * 6.5))
        #expect(Self.near(channels["douyin"]?.forecastBurn, (340 + 200.0 / 3 * 6.5) / 600))
        // sms spent 30 on 03-04 only: 10 a day, 30 + 65 = 95; no budget, so no burn.
        #expect(Self.near(channels["sms"]?.forecastSpend, 95))
        #expect(channels["sms"]?.forecastBurn == nil)
    }

    @Test func dailySpendIsTheDaysSpendAgainstItsShareOfTheBudget() throws {
        let loaded = try TargetFixtures.load()
        let total = try #require(TargetFixtures.values(loaded, .total)["total"])
        let douyin = try #require(TargetFixtures.values(loaded, .channel)["douyin"])
        let sms = try #require(TargetFixtures.values(loaded, .channel)["sms"])
        // 03-05: douyin 40 + 100. Its day's share is 600 / 10 = 60; twice that is 120 < 140.
        #expect(douyin.dailySpend == 140 && douyin.dailySpendReference == 60 && douyin.dailySpendIsOver)
        // The campaign: 1000 / 10 = 100 a day; 140 is under 200.
        #expect(total.dailySpend == 140 && total.dailySpendReference == 100 && !total.dailySpendIsOver)
        // sms spent nothing today and has no budget: 0, and nothing to compare with.
        #expect(sms.dailySpend == 0 && sms.dailySpendReference == nil && !sms.dailySpendIsOver)
    }

    @Test func aYoungCampaignUsesTheDaysItHasAndNoneOnItsFirstDay() throws {
        // First day: no complete day, no rate: no data (a day's spend would still be known).
        let first = try TargetFixtures.load(events: TargetFixtures.events(through: 2))
        let day1 = try #require(TargetFixtures.values(first, .total)["total"])
        #expect(day1.forecastSpend == nil && day1.forecastBurn == nil && day1.dailySpend == 50)
        // Second day, 12:00: one complete day (50); 110 + 50 × 8.5 = 535.
        let second = try TargetFixtures.load(events: TargetFixtures.events(through: 3))
        let day2 = try #require(TargetFixtures.values(second, .total)["total"])
        #expect(Self.near(day2.forecastSpend, 535))
        #expect(day2.forecast?.recentDays == 1)
    }

    @Test func afterTheCampaignEndsTheForecastIsTheSpend() throws {
        // One event on 03-12, the day after the 03-11 end: no day is left.
        let events = TargetFixtures.events() + TargetFixtures.line("2026-03-12T08:00:00Z", "spend", "douyin", amount: 5)
        let loaded = try TargetFixtures.load(events: events)
        let total = try #require(TargetFixtures.values(loaded, .total)["total"])
        #expect(total.forecast?.daysLeft == 0)
        // The last three days (03-09…03-11) spent nothing: the forecast is the 375 spent.
        #expect(total.forecastSpend == 375)
    }

    @Test func rulesJudgeTheForecastsPerChannelAndInTotal() throws {
        let loaded = try TargetFixtures.load()
        #expect(PlanLoader.load(yaml: TargetFixtures.plan).diagnostics.isEmpty)
        let rules = loaded.plan.alerts.compactMap { CompiledAlertRule($0, benchmarks: loaded.plan.campaign.benchmarks) }
        #expect(rules.count == 3)
        let channels = TargetFixtures.values(loaded, .channel)
        let total = try #require(TargetFixtures.values(loaded, .total)["total"])
        // douyin's 1.289 is above 1.05; sms has no budget: no data.
        #expect(rules[0].judge(try #require(channels["douyin"])).0 == .breached)
        #expect(rules[0].judge(try #require(channels["sms"])).0 == .noData)
        // 0.868 is not below 0.8.
        #expect(rules[1].judge(total).0 != .breached)
        // douyin spent 140 today, above 120.
        #expect(rules[2].judge(try #require(channels["douyin"])).0 == .breached)
    }

    @Test func kpiShowsTheNewKPIsInJSONAndMarksAnOverspentDay() throws {
        let loaded = try TargetFixtures.load()
        let report = KPIReport(store: loaded.store, dimension: .channel, window: .campaignToDate, context: loaded.context,
                               rejected: 0, skipped: 0, name: loaded.names.name)
        let json = report.json(clock: loaded.store.clock).serialized()
        #expect(json.contains("\"daily_spend\": 140"))
        #expect(json.contains("\"daily_spend_reference\": 60"))
        #expect(json.contains("\"daily_spend_over\": true"))
        let table = Language.$override.withValue(.english) { report.table(clock: loaded.store.clock) }
        let douyinLine = try #require(table.split(separator: "\n").first { $0.hasPrefix("douyin") })
        // Forecast burn 128.89 %, today's 140.00 marked.
        #expect(douyinLine.hasSuffix("128.89%  140.00 !"))
        #expect(table.contains("!: the day has spent more than 2× its share of the budget (budget / 10 campaign days)"))
        let chinese = Language.$override.withValue(.chinese) { report.table(clock: loaded.store.clock) }
        #expect(chinese.contains("！：当日花费已超过日均预算（预算 / 活动 10 天）的 2 倍"))
        #expect(chinese.contains("预计消耗") && chinese.contains("当日花费"))
    }
}
