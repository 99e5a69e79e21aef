@testable import CampaignCore
import Testing

/// The stand-up agenda for 2026-03-06 on `ReportFixtures`: yesterday is
/// 03-05, the day before 03-04. Numbers by hand.
@Suite struct ReportStandupTests {
    static let clock = CampaignClock(timeZoneIdentifier: "Asia/Shanghai")
    static let date = Day(year: 2026, month: 3, day: 6)!

    static func anomaly(_ id: Int64, openedOn day: Int, resolved: Bool = false) -> StandupAgenda.AnomalyItem {
        .init(id: id, title: "A\(id)", severity: "warning", status: resolved ? .resolved : .open, owner: "Ann",
              openedAt: ReportFixtures.at(day: day, 9, 0))
    }

    func agenda(anomalies: [StandupAgenda.AnomalyItem] = []) throws -> StandupAgenda {
        let plan = ReportFixtures.plan
        let schedule = try Schedule(computing: PlanScheduling.input(for: plan))
        let fixture = ReportFixtures.load()
        return StandupAgenda(plan: plan, schedule: schedule, date: Self.date,
                             yesterdayStart: Self.clock.start(of: Self.date - 1),
                             dayEnd: Self.clock.start(of: Self.date + 1), anomalies: anomalies,
                             store: fixture.store, context: KPIContext(plan: plan), name: fixture.names.name)
    }

    @Test func anomaliesNewSinceYesterdayOrStillOpen() throws {
        let agenda = try agenda(anomalies: [
            Self.anomaly(1, openedOn: 2),                  // older, still open: shown
            Self.anomaly(2, openedOn: 3, resolved: true),  // older and resolved: not shown
            Self.anomaly(3, openedOn: 5, resolved: true),  // yesterday, already resolved: shown
            Self.anomaly(4, openedOn: 7),                  // after the stand-up day: not known yet
        ])
        #expect(agenda.anomalies.map(\.id) == [3, 1])
        let markdown = agenda.markdown(campaignStart: ReportFixtures.plan.campaign.start)
        #expect(markdown.contains("- **#3** [warning] A3 — resolved, owner: Ann · new\n"))
        #expect(markdown.contains("- **#1** [warning] A1 — open, owner: Ann\n"))
    }

    @Test func kpisThatMovedMost() throws {
        let moves = try agenda().moves
        // total cpa 100.10 / 2 = 50.05 → 290.05 / 2 = 145.025: +189.8 %;
        // total roi (300 − 100.10) / 100.10 → (160.25 − 290.05) / 290.05: −122.4 %;
        // douyin cvr 2/20 → 1/30: −66.7 %; douyin ctr 0.02 → 0.03: +50 %;
        // douyin roi 199.9/100.1 → 50.2/50.05: −49.8 %. douyin cpa stays 50.05 (no move);
        // search has no day before.
        #expect(moves.map { "\($0.scope) \($0.metric)" } == ["total cpa", "total roi", "douyin cvr", "douyin ctr", "douyin roi"])
        #expect(abs(moves[0].change - (145.025 / 50.05 - 1)) < 1e-12)
        #expect(abs(moves[3].change - 0.5) < 1e-12)
    }

    @Test func dueLateAndGoalsAtRisk() throws {
        let agenda = try agenda()
        // b (after a, 2 days from 03-05) and c (03-02 + 5 days) finish on 03-06.
        #expect(agenda.dueToday.map(\.id) == ["b", "c"])
        // a finished 03-04 at 50 %: two days late, critical, holds up b.
        #expect(agenda.late.map(\.late.task.id) == ["a"])
        #expect(agenda.late[0].late.daysLate == 2)
        // 4 of the 10 days to 03-12 gone (40 %): cvr at 30 % is behind, ctr at 50 % is not,
        // repurchase_rate has no data and is not judged.
        #expect(agenda.atRisk.map(\.goal.metric) == ["cvr"])
        let markdown = agenda.markdown(campaignStart: ReportFixtures.plan.campaign.start)
        #expect(markdown.contains("- a Prepare (Ann), 2 days late, **critical path** — blocks: b\n"))
        #expect(markdown.contains("- vip cvr: 30% achieved with 40% of the time to 2026-03-12 gone\n"))
        // Money moves carry the campaign currency.
        #expect(markdown.contains("- total cpa: 50.05 CNY → 145.03 CNY (+189.8%)\n"))
    }

    @Test func emptySectionsSaySo() throws {
        let plan = ReportFixtures.plan
        let agenda = StandupAgenda(plan: plan, schedule: try Schedule(computing: PlanScheduling.input(for: plan)),
                                   date: Day(year: 2026, month: 2, day: 1)!, yesterdayStart: 0, dayEnd: 0, anomalies: [],
                                   store: KPIStore(timeZoneIdentifier: "Asia/Shanghai"), context: KPIContext(plan: plan),
                                   name: ScopeNames(context: KPIContext(plan: plan)).name)
        #expect(agenda.markdown(campaignStart: plan.campaign.start).components(separatedBy: "_None._").count == 6)
    }
}
