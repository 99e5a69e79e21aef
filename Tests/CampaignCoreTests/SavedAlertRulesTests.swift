@testable import CampaignCore
import Testing

/// The anomaly log keeps only transitions judged by the saved rules:
/// an unsaved edit of the rules is shown live, never written.
@Suite struct SavedAlertRulesTests {
    static let rule = "{ name: CTR low, metric: ctr, per: channel, below: 0.01, window: 5m, min_volume: 100, confidence: none }"
    let saved = AlertEngineTests.plan(rule)
    let edited = AlertEngineTests.plan(rule.replacingOccurrences(of: "below: 0.01", with: "below: 0.03"))

    @Test func anUnsavedThresholdEditStopsTheLogUntilItIsUndoneOrSaved() {
        var rules = SavedAlertRules(plan: saved)
        #expect(rules.writesTransitions)
        rules.judge(by: edited)
        #expect(!rules.writesTransitions, "judged by 3 %, which is not in the file")
        rules.judge(by: saved)
        #expect(rules.writesTransitions, "the edit undone: the saved rules judge again")
        rules.judge(by: edited)
        rules.save(edited)
        #expect(rules.writesTransitions, "saved: 3 % is the plan now")
    }

    @Test func editsThatDoNotChangeJudgingKeepTheLogGoing() {
        // The same rule further down the file (a comment above it): only its place changed.
        let moved = AlertEngineTests.plan(Self.rule)
        var rules = SavedAlertRules(plan: saved)
        let text = """
            # checked every minute
            campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000, benchmarks: { cpa: 45 } }
            alerts:
              - \(Self.rule)

            """
        let commented = PlanLoader.load(yaml: text).plan!
        rules.judge(by: commented)
        #expect(commented.alerts[0].location != moved.alerts[0].location)
        #expect(rules.writesTransitions)
    }

    @Test func aBenchmarkEditChangesWhatRulesJudge() {
        var rules = SavedAlertRules(plan: saved)
        let text = """
            campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000, benchmarks: { cpa: 60 } }
            alerts:
              - \(Self.rule)

            """
        rules.judge(by: PlanLoader.load(yaml: text).plan!)
        #expect(!rules.writesTransitions)
    }
}
