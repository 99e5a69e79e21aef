import CampaignCore
@testable import DeckUI
import Testing

/// Enter on a Gantt task, and what the pane marks around the selected task.
///
/// The demo's dates, worked by hand from its plan (finish = start + days - 1,
/// a successor from the next day): kickoff 03-02; segment-analysis
/// 03-03..03-06; creative-brief 03-07..03-08; asset-production 03-09..03-12;
/// asset-review 03-13..03-14; launch-event pinned to 03-16, so asset-review
/// may finish as late as 03-15 (float 1) and asset-production by 03-13
/// (late start 03-10, float 1). warmup 03-16..03-22, community-ops
/// 03-23..04-26; creative pinned to 03-23, 35 days to 04-26; data-review
/// waits for both: 04-27..05-01; final-report 05-02..05-04; close 05-05.
@Suite struct TaskCardTests {
    typealias K = KeyTyping

    /// The demo (data through 03-03), Gantt focused, `task` selected.
    func demo(selecting task: String) throws -> DeckState {
        var state = GoldenScreenTests.demoState
        K.press(.character("2"), in: &state)
        let index: Int = try #require(state.plan.tasks.firstIndex { $0.id == task })
        state.selection[.gantt] = index
        return state
    }

    @Test func enterOpensTheSelectedTasksCardAndEscClosesIt() throws {
        var state = try demo(selecting: "asset-production")
        K.press(.enter, in: &state)
        #expect(state.overlay == .taskCard(task: "asset-production"))
        let lines = TaskCard.lines(state, taskID: "asset-production").map(\.0)
        #expect(lines == [
            "素材制作 (asset-production)",
            "Phase: 筹备期",
            "Dates: 2026-03-09 → 2026-03-12 (4 days)",
            "Float: 1 day (may start as late as 2026-03-10, finish by 2026-03-13)",
            "Owner: 设计组",
            "Waits for:",
            "  ← creative-brief 创意简报, finishes 2026-03-08",
            "Waited for by:",
            "  → asset-review 素材审核, starts 2026-03-13",
            "Risk: 素材返工",
            "Mitigation: 提前确认视觉规范",
            // The line's name and its amount from budget_lines.
            "Budget: 60,000 CNY · line 线上推广 (online, 600,000 CNY)",
            "Progress: 100%",
            "Esc closes",
        ])
        let screen = K.screen(state)
        #expect(screen.contains("╭─ Task"))
        #expect(screen.contains("Waited for by:"))
        K.press(.escape, in: &state)
        #expect(state.overlay == nil)
        #expect(!K.screen(state).contains("Waited for by:"))
    }

    @Test func aCriticalTaskOnTwoChainsListsBoth() throws {
        var state = try demo(selecting: "data-review")
        K.press(.enter, in: &state)
        let lines = TaskCard.lines(state, taskID: "data-review").map(\.0)
        #expect(lines.contains("Dates: 2026-04-27 → 2026-05-01 (5 days)"))
        #expect(lines.contains("Float: 0 days, on the critical path (any slip moves the end)"))
        // community-ops follows warmup, which follows launch-event; creative is
        // pinned (asset-review allows it far earlier), so its chain starts with it.
        #expect(lines.contains("Critical path 1/2: launch-event → warmup → community-ops → data-review → final-report → close"))
        #expect(lines.contains("Critical path 2/2: creative → data-review → final-report → close"))
        // It waits for four tasks; final-report waits for it.
        #expect(lines.contains("  ← creative 线上推广素材投放, finishes 2026-04-26"))
        #expect(lines.contains("  ← kol-seeding 小红书达人种草, finishes 2026-04-19"))
        #expect(lines.contains("  → final-report 结案报告, starts 2026-05-02"))
        #expect(!lines.contains { $0.hasPrefix("Budget") }, "a task with no budget and no line shows none")
    }

    @Test func jAndKGoOnToTheNextTasksCard() throws {
        var state = try demo(selecting: "asset-production")
        K.press(.enter, in: &state)
        K.press(.character("j"), in: &state)
        #expect(state.overlay == .taskCard(task: "asset-review"))
        K.press(.character("k"), .character("k"), in: &state)
        #expect(state.overlay == .taskCard(task: "creative-brief"))
    }

    @Test func aLateTaskSaysByHowMuch() throws {
        var state = try demo(selecting: "creative")
        // creative ends 04-26 at 40 %: on 04-29 it is three days late.
        state.data.today = Day(year: 2026, month: 4, day: 29)
        #expect(TaskCard.lines(state, taskID: "creative").map(\.0).contains("Progress: 40% · late by 3 days"))
    }

    @Test func theSelectedTaskMarksWhatItWaitsForAndWhatWaitsForIt() throws {
        // asset-review waits for asset-production; launch-event, creative and
        // kol-seeding wait for it. At 200×60 the Gantt lists every task.
        let state = try demo(selecting: "asset-review")
        let grid = DeckRenderer.render(state, columns: 200, rows: 60)
        let gantt = GanttGeometry(state, columns: 200, rows: 60)
        func mark(_ name: String) throws -> String {
            let row = try #require(gantt.row(of: name, grid))
            return grid[row, gantt.inner.column].text
        }
        #expect(try mark("素材制作") == "←")
        #expect(try mark("活动上线") == "→")
        #expect(try mark("线上推广素材投放") == "→")
        #expect(try mark("小红书达人种草") == "→")
        // Neither: a critical task keeps its star, a plain one its blank.
        #expect(try mark("会员预热与裂变") == "★")
        #expect(try mark("创意简报") == " ")
    }

    @Test func theHelpExplainsTheMarks() throws {
        var state = try demo(selecting: "asset-review")
        _ = DeckUpdate.apply(.resize(columns: 200, rows: 60), to: &state)
        // The symbols are at the end of the help (G).
        K.press(.character("?"), .character("G"), in: &state)
        let screen = K.screen(state, columns: 200, rows: 60)
        #expect(screen.contains("the selected task waits for this one"))
        #expect(screen.contains("this task waits for the selected one"))
        #expect(screen.contains("the bar is off screen, earlier / later"))
    }

    @Test func theHeaderCountsTheScheduleDays() {
        // Data through 03-03: day 2 of 03-02..05-05, 65 days (the phases' ten weeks would say 70).
        #expect(K.screen(GoldenScreenTests.demoState).contains("day 2/65"))
    }
}
