@testable import CampaignCore
import Foundation
import Testing

@Suite struct DemoCampaignTests {
    @Test(arguments: DemoCampaign.SegmentSet.allCases)
    func theDemoValidatesCleanly(segments: DemoCampaign.SegmentSet) {
        let result = PlanLoader.load(yaml: DemoCampaign.planText(segments: segments))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.formatted(file: "demo") })")
        #expect(result.plan != nil)
    }

    @Test func theDemoIsTheCampaignTheSpecDescribes() throws {
        let plan = try #require(PlanLoader.load(yaml: DemoCampaign.planText()).plan)
        #expect(plan.campaign.id == "spring-2026")
        #expect(plan.campaign.budget == 1_200_000)
        #expect(plan.campaign.timezone == "Asia/Shanghai")
        #expect(plan.campaign.start == Day(year: 2026, month: 3, day: 2))
        #expect(plan.segments.map(\.budgetShare) == [0.40, 0.35, 0.25])
        #expect(plan.phases.map(\.id) == ["prep", "launch", "run", "review"])
        #expect(plan.phases.map(\.weeks) == [1...2, 3...3, 4...8, 9...10])
        // Five budget lines: online, offline, incentives, staff & tech, reserve; 1.2 M in all.
        #expect(plan.budgetLines.map(\.id) == ["online", "offline", "incentives", "staff_tech", "reserve"])
        #expect(plan.budgetLines.reduce(Decimal(0)) { $0 + $1.amount } == 1_200_000)
        #expect(plan.alerts.map(\.metric) == ["ctr", "community_dau_ratio", "cpa", "ctr"])
        // The last judges CTR against the same hour on past days, not a fixed number.
        #expect(plan.alerts[3].usual == UsualBaseline(season: .hourOfDay, periods: 14, minChange: 0.3))
        #expect(plan.alerts[2].threshold == "1.3 * benchmark.cpa")
        let execution = plan.tasks.filter { $0.phase == "run" }
        #expect(execution.count >= 5)
        #expect(execution.allSatisfy { $0.owner != nil })
        #expect(execution.filter { $0.risk != nil && $0.mitigation != nil }.count >= 5)
        #expect(plan.tasks.contains { !$0.after.isEmpty })
    }

    @Test func theRFMSetMapsEveryScoreCellToExactlyOneSegment() throws {
        let plan = try #require(PlanLoader.load(yaml: DemoCampaign.planText(segments: .rfm)).plan)
        // The classic RFM map, written out cell by cell (r, f) → segment.
        func expected(r: Int, f: Int) -> String {
            switch (r, f) {
            case (5, 4...5): return "champions"
            case (3...4, 4...5): return "loyal"
            case (4...5, 2...3): return "potential_loyalists"
            case (5, 1): return "new_customers"
            case (4, 1): return "promising"
            case (3, 3): return "need_attention"
            case (3, 1...2): return "about_to_sleep"
            case (1...2, 5): return "cant_lose"
            case (1...2, 3...4): return "at_risk"
            default: return "hibernating"
            }
        }
        for r in 1...5 {
            for f in 1...5 {
                let matching = try plan.segments.filter { segment in
                    try RuleTestSupport.matches(segment.rule, fields: ["r_score": Double(r), "f_score": Double(f), "m_score": 3])
                }.map(\.id)
                #expect(matching == [expected(r: r, f: f)], "cell r=\(r) f=\(f)")
            }
        }
    }
}
