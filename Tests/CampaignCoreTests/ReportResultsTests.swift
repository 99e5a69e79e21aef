@testable import CampaignCore
import Foundation
import Testing

/// `ResultsReport` and `GoalProgress` on `ReportFixtures` (below), numbers by hand.
@Suite struct ReportResultsTests {
    static func near(_ value: Double?, _ expected: Double) -> Bool { value.map { abs($0 - expected) < 1e-12 } ?? false }

    func report() -> ResultsReport {
        let (store, users) = ReportFixtures.load()
        let plan = ReportFixtures.plan
        return ResultsReport(plan: plan, store: store, context: KPIContext(plan: plan), users: users,
                             name: ReportFixtures.name)
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

    @Test func cacIsNoDataWithoutConversionUsers() {
        let (store, _) = ReportFixtures.load()
        let plan = ReportFixtures.plan
        let report = ResultsReport(plan: plan, store: store, context: KPIContext(plan: plan), users: nil,
                                   name: ReportFixtures.name)
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
        #expect(json.contains(#""as_of": "2026-03-05T12:01:00+08:00""#))
        let csv = report.csv()
        #expect(csv.hasPrefix("section,key,metric,actual,target,rate\n"))
        #expect(csv.contains("goal,vip,repurchase_rate,,0.5,\n"))
        #expect(csv.contains("budget_line,offline,spend,200,500,0.4\n"))
        let markdown = report.markdown(clock: clock)
        #expect(markdown.contains("| vip | repurchase_rate | 0.5 | no data | no data | 2026-03-12 |"))
        #expect(report.table(clock: clock).contains("30%"))
    }
}

/// A small plan and stream whose results are worked out by hand in the
/// Report*Tests. Campaign zone Asia/Shanghai (UTC+8); the stream runs over
/// 03-04 (the day before yesterday for a stand-up on 03-06) and 03-05.
enum ReportFixtures {
    static let planText = """
    campaign:
      id: t
      name: Test
      currency: CNY
      timezone: Asia/Shanghai
      start: 2026-03-02
      budget: 10000
      benchmarks: { cpa: 40 }
    budget_lines:
      - { id: online, name: Online, amount: 1000 }
      - { id: offline, name: Offline, amount: 500 }
    channels:
      - { id: douyin, name: Douyin, kind: paid, budget: 800, budget_line: online }
      - { id: search, name: Search, kind: paid, budget: 200, budget_line: online }
      - { id: events, name: Events, kind: offline, budget_line: offline }
    segments:
      - id: vip
        name: VIP
        rule: frequency >= 3
        budget_share: 0.5
        goals:
          - { metric: cvr, target: 0.2, by: 2026-03-12 }
          - { metric: ctr, baseline: 0.02, lift: 0.5, by: 2026-03-12 }
          - { metric: repurchase_rate, target: 0.5, by: 2026-03-12 }
    phases:
      - { id: run, name: Run, weeks: 1-2 }
    tasks:
      - { id: a, name: Prepare, owner: Ann, start: 2026-03-02, days: 3, progress: 0.5 }
      - { id: b, name: Launch, owner: Bob, after: [a], days: 2 }
      - { id: c, name: Side, owner: Cy, start: 2026-03-02, days: 5, progress: 1 }

    """

    static var plan: Plan { PlanDocument(text: planText).plan! }

    static let channels = ["douyin", "search", "events", "tiktok"]
    /// Channel ids index `channels`; segment 0 is vip, -1 none.
    static func name(_ dimension: KPIDimension, _ id: Int32) -> String {
        switch dimension {
        case .channel: return channels[Int(id)]
        case .segment: return "vip"
        default: return "total"
        }
    }

    static func at(day: Int, _ hour: Int64, _ minute: Int64) -> Int64 {
        CampaignClock(timeZoneIdentifier: "Asia/Shanghai").start(of: Day(year: 2026, month: 3, day: day)!)
            + hour * 3_600_000 + minute * 60_000
    }

    static func money(_ text: String) -> Money { Money(decimal: Decimal(string: text)!) }

    /// (day, hour, minute, type, channel, segment, count, amount, user); users 0 = none.
    static let events: [(Int, Int64, Int64, EventType, Int32, Int32, Int64, String, UInt64)] = [
        (4, 10, 0, .impression, 0, 0, 1000, "0", 0),
        (4, 10, 1, .click, 0, 0, 20, "0", 0),
        (4, 10, 2, .conversion, 0, 0, 2, "300", 1),
        (4, 10, 3, .spend, 0, -1, 1, "100.10", 0),
        (5, 10, 0, .impression, 0, 0, 1000, "0", 0),
        (5, 10, 1, .click, 0, 0, 30, "0", 0),
        (5, 10, 2, .conversion, 0, 0, 1, "100.25", 1),
        (5, 10, 3, .spend, 0, -1, 1, "50.05", 0),
        (5, 11, 0, .impression, 1, -1, 500, "0", 0),
        (5, 11, 1, .click, 1, -1, 5, "0", 0),
        (5, 11, 2, .conversion, 1, -1, 1, "60", 2),
        (5, 11, 3, .spend, 1, -1, 1, "30", 0),
        (5, 12, 0, .spend, 2, -1, 1, "200", 0),
        (5, 12, 1, .spend, 3, -1, 1, "10", 0),
    ]

    static func load() -> (store: KPIStore, users: ConvertingUsers) {
        var store = KPIStore(timeZoneIdentifier: "Asia/Shanghai")
        var users = ConvertingUsers()
        for e in events {
            let record = EventRecord(timestamp: at(day: e.0, e.1, e.2), type: e.3, channel: e.4, segment: e.5,
                                     campaign: -1, user: e.8, count: e.6, amount: money(e.7))
            store.add(timestamp: record.timestamp, type: record.type,
                      leaf: LeafKey(channel: e.4, segment: e.5, campaign: -1), user: e.8, count: e.6, amount: record.amount)
            users.add(record, channel: channels[Int(e.4)])
        }
        return (store, users)
    }
}
