import CampaignCore
@testable import DeckUI
import Foundation
import Testing

/// The Gantt as a person first sees it, read off the rendered cells.
///
/// The demo's schedule, worked by hand from its plan: kickoff on 2026-03-02
/// (the campaign start, axis offset 0); the last task, the `close`
/// milestone, on 05-05 (offset 30 + 30 + 4 = 64). So the plan is 65 days.
///
/// Gantt geometry (DeckLayout): under 160 columns the Gantt is the bottom
/// left pane, columns / 2 wide; from 160 it is the top right pane, columns
/// minus max(44, 3/10 of the columns) wide. Inside its border the names take
/// min(20, max(10, inner / 3)) columns, a space, then the axis.
struct GanttGeometry {
    let pane: Rect
    var inner: Rect { pane.inset(by: 1) }
    var nameWidth: Int { min(20, max(10, inner.width / 3)) }
    var axisColumn: Int { inner.column + nameWidth + 1 }
    var axisWidth: Int { inner.width - nameWidth - 1 }

    /// Where the renderer puts the Gantt for `state` (pane heights follow their rows).
    init(_ state: DeckState, columns: Int, rows: Int) {
        let wanted = Dictionary(uniqueKeysWithValues: Pane.allCases.map { ($0, $0.unit.wantedHeight(state)) })
        pane = DeckLayout(columns: columns, rows: rows, zoomed: nil, wanted: wanted).panes[.gantt]!
    }

    /// The scalars of one grid row across the axis.
    func axis(_ grid: CellGrid, row: Int) -> String {
        String(String.UnicodeScalarView((axisColumn..<axisColumn + axisWidth).map { grid[row, $0].scalar }))
    }

    /// The grid row whose name column shows `name`, nil when the task is not listed.
    func row(of name: String, _ grid: CellGrid) -> Int? {
        (inner.row..<inner.row + inner.height).first { row in
            (inner.column..<axisColumn).map { grid[row, $0].text }.joined().contains(name)
        }
    }

    /// Axis columns (0-based) on a task's row that show its bar or milestone.
    func barColumns(of name: String, _ grid: CellGrid) -> [Int] {
        guard let row = row(of: name, grid) else { return [] }
        return Array(axis(grid, row: row).unicodeScalars.enumerated().filter { "█▒◆".unicodeScalars.contains($0.element) }.map(\.offset))
    }
}

@Suite struct GanttOpeningTests {
    static let start = Day(year: 2026, month: 3, day: 2)

    /// The demo, Gantt focused, on `today`, measured at the size it is drawn at.
    func demo(today: Day?, columns: Int, rows: Int, editable: Bool = false) -> DeckState {
        var state = editable ? KeyTyping.editableDemo() : GoldenScreenTests.demoState
        state.data.today = today
        _ = DeckUpdate.apply(.resize(columns: columns, rows: rows), to: &state)
        KeyTyping.press(.character("2"), in: &state)
        return state
    }

    @Test func aCampaignThatFitsIsShownWholeWithTodayInside() {
        // 200 columns: the Gantt is 200 - 60 = 140 wide, 138 inside, names 20,
        // axis 117 columns: the 65 days fit. Today 04-09 is offset 38.
        let today = Day(year: 2026, month: 4, day: 9)
        let state = demo(today: today, columns: 200, rows: 60)
        let grid = DeckRenderer.render(state, columns: 200, rows: 60)
        let gantt = GanttGeometry(state, columns: 200, rows: 60)
        #expect(gantt.axisWidth == 117)
        // The first label is the campaign start, in the first axis column.
        #expect(gantt.axis(grid, row: gantt.inner.row).hasPrefix("03-02"))
        // kickoff (03-02) is in column 0, the close milestone (05-05) in column 64.
        #expect(gantt.barColumns(of: "项目启动会", grid) == [0])
        #expect(gantt.barColumns(of: "项目结项", grid) == [64])
        // Today's line in column 38, on the blank phase heading row of 筹备期.
        let phaseRow = try! #require(gantt.row(of: "筹备期", grid))
        #expect(grid[phaseRow, gantt.axisColumn + 38].scalar == "│")
    }

    @Test func aCampaignTooLongForThePaneStartsAWeekBeforeToday() {
        // 80 columns: the Gantt is 40 wide, 38 inside, names 12, axis 25 columns
        // (25 days of 65). Today 04-09 (offset 38): the chart starts a week before, on 04-02.
        let state = demo(today: Day(year: 2026, month: 4, day: 9), columns: 80, rows: 24)
        let grid = DeckRenderer.render(state, columns: 80, rows: 24)
        let gantt = GanttGeometry(state, columns: 80, rows: 24)
        #expect(gantt.axisWidth == 25)
        // Labels every week from the campaign start: 04-06 is offset 35, column 35 - 31 = 4.
        #expect(gantt.axis(grid, row: gantt.inner.row).hasPrefix("    04-06  04-13"))
    }

    @Test func afterTheCampaignTheChartEndsWithItInsteadOfShowingBlankWeeks() {
        // --snapshot of the demo ends on 05-11, six days after the end. 120
        // columns: the Gantt is 60 wide, 58 inside, names 19, axis 38 columns.
        // The last day (offset 64) goes in the last column: the chart starts at
        // offset 64 - 38 + 1 = 27, 03-29.
        var state = demo(today: Day(year: 2026, month: 5, day: 11), columns: 120, rows: 40)
        // The last task selected, so the last rows are on screen (15 of 23 lines fit).
        state.selection[.gantt] = state.plan.tasks.count - 1
        let grid = DeckRenderer.render(state, columns: 120, rows: 40)
        let gantt = GanttGeometry(state, columns: 120, rows: 40)
        #expect(gantt.axisWidth == 38)
        #expect(gantt.barColumns(of: "项目结项", grid) == [37])
        // data-review 04-27..05-01: offsets 56..60, columns 29..33.
        #expect(gantt.barColumns(of: "数据复盘", grid) == Array(29...33))
        // The first label: 03-30 (offset 28) in column 1.
        #expect(gantt.axis(grid, row: gantt.inner.row).hasPrefix(" 03-30  04-06"))
    }

    @Test func theWeekAxisLabelsAreWholeAndApartAtEveryWidth() {
        // Whatever the width, scrolled or not, each label on the axis is a whole
        // `MM-DD` with a space on each side, at six-week intervals.
        for columns in 80...200 {
            for keys in ["[", "[l", "[ll", "[h", "l[", "[l]"] {
                var state = demo(today: Day(year: 2026, month: 3, day: 20), columns: columns, rows: 40)
                KeyTyping.type(keys, in: &state)
                let grid = DeckRenderer.render(state, columns: columns, rows: 40)
                let gantt = GanttGeometry(state, columns: columns, rows: 40)
                // Today's line crosses the axis row where it is blank.
                let axis = gantt.axis(grid, row: gantt.inner.row).replacingOccurrences(of: "│", with: " ")
                let labels = axis.split(separator: " ")
                #expect(!labels.isEmpty, "\(columns) columns, keys \(keys): no labels")
                for label in labels {
                    #expect(label.count == 5 && Day(iso: "2026-" + label) != nil,
                            "\(columns) columns, keys \(keys): '\(label)' in '\(axis)'")
                }
            }
        }
    }

    @Test func zoomingInAfterScrollingTheWeekAxisStillShowsThePlan() {
        // On the week axis at 120 columns (38 columns, 266 days) the whole plan fits;
        // scrolling later cannot leave it, and `]` keeps the first day, offset 0.
        var state = demo(today: Day(year: 2026, month: 3, day: 20), columns: 120, rows: 40)
        KeyTyping.type("[lll", in: &state)
        #expect(state.message == "the chart already ends with the plan")
        KeyTyping.type("]", in: &state)
        let grid = DeckRenderer.render(state, columns: 120, rows: 40)
        let gantt = GanttGeometry(state, columns: 120, rows: 40)
        #expect(gantt.axis(grid, row: gantt.inner.row).hasPrefix("03-02  03-09"))
        #expect(gantt.barColumns(of: "项目启动会", grid) == [0])
    }

    @Test func movingATaskOffTheScreenScrollsToIt() throws {
        // 80×24: 25 axis days. Today 03-05: the chart shows offsets 0..24
        // (03-02..03-26). warmup (会员预热与裂变) runs 03-16..03-22 (offsets 14..20).
        var state = demo(today: Day(year: 2026, month: 3, day: 5), columns: 80, rows: 24, editable: true)
        let warmup = try #require(state.plan.tasks.firstIndex { $0.id == "warmup" })
        state.selection[.gantt] = warmup
        let gantt = GanttGeometry(state, columns: 80, rows: 24)
        #expect(gantt.barColumns(of: "会员预热", DeckRenderer.render(state, columns: 80, rows: 24)) == Array(14...20))
        // A week later: 03-23..03-29 (offsets 21..27), past the right edge (24).
        // The chart scrolls to three days before it: offset 18, so columns 3..9.
        KeyTyping.press(.shiftRight, in: &state)
        #expect(state.gantt.offset == 18)
        #expect(gantt.barColumns(of: "会员预热", DeckRenderer.render(state, columns: 80, rows: 24)) == Array(3...9))
        // A day earlier keeps it in view: the chart does not move.
        KeyTyping.press(.character("H"), in: &state)
        #expect(state.gantt.offset == 18)
        #expect(gantt.barColumns(of: "会员预热", DeckRenderer.render(state, columns: 80, rows: 24)) == Array(2...8))
    }
}
