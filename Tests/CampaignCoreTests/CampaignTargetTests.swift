@testable import CampaignCore
import CampaignText
import Foundation
import Testing

/// `targets:` in the plan and their progress (`TargetProgress`) on
/// `TargetFixtures`; every figure worked by hand from its table.
@Suite struct CampaignTargetTests {
    static func near(_ value: Double?, _ expected: Double) -> Bool { value.map { abs($0 - expected) < 1e-9 } ?? false }

    @Test func thePlanReadsTargetsWithDirectionsAndBenchmarks() throws {
        let plan = try #require(PlanLoader.load(yaml: TargetFixtures.plan).plan)
        #expect(plan.targets.map(\.goal.metric) == ["impressions", "ctr", "cpa", "spend"])
        #expect(plan.targets.map(\.target) == [5000, 0.03, 45, 800])
        #expect(plan.targets.map(\.isCeiling) == [false, false, true, true])
        #expect(plan.targets[0].by == Day(iso: "2026-03-09") && plan.targets[1].by == nil)
        #expect(plan.targets[2].benchmark == "cpa" && plan.targets[2].goal.minVolume == 5)
    }

    static let broken = """
    campaign: { id: b, name: B, start: 2026-03-02, budget: 10, benchmarks: { cpa: 45 } }
    targets:
      - { metric: cac, at_most: benchmark.cpa }
      - { metric: ctrr, target: 0.03 }
      - { metric: ctr, target: 0.03, at_most: 0.05 }
      - { metric: cpa, at_most: benchmark.cpc }
      - { metric: spend, target: lots }
      - { metric: spend, at_most: 10, by: 2026-02-30 }
      - { metric: spend, at_most: 10, when: 2026-03-01 }
      - { metric: spend }

    """

    @Test func everyProblemIsReportedAtItsColumn() {
        let diagnostics = Language.$override.withValue(.english) { PlanLoader.load(yaml: Self.broken).diagnostics }
        let lines = diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        // "  - { metric: " is 14 characters: a metric starts at column 15; "cac, " and
        // "at_most: " put cac's value at 29. Line 5: "ctr, target: 0.03, " puts at_most at 34.
        #expect(lines.contains("3:15 target 1 in 'targets': 'cac' is not a KPI (acquisition cost needs distinct new customers, "
                               + "which the event stream does not count); did you mean 'cpa' (spend / conversions)?"))
        #expect(lines.contains("4:15 unknown metric 'ctrr' in target 2 in 'targets' (did you mean 'ctr'?)"))
        #expect(lines.contains("5:34 target 3 in 'targets' gives both 'target' and 'at_most'; use one: 'target' or 'at_least' "
                               + "for a floor, 'at_most' for a ceiling (a cost)"))
        // "cpa, at_most: " → the value at 29.
        #expect(lines.contains("6:29 target 4 in 'targets' names benchmark 'cpc', which 'campaign.benchmarks' does not define "
                               + "(did you mean 'cpa'?)"))
        // "spend, target: " → 30.
        #expect(lines.contains("7:30 'target' of target 5 in 'targets' must be a number or 'benchmark.NAME', got 'lots'"))
        // "spend, at_most: 10, by: " → 39.
        #expect(lines.contains("8:39 'by' in target 6 in 'targets' must be a date like 2026-03-02, got '2026-02-30'"))
        #expect(lines.contains { $0.hasPrefix("9:") && $0.contains("unknown key 'when' in target 7 in 'targets'") })
        #expect(lines.contains { $0.hasPrefix("10:") && $0.hasSuffix("target 8 in 'targets' needs one of 'target', 'at_least' or 'at_most'") })
        #expect(diagnostics.count == 8)
    }

    @Test func theProblemsReadInChinese() {
        let chinese = Language.$override.withValue(.chinese) { PlanLoader.load(yaml: Self.broken).diagnostics.map(\.message) }
        #expect(chinese.count == 8)
        #expect(chinese.contains("'targets' 中的第 1 个目标：'cac' 不是可用指标（获客成本要按去重的新客户计算，事件流不统计新客户）；"
                                 + "是否想写 'cpa'（花费 / 转化数）？"))
        #expect(chinese.contains("'targets' 中的第 4 个目标引用的基准 'cpc' 未在 'campaign.benchmarks' 中定义（是否想写 'cpa'？）"))
        // Quoted keys, ids and dates are typed as they are; nothing else is English.
        for message in chinese {
            let unquoted = message.replacing(/'[^']*'/, with: "''")
            #expect(EnglishWords.find(in: unquoted).isEmpty, "\(message)")
        }
    }

    @Test func progressFollowsTheGoalRuleAndTheRunRate() throws {
        let loaded = try TargetFixtures.load()
        let progress = TargetProgress.all(plan: loaded.plan, store: loaded.store, context: loaded.context)
        // impressions 2600 of 5000: 52 %. 800 a day over 03-02…03-04; 4.5 days from
        // 03-05 12:00 to the end of 03-09: 2600 + 3600 = 6200 ≥ 5000, on track.
        #expect(progress[0].actual == 2600 && Self.near(progress[0].achievement, 0.52))
        #expect(Self.near(progress[0].forecast, 6200) && progress[0].status == .onTrack)
        // ctr 65 / 2600 = 0.025 of 0.03; no `by`: judged now, at risk.
        #expect(Self.near(progress[1].actual, 0.025) && Self.near(progress[1].achievement, 0.025 / 0.03))
        #expect(Self.near(progress[1].forecast, 0.025) && progress[1].status == .atRisk)
        // cpa 370 / 8 = 46.25 against at most 45: 45 / 46.25, forecast at its current value, at risk.
        #expect(Self.near(progress[2].actual, 46.25) && Self.near(progress[2].achievement, 45 / 46.25))
        #expect(progress[2].status == .atRisk)
        // spend 370 against at most 800 by 03-11 (the campaign's end): 800 / 370, but the
        // run rate lands at 370 + 230 / 3 × 6.5 = 868.33: at risk. The same as forecast_spend.
        #expect(Self.near(progress[3].achievement, 800.0 / 370))
        #expect(Self.near(progress[3].forecast, 370 + 230.0 / 3 * 6.5) && progress[3].status == .atRisk)
        let total = try #require(TargetFixtures.values(loaded, .total)["total"])
        #expect(progress[3].forecast == total.forecastSpend)
    }

    @Test func noDataStaysNoData() throws {
        let plan = try #require(PlanLoader.load(yaml: TargetFixtures.plan).plan)
        let empty = TargetProgress.all(plan: plan, store: KPIStore(timeZoneIdentifier: "UTC"), context: KPIContext(plan: plan))
        #expect(empty.map(\.status) == [.noData, .noData, .noData, .noData])
        // cpa's min_volume 5 needs five conversions; the first day has two.
        let young = try TargetFixtures.load(events: TargetFixtures.events(through: 2))
        let progress = TargetProgress.all(plan: young.plan, store: young.store, context: young.context)
        #expect(progress[2].actual == 25 && progress[2].achievement == nil && progress[2].status == .noData)
        // The first day has no complete day to take a rate from: a sum with `by` has no forecast.
        #expect(progress[0].forecast == nil && progress[0].status == .noData)
    }

    @Test func aByDateAlreadyPassedForecastsTheActual() throws {
        // as of 03-05 12:00, 03-03 has ended: no days left, the forecast is the 2600 shown.
        let planText = TargetFixtures.plan.replacingOccurrences(of: "target: 5000, by: 2026-03-09", with: "target: 5000, by: 2026-03-03")
        let loaded = try TargetFixtures.load(planText: planText)
        let progress = TargetProgress.all(plan: loaded.plan, store: loaded.store, context: loaded.context)
        #expect(progress[0].forecast == 2600 && progress[0].status == .atRisk)
    }

    @Test func aZeroBudgetHasNoBurnAndNoDailyReference() throws {
        let planText = TargetFixtures.plan.replacingOccurrences(of: "budget: 1000,", with: "budget: 0,")
        let loaded = try TargetFixtures.load(planText: planText)
        let total = try #require(TargetFixtures.values(loaded, .total)["total"])
        #expect(total.forecastSpend != nil && total.forecastBurn == nil)
        #expect(total.dailySpendReference == nil && !total.dailySpendIsOver)
    }

    @Test func reportKpiAndTargetsShowTheSameActual() throws {
        let loaded = try TargetFixtures.load()
        let report = ResultsReport(plan: loaded.plan, store: loaded.store, context: loaded.context, users: nil,
                                   name: loaded.names.name)
        let kpi = KPIReport(store: loaded.store, dimension: .total, window: .campaignToDate, context: loaded.context,
                            rejected: 0, skipped: 0, name: loaded.names.name)
        let row = try #require(kpi.rows.first?.values)
        #expect(report.targets.map(\.actual) == [row.value(of: .impressions), row.ctr, row.cpa, row.value(of: .spend)])
        let json = report.json(clock: loaded.store.clock).serialized()
        #expect(json.contains("{\"metric\": \"ctr\", \"direction\": \"at_least\", \"target\": 0.03, \"actual\": 0.025, "))
        #expect(json.contains("\"forecast\": 6200, \"by\": \"2026-03-09\", \"status\": \"on_track\"}"))
        let csv = report.csv()
        #expect(csv.contains("target,impressions,at_least,2600,5000,0.52\n"))
        #expect(csv.contains("target_forecast,impressions,2026-03-09,6200,5000,on_track\n"))
        let table = Language.$override.withValue(.english) { report.table(clock: loaded.store.clock) }
        #expect(table.contains("Campaign targets\n"))
        let cpaLine = try #require(table.split(separator: "\n").first { $0.hasPrefix("cpa ") })
        // 45 / 46.25 = 97.3 %; the benchmark named where the 45 came from.
        #expect(cpaLine.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                == ["cpa", "46.25", "≤", "45.00", "(benchmark.cpa)", "97.3%", "46.25", "-", "at", "risk"])
        let markdown = Language.$override.withValue(.chinese) { report.markdown(clock: loaded.store.clock) }
        #expect(markdown.contains("## 活动目标\n"))
        #expect(markdown.contains("| 曝光量 | 2600 | 5000 | 52% | 6200 | 2026-03-09 | 进度正常 |"), "\(markdown)")
    }

    @Test func theStandupListsTargetsAtRiskWithTheGoals() throws {
        let loaded = try TargetFixtures.load()
        let schedule = try Schedule(computing: PlanScheduling.input(for: loaded.plan))
        let date = try #require(Day(iso: "2026-03-05"))
        let agenda = StandupAgenda(plan: loaded.plan, schedule: schedule, date: date, yesterdayStart: 0, dayEnd: .max,
                                   anomalies: [], store: loaded.store, context: loaded.context, name: loaded.names.name)
        #expect(agenda.targetsAtRisk.map(\.target.goal.metric) == ["ctr", "cpa", "spend"])
        let english = Language.$override.withValue(.english) { agenda.markdown(campaignStart: loaded.plan.campaign.start) }
        #expect(english.contains("- campaign target ctr: 2.50% against 3%\n"))
        #expect(english.contains("- campaign target spend: 370.00 against ≤ 800.00, forecast 868.33 by 2026-03-11\n"))
        let chinese = Language.$override.withValue(.chinese) { agenda.markdown(campaignStart: loaded.plan.campaign.start) }
        #expect(chinese.contains("- 活动目标 花费：实际 370.00，目标值 ≤ 800.00，预计截止 2026-03-11 达到 868.33\n"))
    }

    @Test func planShowListsTheTargets() throws {
        let plan = try #require(PlanLoader.load(yaml: TargetFixtures.plan).plan)
        let table = Language.$override.withValue(.english) { PlanSummary.table(plan) }
        #expect(table.contains("\ntargets:\n  impressions 5000 by 2026-03-09\n  ctr 0.03\n  cpa ≤ 45 (benchmark.cpa)\n"))
        let json = PlanSummary.json(plan).serialized()
        #expect(json.contains("{\"metric\": \"cpa\", \"target\": 45, \"direction\": \"at_most\", \"benchmark\": \"cpa\", \"by\": null}"))
    }
}
