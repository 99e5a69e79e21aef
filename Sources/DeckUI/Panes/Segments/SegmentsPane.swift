import CampaignCore

/// Segments: size, share, budget share, goal progress and key KPIs.
enum SegmentsPane {
    static func draw(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        let frame = PaneFrame(.segments, in: rect, focused: state.focus == .segments, filter: state.filter(for: .segments),
                              grid: &grid)
        let rows = state.segmentRows
        let shown = state.visibleRows(.segments)
        let wide = frame.inner.width >= 64
        let narrow = frame.inner.width < 50
        let fixed = wide ? [7, 6, 6, 14, 6, 6] : (narrow ? [5, 5, 12] : [5, 5, 5, 12])
        let nameWidth = max(6, frame.inner.width - fixed.reduce(0, +) - fixed.count)
        let alignments: [DisplayWidth.Alignment] = [.leading] + fixed.indices.map { index in
            index == fixed.count - (wide ? 3 : 1) ? .leading : .trailing
        }
        let columns = Columns(widths: [nameWidth] + fixed, alignments: alignments)
        let header = wide ? ["SEGMENT", "SIZE", "SHARE", "BUDGET", "GOAL", "CVR", "ROI"]
                          : (narrow ? ["SEGMENT", "SIZE", "SHARE", "GOAL"] : ["SEGMENT", "SIZE", "SHARE", "BUDG", "GOAL"])
        frame.put(columns.cells(header), row: 0, style: Style(.muted, attributes: .bold), grid: &grid)
        let visible = frame.inner.height - 1
        let selected = state.visibleSelection(.segments)
        let first = PaneFrame.scrollOffset(selected: selected.flatMap(shown.firstIndex) ?? 0, count: shown.count,
                                           visibleRows: visible)
        for (offset, index) in shown.dropFirst(first).prefix(visible).enumerated() {
            let row = rows[index]
            var cells = [row.name, row.customers.map { Cells.compact(Double($0)) } ?? "–",
                         Cells.percent(row.share, decimals: 0)]
            if !narrow { cells.append(Cells.percent(row.budgetShare, decimals: 0)) }
            cells.append(goalBar(row.goalProgress, width: wide ? 14 : 12))
            if wide { cells += [Cells.percent(row.values?.cvr), Cells.number(row.values?.roi)] }
            frame.put(columns.cells(cells), row: offset + 1, grid: &grid)
            if index == selected && state.focus == .segments { frame.highlight(row: offset + 1, grid: &grid) }
        }
        if rows.isEmpty {
            frame.put("no segments in this plan", row: 1, style: Style(.muted), grid: &grid)
        } else if shown.isEmpty, let filter = state.filter(for: .segments) {
            frame.put(PaneFrame.noMatch(filter), row: 1, style: Style(.muted), grid: &grid)
        }
    }

    /// `███▌░░░░ 45%`: progress toward the goal (actual / target).
    static func goalBar(_ progress: Double?, width: Int) -> String {
        guard let progress else { return "–" }
        let label = " " + Formatting.fixed(min(progress, 9.99) * 100, decimals: 0) + "%"
        let barWidth = max(1, width - label.count)
        let filled = Int((min(max(progress, 0), 1) * Double(barWidth)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled) + label
    }
}
