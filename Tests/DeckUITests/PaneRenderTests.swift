import CampaignCore
@testable import DeckUI
import Testing

/// Each pane drawn into the cell grid, checked cell by cell where the golden
/// text cannot see: styles, marks, and where a column starts. The positions
/// are worked out from the 80×24 layout, where each pane is as tall as its
/// rows need: on the left, Segments (2 segments: box, header, 2 rows = 5 rows,
/// grid rows 1-5) over the Gantt (rows 6-22); on the right, KPIs over the
/// anomaly log, split the same way. Each pane has a one-cell border, so its
/// inner area starts one row and one column in.
@Suite struct PaneRenderTests {
    /// Two tasks in one phase: a (4 days from Monday 2026-03-02, half done)
    /// and b after it (2 days, 03-06 and 03-07). Both are on the critical path.
    static let planText = """
    campaign: { id: t, name: Test, timezone: UTC, start: 2026-03-02, budget: 1000 }
    channels:
      - { id: web, name: Web, kind: paid, budget: 1000 }
    segments:
      - { id: vip, name: VIP, rule: frequency >= 3, budget_share: 0.6 }
      - { id: new, name: New, rule: frequency == 1, budget_share: 0.4 }
    phases:
      - { id: prep, name: Prep, weeks: 1-2 }
    tasks:
      - { id: a, name: Alpha, phase: prep, owner: Ann, start: 2026-03-02, days: 4, progress: 0.5 }
      - { id: b, name: Beta, phase: prep, owner: Bo, after: [a], days: 2 }

    """

    /// Today is 03-06: a (due 03-05, half done) is late, b is under way. The
    /// chart is scrolled to the campaign start, so day d is axis column d.
    func state(focus: Pane) throws -> DeckState {
        let plan = try #require(PlanLoader.load(yaml: Self.planText).plan)
        var state = DeckState(plan: plan, schedule: try Schedule(computing: PlanScheduling.input(for: plan)))
        state.data.today = Day(year: 2026, month: 3, day: 6)
        state.gantt.followsToday = false
        state.gantt.offset = 0
        state.focus = focus
        return state
    }

    func render(_ state: DeckState) -> CellGrid { DeckRenderer.render(state, columns: 80, rows: 24) }

    func text(_ grid: CellGrid, row: Int, column: Int, count: Int) -> String {
        String(String.UnicodeScalarView((column..<column + count).map { grid[row, $0].scalar }))
    }

    // MARK: Gantt: inner area from row 7, column 1, 38 wide, down to row 21. Names take
    // min(20, max(10, 38 / 3)) = 12 columns, so the axis starts at column 1 + 13 = 14.

    @Test func theGanttMarksLateAndCriticalTasksAndToday() throws {
        let grid = render(try state(focus: .segments))
        #expect(text(grid, row: 7, column: 14, count: 5) == "03-02", "the first label at the campaign start")
        #expect(text(grid, row: 7, column: 21, count: 5) == "03-09", "a label a week (7 columns) later")
        #expect(text(grid, row: 8, column: 1, count: 6) == "▸ Prep")
        // a is late (due 03-05, today 03-06): "!" and the late role, however critical it is.
        #expect(grid[9, 1].scalar == "!")
        #expect(grid[9, 1].style == Style(.late))
        #expect(text(grid, row: 9, column: 2, count: 5) == "Alpha")
        // Its bar covers columns 0-3; half of 4 days is done: 2 filled cells.
        #expect(text(grid, row: 9, column: 14, count: 4) == "██▒▒")
        #expect(grid[9, 14].style == Style(.ganttProgress))
        #expect(grid[9, 16].style == Style(.late))
        // b is critical, not late: a star, its bar on 03-06 and 03-07 (columns 4-5).
        #expect(grid[10, 1].scalar == "★")
        #expect(grid[10, 2].style == Style(.criticalPath))
        #expect(text(grid, row: 10, column: 18, count: 2) == "▒▒")
        // Today (column 4 = grid column 18) is drawn only where the row is blank.
        #expect(grid[9, 18].scalar == "│")
        #expect(grid[9, 18].style == Style(.today, attributes: .bold))
        #expect(grid[8, 18].scalar == "│")
        #expect(grid[10, 18].scalar == "▒", "a bar is not overdrawn by the today line")
        // The footer (the inner area's last row) describes the selected task.
        #expect(text(grid, row: 21, column: 1, count: 38) == "a: 2026-03-02→2026-03-05 float 0d · An…"
                || text(grid, row: 21, column: 1, count: 37) == "a: 2026-03-02→2026-03-05 float 0d · A")
    }

    @Test func theFocusedGanttHighlightsTheSelectedTaskAndPointsAtWhatItWaitsFor() throws {
        var state = try state(focus: .gantt)
        state.selection[.gantt] = 1
        let grid = render(state)
        #expect(grid[6, 0].scalar == "┏", "the focused pane's border is heavy")
        #expect(text(grid, row: 6, column: 3, count: 14) == "2 Gantt · days")
        // The selected row (b) is reversed and bold across the whole inner width, each
        // cell keeping its own role (b is critical: its star, name and bar), and
        // the left border points at it.
        #expect(grid[10, 0].scalar == "▶")
        #expect(grid[10, 0].style == Style(.selection, attributes: .bold))
        #expect(grid[10, 1].scalar == "★")
        #expect(grid[10, 1].style == Style(.criticalPath, attributes: [.reverse, .bold]))
        #expect(grid[10, 2].style == Style(.criticalPath, attributes: [.reverse, .bold]))
        #expect(grid[10, 18].scalar == "▒")
        #expect(grid[10, 18].style == Style(.criticalPath, attributes: [.reverse, .bold]))
        #expect(grid[10, 38].style.attributes == [.reverse, .bold], "blank cells too")
        #expect(grid[10, 39].scalar == "┃", "the right border is not part of the row")
        #expect(!grid[10, 39].style.attributes.contains(.reverse))
        // a is what b waits for: its mark becomes an arrow, even though it is late.
        #expect(grid[9, 1].scalar == "←")
        #expect(text(grid, row: 21, column: 1, count: 36) == "b: 2026-03-06→2026-03-07 float 0d · ")
    }

    @Test func theWeekAxisPutsSevenDaysInAColumnAndKeepsItsLabelsApart() throws {
        var state = try state(focus: .gantt)
        state.gantt.scale = .weeks
        let grid = render(state)
        #expect(text(grid, row: 6, column: 3, count: 15) == "2 Gantt · weeks")
        // A label is five characters, so labels go six columns (six weeks) apart:
        // 03-02 at column 0, 04-13 (42 days later) at column 6, a space between.
        #expect(text(grid, row: 7, column: 14, count: 11) == "03-02 04-13")
        // a (03-02 to 03-05) and b (03-06, 03-07) both fall in the first week's
        // column; a's half is less than its one column, so none of it is filled.
        #expect(grid[9, 14].scalar == "▒")
        #expect(grid[10, 14].scalar == "▒")
        #expect(grid[9, 15].scalar == " ")
        // Today (03-06) is in column 0 too: only the blank phase row shows the line there.
        #expect(grid[8, 14].scalar == "│")
    }

    // MARK: Segments: inner area from row 2, column 1, 38 wide (narrow: under
    // 50). Columns: the name gets 38 - (5 + 5 + 14) - 3 = 11, then SIZE (5,
    // right-aligned) from column 13, SHARE (5) from 19, GOAL (14) from 25.

    @Test func theSegmentsTableLinesUpItsColumnsAndHighlightsTheSelection() throws {
        let grid = render(try state(focus: .segments))
        #expect(grid[1, 0].scalar == "┏")
        #expect(text(grid, row: 2, column: 1, count: 7) == "SEGMENT")
        #expect(text(grid, row: 2, column: 14, count: 4) == "SIZE", "right-aligned in columns 13-17")
        #expect(text(grid, row: 2, column: 19, count: 5) == "SHARE")
        #expect(text(grid, row: 2, column: 25, count: 4) == "GOAL")
        #expect(grid[2, 1].style == Style(.muted, attributes: .bold))
        // Before the stream sizes them, the plan's segments are listed with dashes.
        #expect(text(grid, row: 3, column: 1, count: 3) == "VIP")
        #expect(grid[3, 17].scalar == "–")
        #expect(grid[3, 0].scalar == "▶")
        #expect(grid[3, 1].style == Style(.text, attributes: [.reverse, .bold]))
        #expect(grid[3, 38].style.attributes == [.reverse, .bold])
        #expect(text(grid, row: 4, column: 1, count: 3) == "New")
        #expect(grid[4, 1].style == Style(.text))
    }

    @Test func aFilterThatHidesEveryRowSaysSoInThePaneAndItsTitle() throws {
        var state = try state(focus: .segments)
        state.filters[.segments] = "zzz"
        let grid = render(state)
        #expect(text(grid, row: 1, column: 3, count: 17) == "1 Segments · /zzz")
        #expect(text(grid, row: 3, column: 1, count: 20) == "no rows match /zzz  " || text(grid, row: 3, column: 1, count: 18) == "no rows match /zzz")
        #expect(grid[3, 1].style == Style(.muted))
    }

    // MARK: KPIs: inner area from row 2, column 41, 38 wide (narrow):
    // KEY (10), CTR (6), CPA (5), STATE (10), one space apart, so STATE starts
    // at 41 + 10 + 1 + 6 + 1 + 5 + 1 = 65.

    @Test func theKPIPaneWaitsForEventsUnderItsHeader() throws {
        let grid = render(try state(focus: .segments))
        #expect(grid[1, 40].scalar == "┌", "an unfocused pane's border is light")
        #expect(text(grid, row: 1, column: 43, count: 20) == "3 KPIs · per channel")
        #expect(text(grid, row: 2, column: 41, count: 3) == "KEY")
        #expect(text(grid, row: 2, column: 55, count: 3) == "CTR")
        #expect(text(grid, row: 2, column: 61, count: 3) == "CPA")
        #expect(text(grid, row: 2, column: 65, count: 5) == "STATE")
        #expect(text(grid, row: 3, column: 41, count: 19) == "waiting for events…")
    }

    @Test func aKPIStateIsASymbolAndAWordInItsOwnRole() {
        // The demo at 80×24: wechat (the third channel row, grid row 5) is ok,
        // douyin (row 3) has no data yet.
        let grid = DeckRenderer.render(GoldenScreenTests.demoState, columns: 80, rows: 24)
        #expect(text(grid, row: 5, column: 41, count: 6) == "wechat")
        #expect(text(grid, row: 5, column: 65, count: 4) == "✓ ok")
        #expect(grid[5, 65].style == Style(.ok))
        #expect(text(grid, row: 3, column: 65, count: 9) == "· no data")
        #expect(grid[3, 65].style == Style(.noData))
    }

    // MARK: Anomaly log: KPIs without data want box, header and one line (rows
    // 1-4), so the log's box starts at row 5 and its inner area at row 6,
    // column 41, 38 columns wide. STATUS keeps its 13 columns
    // (`acknowledged↺`); OPENED gives way: # (1) at 41, WHAT from 43
    // (38 − 1 − 13 − 6 − 3 spaces = 15), STATUS from 59, OWNER (6) from 73.

    @Test func theAnomalyLogColoursEachStatusAndMarksARecoveredOne() throws {
        var state = try state(focus: .segments)
        state.data.anomalies = [
            .init(id: 7, openedAt: "03-06 09:00", title: "CTR low", scope: "web", severity: "warning",
                  status: .open, owner: nil, recovered: true, detail: []),
            .init(id: 3, openedAt: "03-05 10:00", title: "CPA high", scope: "web", severity: "critical",
                  status: .resolved, owner: "Ann", recovered: false, detail: []),
            .init(id: 2, openedAt: "03-04 10:00", title: "DAU low", scope: "total", severity: "warning",
                  status: .acknowledged, owner: "Bo", recovered: true, detail: []),
        ]
        let grid = render(state)
        #expect(text(grid, row: 5, column: 43, count: 22) == "4 Anomaly log · 2 open")
        #expect(grid[6, 41].scalar == "#")
        #expect(text(grid, row: 6, column: 43, count: 4) == "WHAT")
        #expect(text(grid, row: 6, column: 59, count: 6) == "STATUS")
        #expect(text(grid, row: 6, column: 73, count: 5) == "OWNER")
        // Open but recovered: the pending role and a ↺ after the status.
        #expect(grid[7, 41].scalar == "7")
        #expect(text(grid, row: 7, column: 43, count: 13) == "CTR low [web]")
        #expect(text(grid, row: 7, column: 59, count: 5) == "open↺")
        #expect(grid[7, 59].style == Style(.pending))
        // Resolved: muted, no mark.
        #expect(text(grid, row: 8, column: 59, count: 8) == "resolved")
        #expect(grid[8, 59].style == Style(.muted))
        #expect(text(grid, row: 8, column: 73, count: 3) == "Ann")
        // The longest status, whole.
        #expect(text(grid, row: 9, column: 59, count: 13) == "acknowledged↺")
        #expect(text(grid, row: 9, column: 73, count: 2) == "Bo")
    }
}
