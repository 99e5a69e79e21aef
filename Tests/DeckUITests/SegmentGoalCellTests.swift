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
}
