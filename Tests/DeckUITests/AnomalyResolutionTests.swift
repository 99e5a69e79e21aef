import CampaignCore
@testable import DeckUI
import Testing

/// Resolving is deliberate: `r` asks for the cause, then the action, then
/// shows both to confirm; nothing is written before `y`, and Esc at any step
/// writes nothing. A resolved anomaly is reopened with `R`.
@Suite struct AnomalyResolutionTests {
    func state(status: AnomalyStatus = .acknowledged) -> DeckState {
        var state = DeckState(plan: DeckUpdateTests.plan, schedule: nil)
        state.data.anomalies = [
            .init(id: 7, openedAt: "04-09 11:02", title: "CTR below 1%", scope: "douyin", severity: "warning",
                  status: status, owner: "王芳", recovered: false, detail: []),
        ]
        state.focus = .anomalies
        return state
    }

    @discardableResult
    func press(_ keys: [Key], _ state: inout DeckState) -> [DeckEffect] {
        keys.flatMap { DeckUpdate.apply(.key($0), to: &state) }
    }

    func type(_ text: String, _ state: inout DeckState) -> [DeckEffect] {
        press(text.map { .character($0) }, &state)
    }

    func screen(_ state: DeckState, columns: Int = 120, rows: Int = 40) -> String {
        DeckRenderer.render(state, columns: columns, rows: rows).lines().joined(separator: "\n")
    }

    @Test func resolvingAsksCauseThenActionThenConfirmsWithBoth() {
        var state = state()
        var effects = press([.character("r")], &state)
        #expect(screen(state).contains("What caused it?"))
        effects += type("素材疲劳", &state) + press([.enter], &state)
        // The cause stays in view while the action is typed.
        #expect(screen(state).contains("Cause:  素材疲劳"))
        #expect(screen(state).contains("What was done about it?"))
        effects += type("换素材", &state) + press([.enter], &state)
        let confirming = screen(state)
        #expect(confirming.contains("Cause:  素材疲劳") && confirming.contains("Action: 换素材"))
        #expect(confirming.contains("Resolve it with this cause and action?"))
        #expect(effects.isEmpty, "nothing is written before the confirmation")
        // A key that is not a choice only reminds of the choices.
        #expect(press([.enter, .character("x")], &state).isEmpty)
        #expect(state.message == "resolve #7? y resolve · e edit · Esc cancel")

        #expect(press([.character("y")], &state) == [.resolve(anomalyID: 7, cause: "素材疲劳", action: "换素材")])
        #expect(state.overlay == nil)
        #expect(state.message == "#7 resolved · R reopens it if that was a mistake")
    }

    @Test func escAtAnyStepWritesNothing() {
        for step in 0..<3 {
            var state = state()
            var effects = press([.character("r")], &state)
            if step >= 1 { effects += type("cause", &state) + press([.enter], &state) }
            if step >= 2 { effects += type("action", &state) + press([.enter], &state) }
            effects += press([.escape], &state)
            #expect(effects.isEmpty, "Esc at step \(step)")
            #expect(state.overlay == nil)
            #expect(state.message == "#7 not resolved: nothing was written")
        }
    }

    @Test func editingFromTheConfirmationKeepsBothAnswers() {
        var state = state()
        _ = press([.character("r")], &state) + type("typo", &state) + press([.enter], &state)
        _ = type("rollback", &state) + press([.enter, .character("e")], &state)
        #expect(screen(state).contains("Cause:  typo▏"))
        _ = press([.backspace, .backspace], &state) + type("ne", &state) + press([.enter, .enter], &state)
        #expect(press([.character("y")], &state) == [.resolve(anomalyID: 7, cause: "tyne", action: "rollback")])
    }

    @Test func emptyAnswersAreShownAsNotGivenAndWrittenAsNone() {
        var state = state()
        press([.character("r"), .enter, .enter], &state)
        #expect(screen(state).contains("Cause:  (not given)"))
        #expect(press([.character("y")], &state) == [.resolve(anomalyID: 7, cause: nil, action: nil)])
    }

    @Test func fromTheCardEveryEndGoesBackToTheCard() {
        var state = state()
        press([.enter], &state)
        #expect(state.overlay == .anomalyDetail(id: 7))
        press([.character("r"), .escape], &state)
        #expect(state.overlay == .anomalyDetail(id: 7), "cancelled: the card again")
        #expect(press([.character("r"), .enter, .enter, .character("y")], &state) == [.resolve(anomalyID: 7, cause: nil, action: nil)])
        #expect(state.overlay == .anomalyDetail(id: 7))
    }

    @Test func aResolvedAnomalyIsReopenedNotResolvedAgain() {
        var state = state(status: .resolved)
        #expect(press([.character("r")], &state).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.message == "#7 is resolved already; R reopens it")
        #expect(press([.character("R")], &state) == [.reopen(anomalyID: 7)])
        // The card's R does the same.
        press([.enter], &state)
        #expect(press([.character("R")], &state) == [.reopen(anomalyID: 7)])
    }

    @Test func onlyAResolvedAnomalyCanBeReopened() {
        var state = state(status: .acknowledged)
        #expect(press([.character("R")], &state).isEmpty)
        #expect(state.message == "#7 is not resolved: there is nothing to reopen")
    }

    @Test func reopeningHasAStableIdAndIsInTheFooterTheHelpAndTheCard() throws {
        let binding = try #require(KeyRegistry.builtIn.bindings.first { $0.id == "reopen_anomaly" })
        #expect(binding.scope == .pane(.anomalies) && binding.keys == [.character("R")] && binding.command == .reopenAnomaly)
        var state = state()
        #expect(screen(state, columns: 200, rows: 60).split(separator: "\n").last?.contains("R reopen") == true)
        state.overlay = .help(scroll: 0)
        #expect(screen(state, columns: 200, rows: 60).contains("reopen (undo a resolution)"))
        state.overlay = .anomalyDetail(id: 7)
        #expect(screen(state).contains("a ack · o owner · n note · r resolve · R reopen · S silence · Esc close"))
    }
}

/// Every binding has a stable snake_case id, unique in the registry: a key
/// config and the help name a binding by it.
@Suite struct KeyBindingIDTests {
    @Test func everyBindingHasAUniqueSnakeCaseID() {
        let ids = KeyRegistry.builtIn.bindings.map(\.id)
        #expect(Set(ids).count == ids.count, "ids repeat: \(ids)")
        for id in ids {
            let snake = !id.isEmpty && id.first!.isLowercase && !id.hasSuffix("_") && !id.contains("__")
                && id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            #expect(snake, "'\(id)' is not snake_case")
        }
        #expect(KeyRegistry.builtIn.bindings.first { $0.command == .nextPane }?.id == "next_pane")
    }
}

/// An anomaly's value and threshold are written by their metric wherever
/// they are shown, and STATUS is never cut.
@Suite struct AnomalyFiguresTests {
    func state(_ rows: [DashboardSnapshot.AnomalyRow]) -> DeckState {
        var state = DeckState(plan: DeckUpdateTests.plan, schedule: nil)
        state.data.anomalies = rows
        state.focus = .anomalies
        return state
    }

    static let ctr = DashboardSnapshot.AnomalyRow(
        id: 12, openedAt: "04-22 11:02", title: "CTR below 1%", scope: "douyin", severity: "warning", status: .acknowledged,
        owner: "王芳", recovered: true, measure: .init(metric: "ctr", value: 0.006430868167202572, threshold: 0.01), detail: [])
    static let cpa = DashboardSnapshot.AnomalyRow(
        id: 9, openedAt: "04-21 18:00", title: "CPA 30% over benchmark", scope: "search", severity: "critical", status: .open,
        owner: nil, recovered: false, measure: .init(metric: "cpa", value: 45.5, threshold: 40), detail: [])

    @Test func theCardWritesValueAndThresholdByMetric() {
        var state = state([Self.ctr, Self.cpa])
        state.overlay = .anomalyDetail(id: 12)
        var text = DeckRenderer.render(state, columns: 120, rows: 40).lines().joined(separator: "\n")
        // 0.006430868… is 0.643…%, two decimals; 0.01 is a whole 1 %.
        #expect(text.contains("ctr: 0.64% (threshold 1%)"))
        #expect(!text.contains("0.0064"))
        state.overlay = .anomalyDetail(id: 9)
        text = DeckRenderer.render(state, columns: 120, rows: 40).lines().joined(separator: "\n")
        #expect(text.contains("cpa: 45.50 CNY (threshold 40.00 CNY)"), "money in the campaign's currency")
    }

    @Test func thePaneShowsTheValueWhereThereIsRoom() {
        let text = DeckRenderer.render(state([Self.ctr, Self.cpa]), columns: 200, rows: 60).lines().joined(separator: "\n")
        #expect(text.contains("VALUE"))
        #expect(text.contains("0.64%") && text.contains("45.50 CNY"))
    }

    @Test func statusIsWholeAtEveryWidth() {
        let state = state([Self.ctr, Self.cpa])
        for (columns, rows) in [(80, 24), (81, 25), (99, 30), (120, 40), (159, 40), (160, 50), (200, 60), (260, 70)] {
            let text = DeckRenderer.render(state, columns: columns, rows: rows).lines().joined(separator: "\n")
            #expect(text.contains("acknowledged↺"), "\(columns)×\(rows)")
            #expect(!text.contains("acknowl…"), "\(columns)×\(rows)")
        }
    }

    /// At 80 columns the log is 38 wide inside: # (2) + WHAT + STATUS (13) +
    /// OWNER (6) + 3 spaces leave WHAT 14; OPENED and VALUE give way. At 58
    /// (120 columns) everything fits: 2 + 11 + 9 + 13 + 6 + 5 spaces = 46, WHAT 12.
    @Test func otherColumnsGiveWayBeforeStatus() {
        let narrow = AnomalyColumns(width: 38, widestID: 2, widestOwner: 6, widestValue: 9)
        #expect(narrow.columns.map(\.column) == [.id, .what, .status, .owner])
        #expect(narrow.columns.map(\.width) == [2, 14, 13, 6])
        let wide = AnomalyColumns(width: 58, widestID: 2, widestOwner: 6, widestValue: 9)
        #expect(wide.columns.map(\.column) == [.id, .opened, .what, .value, .status, .owner])
        #expect(wide.columns.map(\.width) == [2, 11, 12, 9, 13, 6])
        // Too narrow for even a short WHAT beside the owner: the owner goes, STATUS stays.
        let tiny = AnomalyColumns(width: 26, widestID: 2, widestOwner: 6, widestValue: nil)
        #expect(tiny.columns.map(\.column) == [.id, .what, .status])
        #expect(tiny.columns.map(\.width) == [2, 9, 13])
    }
}
