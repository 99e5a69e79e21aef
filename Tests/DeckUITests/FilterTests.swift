import CampaignCore
@testable import DeckUI
import Testing

/// `/` filters the focused pane. On the demo plan, "素材" (assets)
/// is in the names of four tasks: 素材制作, 素材审核 (prep), 线上推广素材投放
/// and 素材迭代 (run); 项目经理 (project manager) owns five.
@Suite struct FilterTests {
    typealias K = KeyTyping

    func ganttState() -> DeckState {
        var state = K.editableDemo()
        K.press(.character("2"), in: &state)
        return state
    }

    @Test func typingNarrowsTheGanttAsYouTypeAndEnterKeepsTheFilter() {
        var state = ganttState()
        #expect(K.selectedTask(state) == "kickoff")
        K.press(.character("/"), in: &state)
        K.type("素", in: &state)
        #expect(K.visibleTasks(state) == ["asset-production", "asset-review", "creative", "creative-refresh"])
        // The selection left kickoff (hidden) for the first row shown after it.
        #expect(K.selectedTask(state) == "asset-production")
        K.type("材", in: &state)
        K.press(.enter, in: &state)
        #expect(state.filters[.gantt] == "素材")
        #expect(state.overlay == nil)
        #expect(state.message == "Gantt: 4 rows match /素材")
        let screen = K.screen(state)
        #expect(screen.contains("2 Gantt · /素材 · days"))
        #expect(screen.contains("素材制作") && screen.contains("素材迭代"))
        #expect(!screen.contains("项目启动会"), "kickoff is filtered out")
        #expect(!screen.contains("复盘期"), "a phase with no matching task is left out")
    }

    @Test func matchingIgnoresCaseAndLooksAtIdNameAndOwner() {
        var state = ganttState()
        state.filters[.gantt] = "KICK"
        #expect(K.visibleTasks(state) == ["kickoff"])
        state.filters[.gantt] = "数据组" // the data team owns two tasks
        #expect(K.visibleTasks(state) == ["segment-analysis", "data-review"])
        state.filters[.gantt] = "Setup"
        #expect(K.visibleTasks(state) == ["community-setup", "crm-setup"])
    }

    @Test func jAndKMoveAmongVisibleRowsOnly() {
        var state = ganttState()
        K.press(.character("/"), in: &state)
        K.type("项目经理", in: &state)
        K.press(.enter, in: &state)
        var seen = [K.selectedTask(state)]
        for _ in 0..<5 {
            K.press(.character("j"), in: &state)
            seen.append(K.selectedTask(state))
        }
        #expect(seen == ["kickoff", "launch-event", "mid-review", "final-report", "close", "close"])
        K.press(.character("k"), in: &state)
        #expect(K.selectedTask(state) == "final-report")
        K.press(.character("g"), in: &state)
        #expect(K.selectedTask(state) == "kickoff")
        K.press(.character("G"), in: &state)
        #expect(K.selectedTask(state) == "close")
    }

    @Test func editingKeysActOnTheSelectedVisibleTask() throws {
        var state = ganttState()
        K.press(.character("/"), in: &state)
        K.type("素材", in: &state)
        K.press(.enter, .character("j"), .character("L"), in: &state)
        #expect(state.editor?.document.text == (try K.demoText(after: .moveTask(id: "asset-review", days: 1))))
        #expect(K.selectedTask(state) == "asset-review")
    }

    @Test func escWhileTypingCancelsAndEscOrAnEmptyFilterClearsIt() {
        var state = ganttState()
        K.press(.character("/"), in: &state)
        K.type("素材", in: &state)
        K.press(.enter, in: &state)
        // Typing a new filter shows it live; Esc goes back to the applied one.
        K.press(.character("/"), in: &state)
        K.type("xyz", in: &state)
        #expect(K.visibleTasks(state).isEmpty)
        K.press(.escape, in: &state)
        #expect(state.filters[.gantt] == "素材")
        #expect(K.visibleTasks(state).count == 4)
        // Esc with the filter applied clears it.
        K.press(.escape, in: &state)
        #expect(state.filters[.gantt] == nil)
        #expect(K.visibleTasks(state).count == state.plan.tasks.count)
        #expect(state.message == "Gantt: filter /素材 cleared")
        // So does `/` then Enter on empty text.
        state.filters[.gantt] = "素材"
        K.press(.character("/"), .enter, in: &state)
        #expect(state.filters[.gantt] == nil)
    }

    @Test func escClearsTheFilterBeforeItUnzooms() {
        var state = ganttState()
        state.filters[.gantt] = "素材"
        K.press(.character("z"), .escape, in: &state)
        #expect(state.filters[.gantt] == nil)
        #expect(state.zoomed)
        K.press(.escape, in: &state)
        #expect(!state.zoomed)
    }

    @Test func aFilterThatMatchesNothingSaysSoAndKeysActOnNothing() {
        var state = ganttState()
        K.press(.character("/"), in: &state)
        K.type("xyz", in: &state)
        K.press(.enter, in: &state)
        #expect(state.message == "no rows match /xyz")
        #expect(K.screen(state).contains("no rows match /xyz"))
        let before = state.editor?.document.text
        #expect(K.press(.character("L"), .character("x"), in: &state).isEmpty)
        #expect(state.message == "no task selected")
        #expect(state.editor?.document.text == before)
        // Cleared, the selection is where it was.
        K.press(.escape, in: &state)
        #expect(K.selectedTask(state) == "kickoff")
    }

    @Test func otherPanesFilterTheirOwnRows() throws {
        var state = GoldenScreenTests.demoState
        state.data.anomalies += [
            .init(id: 2, openedAt: "04-10 09:00", title: "CPA 30% over benchmark", scope: "search", severity: "critical",
                  status: .resolved, owner: "李雷", recovered: false, detail: []),
        ]
        // Segments: id or name.
        state.filters[.segments] = "LAPSED"
        #expect(state.visibleRows(.segments).map { state.segmentRows[$0].id } == ["lapsed"])
        state.filters[.segments] = "潜力"
        #expect(state.visibleRows(.segments).map { state.segmentRows[$0].id } == ["rising"])
        // KPIs: the row key.
        let douyin = try #require(state.data.channelRows.firstIndex { $0.key.lowercased().contains("douyin") })
        state.filters[.kpis] = "DOUYIN"
        #expect(state.visibleRows(.kpis) == [douyin])
        // Anomalies: title, scope, owner, status.
        for (filter, ids) in [("ctr", [1]), ("SEARCH", [2]), ("李雷", [2]), ("resolved", [2]), ("推广组", [1])] {
            state.filters[.anomalies] = filter
            #expect(state.visibleRows(.anomalies).map { state.data.anomalies[$0].id } == ids.map(Int64.init), "\(filter)")
        }
        let screen = K.screen(state, columns: 120, rows: 40)
        #expect(screen.contains("1 Segments · /潜力"))
        #expect(screen.contains("3 KPIs · /DOUYIN · per channel"))
        #expect(screen.contains("4 Anomaly log · /推广组"))
    }

    @Test func newDataKeepsTheSelectionOnAVisibleRow() {
        var state = K.editableDemo()
        func anomaly(_ id: Int64, _ scope: String) -> DashboardSnapshot.AnomalyRow {
            .init(id: id, openedAt: "04-10 09:00", title: "CTR below 1%", scope: scope, severity: "warning",
                  status: .open, owner: nil, recovered: false, detail: [])
        }
        var data = DashboardSnapshot()
        data.anomalies = [anomaly(3, "douyin"), anomaly(2, "search"), anomaly(1, "douyin")]
        _ = DeckUpdate.apply(.data(data), to: &state)
        K.press(.character("4"), .character("/"), in: &state)
        K.type("douyin", in: &state)
        K.press(.enter, .character("j"), in: &state)
        #expect(state.data.anomalies[state.selected(.anomalies)].id == 1)
        // A newer anomaly arrives on top: the same rows are shown, shifted down.
        data.anomalies.insert(anomaly(4, "search"), at: 0)
        _ = DeckUpdate.apply(.data(data), to: &state)
        #expect(state.visibleRows(.anomalies) == [1, 3])
        #expect(state.data.anomalies[state.selected(.anomalies)].id == 1)
    }

    @Test func filterCommandDoesWhatSlashDoes() {
        var typed = ganttState(), commanded = ganttState()
        K.press(.character("/"), in: &typed)
        K.type("素材", in: &typed)
        K.press(.enter, in: &typed)
        K.command("filter 素材", in: &commanded)
        #expect(commanded.filters == typed.filters)
        #expect(commanded.selection == typed.selection)
        K.command("filter", in: &commanded)
        #expect(commanded.filters.isEmpty)
    }
}
