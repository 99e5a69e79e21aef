import CampaignText
import CampaignCore

/// Segments: size, share, budget share, goal progress and key KPIs; zoomed
/// wide, the lifecycle stage most members are in and the average CLV. The
/// GOAL column shows the goal furthest behind, named; Enter lists every goal
/// and the segment's portrait.
enum SegmentsPane {
    static func draw(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        let frame = PaneFrame(.segments, in: rect, focused: state.focus == .segments, filter: state.filter(for: .segments),
                              grid: &grid)
        let rows = state.segmentRows
        let shown = state.visibleRows(.segments)
        let table = Table(width: frame.inner.width)
        let (wide, narrow, fixed, columns) = (table.wide, table.narrow, table.fixed, table.columns)
        let goalColumn = fixed.count - (table.extraWide ? 5 : wide ? 3 : 1)
        let marked = zip(table.header, columns.widths).map { state.markedHead($0, width: $1, .segments) }
        frame.put(columns.cells(marked), row: 0, style: Style(.muted, attributes: .bold), grid: &grid)
        let selected = state.visibleSelection(.segments)
        for (offset, index) in frame.tableRows(shown, selected: selected, top: state.scrollTops[.segments]) {
            let row = rows[index]
            var cells = [row.name, row.customers.map { Cells.compact(Double($0)) } ?? "–",
                         Cells.percent(row.share, decimals: 0)]
            if !narrow { cells.append(Cells.percent(row.budgetShare, decimals: 0)) }
            cells.append(goalCell(row.goals, width: fixed[goalColumn]))
            if wide { cells += [Cells.percent(row.values?.cvr), Cells.number(row.values?.roi)] }
            if table.extraWide {
                let portrait = state.data.portraits[row.id]
                cells += [portrait.map(lifecycleCell) ?? "–", portrait?.averageCLV.map { Cells.compact($0) } ?? "–"]
            }
            frame.put(columns.cells(cells), row: offset + 1, grid: &grid)
            if index == selected && state.focus == .segments { frame.highlight(row: offset + 1, grid: &grid) }
        }
        if rows.isEmpty {
            frame.put(Phrase.segmentsNone.text(), row: 1, style: Style(.muted), grid: &grid)
        } else if shown.isEmpty, let filter = state.filter(for: .segments) {
            frame.put(PaneFrame.noMatch(filter), row: 1, style: Style(.muted), grid: &grid)
        }
    }

    /// The stage most members are in, with its share: `活跃客 45%`.
    static func lifecycleCell(_ portrait: SegmentPortrait) -> String {
        guard portrait.customers > 0, let most = portrait.lifecycle.indices.max(by: { portrait.lifecycle[$0] < portrait.lifecycle[$1] })
        else { return "–" }
        return Lifecycle.allCases[most].spokenName + " " + Cells.percent(Double(portrait.lifecycle[most]) / Double(portrait.customers), decimals: 0)
    }

    /// The table's columns at an inner width: nine when zoomed wide, seven when wide, four when narrow.
    struct Table {
        let wide: Bool
        let extraWide: Bool
        let narrow: Bool
        /// Widths of the columns after the name.
        let fixed: [Int]
        let columns: Columns
        let header: [String]

        init(width: Int) {
            let wide = width >= 64, narrow = width < 50, extraWide = width >= 96
            let fixed = extraWide ? [7, 6, 6, 18, 6, 6, 11, 7] : wide ? [7, 6, 6, 18, 6, 6] : (narrow ? [5, 5, 14] : [5, 5, 5, 14])
            (self.wide, self.narrow, self.extraWide, self.fixed) = (wide, narrow, extraWide, fixed)
            let nameWidth = max(6, width - fixed.reduce(0, +) - fixed.count)
            let goalColumn = fixed.count - (extraWide ? 5 : wide ? 3 : 1)
            let alignments: [DisplayWidth.Alignment] = [.leading] + fixed.indices.map { index in
                index == goalColumn || index == fixed.count - 2 && extraWide ? .leading : .trailing
            }
            columns = Columns(widths: [nameWidth] + fixed, alignments: alignments)
            let (name, size, share, goal) = (Phrase.segmentHeadName.text(), Phrase.segmentHeadSize.text(),
                                             Phrase.segmentHeadShare.text(), Phrase.segmentHeadGoal.text())
            let header = wide ? [name, size, share, Phrase.segmentHeadBudget.text(), goal, "CVR", "ROI"]
                              : (narrow ? [name, size, share, goal] : [name, size, share, Phrase.segmentHeadBudgetShort.text(), goal])
            self.header = header + (extraWide ? [Phrase.segmentHeadLifecycle.text(), Phrase.segmentHeadCLV.text()] : [])
        }
    }

    /// The goal that most needs attention: the least achieved of those with
    /// data, else the first (no data yet).
    static func mostBehind(_ goals: [GoalProgress]) -> GoalProgress? {
        goals.filter { $0.achievement != nil }.min { $0.achievement! < $1.achievement! } ?? goals.first
    }

    /// `███░░  45% cvr`: the bar first and the percentage in a fixed width, so
    /// bars line up whatever the label; the metric says which goal it is.
    static func goalCell(_ goals: [GoalProgress], width: Int) -> String {
        guard let goal = mostBehind(goals) else { return "–" }
        // Five cells for the percentage, five for the metric (cut if longer):
        // the bar's width never depends on the label.
        let barWidth = max(3, width - 10)
        return goalBar(goal.achievement, width: barWidth) + " " + percentLabel(goal.achievement) + " " + goal.goal.spokenMetric
    }

    /// A bar of `width` cells filled by achievement (capped at full); blank
    /// when there is no achievement (no data, or too little volume to judge).
    static func goalBar(_ achievement: Double?, width: Int) -> String {
        guard let achievement else { return String(repeating: " ", count: width) }
        let filled = Int((min(max(achievement, 0), 1) * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// Four cells: `  1%`, ` 45%`, `100%`, `999+`, `   –`.
    static func percentLabel(_ achievement: Double?) -> String {
        guard let achievement else { return "   –" }
        let percent = Int((max(achievement, 0) * 100).rounded())
        let text = percent > 999 ? "999+" : "\(percent)%"
        return String(repeating: " ", count: max(0, 4 - text.count)) + text
    }
}
