@testable import CampaignCore
import Foundation
import Testing

/// `ResultsReport` and `GoalProgress` on `ReportFixtures`, numbers by hand.
@Suite struct ReportResultsTests {
    static func near(_ value: Double?, _ expected: Double) -> Bool { value.map { abs($0 - expected) < 1e-12 } ?? false }

    func report() -> ResultsReport {
        let (store, users, names) = ReportFixtures.load()
        let plan = ReportFixtures.plan
        return ResultsReport(plan: plan, store: store, context: KPIContext(plan: plan), users: users, name: names.name)
    }

    @Test func liftGoalIsAchievedRiseOverTargetRise() throws {
        let plan = ReportFixtures.plan
        var goal = try #require(plan.segments.first?.goals[1])
        goal.baseline = 0.40
        goal.lift = 0.15
        // 0.40 → 0.448 is a 12 % rise; against a 15 % goal that is 80 %.
        #expect(Self.near(GoalProgress(segmentID: "vip", goal: goal, actual: 0.448).achievement, 0.8))
        #expect(GoalProgress(segmentID: "vip", goal: goal, actual: nil).achievement == nil)
    }

    @Test func goalsTargetVsActual() {
        let goals = report().goals
        #expect(goals.map(\.goal.metric) == ["cvr", "ctr", "repurchase_rate"])
        // vip: 50 clicks, 3 conversions → cvr 0.06, 0.06 / 0.2 = 30 %.
        #expect(Self.near(goals[0].actual, 0.06))
        #expect(Self.near(goals[0].achievement, 0.3))
        // ctr 50 / 2000 = 0.025: a 25 % rise on 0.02 against a 50 % lift = 50 %; target 0.03.
        #expect(Self.near(goals[1].actual, 0.025))
        #expect(Self.near(goals[1].achievement, 0.5))
        #expect(Self.near(goals[1].goal.effectiveTarget, 0.03))
        // The stream does not measure repurchase_rate.
        #expect(goals[2].actual == nil && goals[2].achievement == nil)
    }

    @Test func roiCpaAndCacOverallAndPerChannel() throws {
        let report = report()
        #expect(report.channels.map(\.key) == ["douyin", "events", "search", "tiktok"])
        let douyin = report.channels[0], events = report.channels[1], search = report.channels[2]
        // douyin: spend 100.10 + 50.05 = 150.15, revenue 300 + 100.25 = 400.25, 3 conversions, 1 user.
        #expect(douyin.spend == ReportFixtures.money("150.15"))
        #expect(douyin.revenue == ReportFixtures.money("400.25"))
        #expect(Self.near(douyin.roi, 250.10 / 150.15))
        #expect(Self.near(douyin.cpa, 50.05))
        #expect(Self.near(report.cpaVsBenchmark(douyin), 50.05 / 40))
        #expect(douyin.convertingUsers == 1)
        #expect(Self.near(douyin.cac, 150.15))
        #expect(Self.near(search.roi, 1))                     // (60 − 30) / 30
        #expect(Self.near(report.cpaVsBenchmark(search), 0.75)) // 30 / 40
        #expect(events.roi == -1)
        #expect(events.cpa == nil && events.cac == nil, "no conversions: no data")
        // total: spend 390.15, revenue 460.25, 4 conversions, users u1 and u2.
        let total = report.overall
        #expect(total.spend == ReportFixtures.money("390.15"))
        #expect(Self.near(total.roi, 70.10 / 390.15))
        #expect(Self.near(total.cpa, 97.5375))
        #expect(total.convertingUsers == 2)
        #expect(Self.near(total.cac, 195.075))
    }

    @Test func roiPerSegmentWithTheUnsegmentedMoneyApart() {
        let segments = report().segments
        #expect(segments.map(\.key) == ["vip", "(none)"])
        // vip: revenue 300 + 100.25 and 3 conversions by u1, but no spend line names a
        // segment: zero spend makes ROI no data, never 0 or NaN. CPA and CAC divide by
        // conversions and users, so they are a true 0 / 3 and 0 / 1.
        let vip = segments[0]
        #expect(vip.spend == .zero && vip.revenue == ReportFixtures.money("400.25") && vip.conversions == 3)
        #expect(vip.roi == nil && vip.cpa == 0 && vip.cac == 0)
        #expect(vip.convertingUsers == 1)
        // (none): every spend line (390.15) and search's conversion (60, by u2).
        let none = segments[1]
        #expect(none.spend == ReportFixtures.money("390.15") && none.revenue == ReportFixtures.money("60"))
        #expect(Self.near(none.roi, (60 - 390.15) / 390.15))
        #expect(Self.near(none.cpa, 390.15) && none.convertingUsers == 1 && Self.near(none.cac, 390.15))
    }

    @Test func cacIsNoDataWithoutConversionUsers() {
        let (store, _, names) = ReportFixtures.load()
        let plan = ReportFixtures.plan
        let report = ResultsReport(plan: plan, store: store, context: KPIContext(plan: plan), users: nil, name: names.name)
        #expect(report.overall.convertingUsers == nil && report.overall.cac == nil)
        #expect(report.overall.cpa != nil)
    }

    @Test func budgetUsedByLineAddsUpToTheSpend() {
        let budget = report().budget
        #expect(budget.map(\.id) == ["online", "offline", "(none)"])
        #expect(budget[0].used == ReportFixtures.money("180.15"))      // douyin 150.15 + search 30
        #expect(Self.near(budget[0].usedShare, 0.18015))
        #expect(budget[1].used == ReportFixtures.money("200"))         // events
        #expect(budget[1].usedShare == 0.4)
        #expect(budget[2].used == ReportFixtures.money("10") && budget[2].planned == nil) // tiktok is in no line
    }

    @Test func formatsCarryTheSameNumbers() {
        let report = report()
        let clock = CampaignClock(timeZoneIdentifier: "Asia/Shanghai")
        let json = report.json(clock: clock).serialized()
        #expect(json.contains(#""used": 180.15"#))
        #expect(json.contains(#""segments": [{"key": "vip", "spend": 0, "revenue": 400.25, "roi": null"#))
        #expect(json.contains(#""as_of": "2026-03-05T12:01:00+08:00""#))
        let csv = report.csv()
        #expect(csv.hasPrefix("section,key,metric,actual,target,rate\n"))
        #expect(csv.contains("goal,vip,repurchase_rate,,0.5,\n"))
        #expect(csv.contains("budget_line,offline,spend,200,500,0.4\n"))
        #expect(csv.contains("segment_economics,vip,roi,,,\n"))
        #expect(csv.contains("segment_economics,(none),revenue,60,,\n"))
        let markdown = report.markdown(clock: clock)
        #expect(markdown.contains("| vip | repurchase_rate | 0.5 | no data | no data | 2026-03-12 |"))
        #expect(markdown.contains("| vip | 0.00 | 400.25 | no data | 3 | 0.00 | 0% | 1 | 0.00 |"))
        #expect(report.table(clock: clock).contains("30%"))
    }
}
