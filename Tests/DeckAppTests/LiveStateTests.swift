import CampaignCore
@testable import DeckApp
import Testing

/// The live state folds records and adopts edited plans without threads.
@Suite struct LiveStateTests {
    /// The demo's fatigue day (2026-04-09): douyin's CTR falls under 1 % and the rule fires.
    static func fatigueDay(_ body: ([EventRecord], EventSymbols) -> Void) throws {
        var reader = EventStreamReader()
        let text = CampaignSimulator(plan: Live.demoPlan, from: Day(iso: "2026-04-09")!, days: 1).text()
        try reader.read(bytes: Array(text.utf8), sourceName: "simulator") { records, symbols in body(records, symbols) }
    }

    static func firings(_ changes: [AlertTransition]) -> [AlertTransition] { changes.filter { $0.to == .firing } }

    @Test func theSavedRulesTransitionsAreForTheLog() throws {
        var state = LiveState(plan: Live.demoPlan)
        var logged: [AlertTransition] = []
        try Self.fatigueDay { records, symbols in logged += state.fold(records, symbols: symbols) }
        logged += state.closeCurrentMinute()
        #expect(Self.firings(logged).contains { $0.rule == "CTR below 1%" && $0.scope == "douyin" })
    }

    @Test func anUnsavedEditOfTheRulesKeepsTheLogUntouchedUntilSaved() throws {
        let edited = try #require(PlanLoader.load(yaml: DemoCampaign.planText().replacingOccurrences(
            of: "recover: 0.012", with: "recover: 0.013")).plan)
        var unsaved = LiveState(plan: Live.demoPlan)
        unsaved.adopt(edited: edited)
        var logged: [AlertTransition] = []
        try Self.fatigueDay { records, symbols in logged += unsaved.fold(records, symbols: symbols) }
        logged += unsaved.closeCurrentMinute()
        #expect(logged.isEmpty, "judged by rules nobody saved")

        var saved = LiveState(plan: Live.demoPlan)
        saved.adopt(edited: edited)
        saved.adopt(saved: edited)
        var afterSave: [AlertTransition] = []
        try Self.fatigueDay { records, symbols in afterSave += saved.fold(records, symbols: symbols) }
        #expect(Self.firings(afterSave).contains { $0.rule == "CTR below 1%" && $0.scope == "douyin" },
                "the edited rules are the saved ones now")
    }

    @Test func theEventCountIsWhatWasFolded() throws {
        var state = LiveState(plan: Live.demoPlan)
        var count = 0
        try Self.fatigueDay { records, symbols in
            count += records.count
            _ = state.fold(records, symbols: symbols)
        }
        #expect(count > 0)
        #expect(state.eventsSeen == count)
        #expect(state.snapshot(anomalies: [], eventsPerSecond: 0, catchingUp: false).totalEvents == count)
    }
}
