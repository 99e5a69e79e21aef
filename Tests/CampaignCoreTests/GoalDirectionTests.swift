@testable import CampaignCore
import CampaignText
import Foundation
import Testing

/// A goal has a direction (issue 17): `target:` and `at_least:` are floors,
/// `at_most:` is a ceiling, as for a cost. Achievement is actual / target for
/// a floor and target / actual for a ceiling, so a missed cost goal never
/// reads above 100 %. Figures worked by hand.
@Suite struct GoalDirectionTests {
    static let yaml = """
    campaign: { id: c, name: C, start: 2026-03-02, budget: 1000 }
    segments:
      - id: vip
        rule: frequency >= 1
        goals:
          - { metric: cpa, at_most: 45 }
          - { metric: cvr, at_least: 0.05 }
          - { metric: cvr, target: 0.05 }
          - { metric: ctr, target: 0.02, at_most: 0.03 }

    """

    static func goals() throws -> [Goal] {
        try #require(PlanLoader.load(yaml: yaml).plan?.segments.first?.goals)
    }

    @Test func thePlanSaysWhichWayAGoalPoints() throws {
        let goals = try Self.goals()
        #expect(goals[0].target == 45 && goals[0].isCeiling && goals[0].direction == "at_most")
        #expect(goals[1].target == 0.05 && !goals[1].isCeiling && goals[1].direction == "at_least")
        #expect(goals[2].target == 0.05 && !goals[2].isCeiling)
    }

    @Test func twoTargetKeysAreOneErrorAtTheSecondKey() {
        let diagnostics = Language.$override.withValue(.english) { PlanLoader.load(yaml: Self.yaml).diagnostics }
        // Line 9: six spaces, "- { ", "metric: ctr, ", "target: 0.02, " → at_most starts at column 38.
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
            "9:38 a goal of segment 'vip' gives both 'target' and 'at_most'; use one: 'target' or 'at_least' for a floor, "
                + "'at_most' for a ceiling (a cost)",
        ])
        let chinese = Language.$override.withValue(.chinese) { PlanLoader.load(yaml: Self.yaml).diagnostics }
        #expect(chinese.map(\.message).first?.contains("同时给出了 'target' 和 'at_most'") == true)
        // Quoted keys and ids are typed as they are; nothing else is English.
        #expect(EnglishWords.find(in: chinese.map(\.message).joined().replacing(/'[^']*'/, with: "''")).isEmpty)
    }

    @Test func aCeilingIsTargetOverActual() throws {
        let goals = try Self.goals()
        // CPA 50 against at most 45: 45 / 50 = 90 %, missed; 40 against 45: 112.5 %, met.
        #expect(GoalProgress(segmentID: "vip", goal: goals[0], actual: 50).achievement == 0.9)
        #expect(GoalProgress(segmentID: "vip", goal: goals[0], actual: 40).achievement == 1.125)
        // No cost at all: no ratio to read.
        #expect(GoalProgress(segmentID: "vip", goal: goals[0], actual: 0).achievement == nil)
        // A floor is actual / target: cvr 0.04 against 0.05 is 80 %, whichever key wrote it.
        #expect(abs(GoalProgress(segmentID: "vip", goal: goals[1], actual: 0.04).achievement! - 0.8) < 1e-12)
        #expect(abs(GoalProgress(segmentID: "vip", goal: goals[2], actual: 0.04).achievement! - 0.8) < 1e-12)
    }

    @Test func aCeilingIsWrittenAsOne() throws {
        let goals = try Self.goals()
        #expect(PlanSummary.goalText(goals[0]) == "cpa ≤ 45")
        #expect(PlanSummary.goalText(goals[1]) == "cvr 0.05")
    }
}
