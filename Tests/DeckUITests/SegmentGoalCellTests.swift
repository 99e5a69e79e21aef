import CampaignCore
@testable import DeckUI
import Testing

/// The Segments pane's GOAL cell: the goal furthest behind, named, with a bar
/// that starts and ends in the same cells whatever its label.
@Suite struct SegmentGoalCellTests {
    static func goal(_ metric: String, target: Double, actual: Double?) -> GoalProgress {
        let plan = PlanLoader.load(yaml: """
        campaign: { id: g, name: G, timezone: UTC, start: 2026-03-02, budget: 1 }
        segments:
          - { id: s, name: S, rule: frequency >= 1, goals: [{ metric: \(metric), target: \(target) }] }

        """).plan!
        return GoalProgress(segmentID: "s", goal: plan.segments[0].goals[0], actual: actual)
    }

    @Test func barsLineUpWhateverTheLabel() {
        let cells = [
            SegmentsPane.goalCell([Self.goal("cvr", target: 1, actual: 0.01)], width: 18),
            SegmentsPane.goalCell([Self.goal("conversions", target: 100, actual: 100)], width: 18),
            SegmentsPane.goalCell([Self.goal("ctr", target: 0.01, actual: 0.2)], width: 18),
        ]
        // 18 cells: an 8-cell bar, a space, a 4-cell percentage, a space, the metric.
        #expect(cells == ["░░░░░░░░   1% cvr", "████████ 100% conversions", "████████ 999+ ctr"])
    }

    @Test func theGoalFurthestBehindIsShownAndNoDataIsBlank() {
        let behind = SegmentsPane.goalCell([Self.goal("cvr", target: 0.1, actual: 0.08),
                                            Self.goal("ctr", target: 0.02, actual: 0.01)], width: 14)
        #expect(behind == "██░░  50% ctr")   // ctr at 50 % is behind cvr at 80 %
        let noData = SegmentsPane.goalCell([Self.goal("repurchase_rate", target: 0.3, actual: nil)], width: 14)
        #expect(noData == "        – repurchase_rate")   // 4 blank bar cells, a space, "   –"
        #expect(SegmentsPane.goalCell([], width: 14) == "–")
    }

    /// Enter on a segment lists every goal with actual, target and achievement.
    @Test func theCardNamesEachGoalWithItsFigures() {
        let plan = PlanLoader.load(yaml: """
        campaign: { id: g, name: G, timezone: UTC, start: 2026-03-02, budget: 1 }
        segments:
          - id: s
            name: S
            rule: frequency >= 1
            goals:
              - { metric: cpa, baseline: 50, lift: -0.1, by: 2026-05-10 }
              - { metric: ctr, target: 0.05 }

        """).plan!
        let goals = plan.segments[0].goals
        // CPA 46 against 50 − 10 % = 45: a fall of 4 of the 5 wanted, 80 %.
        #expect(PersonaCard.goalLine(GoalProgress(segmentID: "s", goal: goals[0], actual: 46), currency: "CNY")
                == "Goal: cpa 46.00 CNY of 45.00 CNY (50.00 CNY -10%), 80% by 2026-05-10")
        // 7 % from 50 impressions: too little to judge.
        #expect(PersonaCard.goalLine(GoalProgress(segmentID: "s", goal: goals[1], actual: 0.07, volume: 50), currency: "CNY")
                == "Goal: ctr 7.00% of 5%, too little data (min 100)")   // whole percentages print without decimals
    }
}
