import CampaignCore
import Foundation
@testable import DeckUI
import Testing

/// `S` silences the rule of the selected KPI row or anomaly: which rule (on
/// a row judged by several, the firing one, else asked), how long (2h
/// suggested), then why; nothing is asked of the app before the comment.
/// The anomaly log and card show what a silence covers.
@Suite struct SilenceKeyTests {
    /// 2026-04-22 09:00 in Shanghai (the demo's zone), the wall clock of these tests.
    static let now = Date(timeIntervalSince1970: 1_776_819_600)
    static let nowMilliseconds: Int64 = 1_776_819_600_000

    func state(silences: [Silence]? = []) -> DeckState {
        var state = DeckState(plan: DeckUpdateTests.plan, schedule: nil)
        state.clock = { Self.now }
        state.data.anomalies = [
            .init(id: 7, openedAt: "04-09 11:02", title: "CTR below 1%", scope: "douyin", severity: "warning",
                  status: .open, owner: nil, recovered: false, detail: [], rule: "CTR below 1%"),
            .init(id: 8, openedAt: "04-10 09:00", title: "site outage", scope: "–", severity: "critical",
                  status: .open, owner: nil, recovered: false, detail: []),
        ]
        state.data.silences = silences
        state.focus = .anomalies
        return state
    }

    static func row(_ key: String, _ cells: [(String, AlertState)]) -> DashboardSnapshot.KPIRow {
        DashboardSnapshot.KPIRow(key: key, values: KPIValues(counters: KPICounters()),
                                 alerts: cells.map { .init(rule: $0.0, metric: "ctr", state: $0.1, threshold: "<1%") },
                                 sparkline: [])
    }

    @Test func onAnAnomalyItAsksHowLongThenWhyThenAsksTheAppToWriteIt() {
        var state = state()
        var effects = KeyTyping.press(.character("S"), in: &state)
        #expect(KeyTyping.prompt(state)?.purpose == .silenceDuration(SilenceTarget(rule: "CTR below 1%", scope: "douyin")))
        #expect(KeyTyping.prompt(state)?.text == "2h")
        #expect(KeyTyping.screen(state).contains("Silence 'CTR below 1%' [douyin] for how long?"))
        effects += KeyTyping.press(.enter, in: &state)
        #expect(KeyTyping.screen(state).contains("Why silence 'CTR below 1%' [douyin] for 2h?"))
        // No comment, no silence: the prompt stays and says why.
        effects += KeyTyping.press(.enter, in: &state)
        #expect(state.message == "a silence needs a comment saying why (comment)")
        #expect(KeyTyping.prompt(state) != nil && effects.isEmpty)
        KeyTyping.type("bid change", in: &state)
        effects += KeyTyping.press(.enter, in: &state)
        #expect(effects == [.silence(SilenceRequest(target: SilenceTarget(rule: "CTR below 1%", scope: "douyin"),
                                                    seconds: 7_200, comment: "bid change"))])
        #expect(state.overlay == nil)
        #expect(state.message == "silencing 'CTR below 1%' [douyin] for 2h…")
    }

    @Test func aTypedDurationReplacesTheSuggestionAndABadOneIsRefused() {
        var state = state()
        KeyTyping.press(.character("S"), in: &state)
        KeyTyping.type("2 hours", in: &state)
        #expect(KeyTyping.press(.enter, in: &state).isEmpty)
        #expect(state.message == "duration must be a duration like 30m, 2h or 7d, got '2 hours' (duration)")
        #expect(KeyTyping.prompt(state)?.text == "2 hours", "kept to be fixed")
        KeyTyping.press(.control("u"), in: &state)
        KeyTyping.type("3654d", in: &state)
        KeyTyping.press(.enter, in: &state)
        #expect(state.message == "a silence lasts at most 10 years (3653 days), got '3654d' (duration)")
        KeyTyping.press(.control("u"), in: &state)
        KeyTyping.type("45m", in: &state)
        KeyTyping.press(.enter, in: &state)
        KeyTyping.type("x", in: &state)
        #expect(KeyTyping.press(.enter, in: &state)
                == [.silence(SilenceRequest(target: SilenceTarget(rule: "CTR below 1%", scope: "douyin"), seconds: 2_700, comment: "x"))])
    }

    @Test func escWritesNothing() {
        var state = state()
        var effects = KeyTyping.press(.character("S"), .escape, in: &state)
        effects += KeyTyping.press(.character("S"), .enter, in: &state) + KeyTyping.type("why", in: &state)
        effects += KeyTyping.press(.escape, in: &state)
        #expect(effects.isEmpty && state.overlay == nil)
    }

    @Test func anAnomalyOpenedByHandOrADashboardWithoutDatabaseHasNothingToSilence() {
        var state = state()
        KeyTyping.press(.character("j"), .character("S"), in: &state)
        #expect(state.message == "#8 was opened by hand: no alert rule to silence" && state.overlay == nil)
        var bare = self.state(silences: nil)
        KeyTyping.press(.character("S"), in: &bare)
        #expect(bare.message == "silences need a database: start the dashboard with --db PATH" && bare.overlay == nil)
    }

    @Test func onAKPIRowTheFiringRuleIsSilencedOrTheUserPicksOne() {
        var state = state()
        state.focus = .kpis
        state.data.channelRows = [
            Self.row("douyin", [("CTR below 1%", .ok), ("CPA 30% over benchmark", .firing)]),
            Self.row("search", [("CTR below 1%", .pending), ("CPA 30% over benchmark", .ok)]),
            Self.row("total", []),
        ]
        KeyTyping.press(.character("S"), in: &state)
        #expect(KeyTyping.prompt(state)?.purpose == .silenceDuration(SilenceTarget(rule: "CPA 30% over benchmark", scope: "douyin")))
        KeyTyping.press(.escape, .character("j"), .character("S"), in: &state)
        // None fires on search: which one? The breached one is suggested.
        #expect(KeyTyping.prompt(state)?.purpose == .silenceRule(scope: "search", rules: ["CTR below 1%", "CPA 30% over benchmark"]))
        #expect(KeyTyping.prompt(state)?.text == "1")
        let screen = KeyTyping.screen(state)
        #expect(screen.contains("Silence which rule on search? (its number)"))
        #expect(screen.contains("1  CTR below 1%") && screen.contains("2  CPA 30% over benchmark"))
        KeyTyping.type("3", in: &state)
        KeyTyping.press(.enter, in: &state)
        #expect(state.message == "type a rule's number, 1–2, or its name")
        KeyTyping.press(.control("u"), in: &state)
        KeyTyping.type("2", in: &state)
        KeyTyping.press(.enter, in: &state)
        #expect(KeyTyping.prompt(state)?.purpose == .silenceDuration(SilenceTarget(rule: "CPA 30% over benchmark", scope: "search")))
        KeyTyping.press(.escape, .character("j"), .character("S"), in: &state)
        #expect(state.message == "no alert rule judges total: nothing to silence")
    }

    static func silence(endsAt: Int64, rule: String = "CTR below 1%", scope: String? = "douyin") -> Silence {
        Silence(id: 3, rule: rule, scope: scope, startsAt: nowMilliseconds - 60_000, endsAt: endsAt, comment: "bid change",
                createdBy: "ana@deck", createdAt: nowMilliseconds - 60_000)
    }

    @Test func theLogMarksASilencedRuleAndTheCardSaysUntilWhen() {
        // 09:00 + 9h05m = 18:05 the same day in Shanghai.
        var state = state(silences: [Self.silence(endsAt: Self.nowMilliseconds + (9 * 60 + 5) * 60_000)])
        let narrow = KeyTyping.screen(state, columns: 80, rows: 24)
        #expect(narrow.contains("⊘ CTR below 1%"))
        #expect(!narrow.contains("⊘ site outage"))
        // Under LANG=C the mark has an ASCII look-alike.
        #expect(DeckRenderer.render(state, columns: 80, rows: 24).asciiOnly().lines().joined().contains("/ CTR below 1%"))
        state.zoomed = true
        #expect(KeyTyping.screen(state).contains("CTR below 1% [douyin] silenced until 18:05"))
        state.zoomed = false
        KeyTyping.press(.enter, in: &state)
        #expect(KeyTyping.screen(state).contains("Silenced until 18:05 by ana@deck (silence #3): bid change"))
    }

    @Test func onAnotherDayTheDateIsShownAndAnEndedSilenceIsNot() {
        // 09:00 + 1 day 2 hours: 04-23 11:00.
        var state = state(silences: [Self.silence(endsAt: Self.nowMilliseconds + 26 * 3_600_000)])
        state.zoomed = true
        #expect(KeyTyping.screen(state).contains("silenced until 04-23 11:00"))
        state.clock = { Self.now.addingTimeInterval(26 * 3_600) }
        #expect(!KeyTyping.screen(state).contains("silenced") && !KeyTyping.screen(state).contains("⊘"))
        // Another scope of the rule is not marked; a silence of every scope is.
        var other = self.state(silences: [Self.silence(endsAt: Self.nowMilliseconds + 60_000, scope: "search")])
        #expect(!KeyTyping.screen(other, columns: 80, rows: 24).contains("⊘"))
        other.data.silences = [Self.silence(endsAt: Self.nowMilliseconds + 60_000, scope: nil)]
        #expect(KeyTyping.screen(other, columns: 80, rows: 24).contains("⊘ CTR below 1%"))
    }

    @Test func theKeyIsOneBindingOfTheKPIAndAnomalyPanes() {
        let silence = KeyRegistry.builtIn.bindings.filter { $0.id == "silence" }
        #expect(silence.count == 1 && silence.first?.keys == [.character("S")])
        #expect(KeyRegistry.builtIn.binding(for: .character("S"), in: .kpis)?.id == "silence")
        #expect(KeyRegistry.builtIn.binding(for: .character("S"), in: .anomalies)?.id == "silence")
        #expect(KeyRegistry.builtIn.binding(for: .character("S"), in: .gantt) == nil)
        #expect(KeyRegistry.builtIn.hints(for: .anomalies).map(\.hint).prefix(6).last == "silence")
        #expect(!KeyRegistry.builtIn.hints(for: .segments).map(\.hint).contains("silence"))
        // The card lists it with the log's keys.
        #expect(AnomalyDetailWords.keys(.builtIn).contains("S silence"))
    }
}
