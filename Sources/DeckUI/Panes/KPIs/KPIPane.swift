import CampaignCore

/// KPIs per channel or per segment: value with its Wilson interval, the
/// threshold, the state and a sparkline. A breach shows as a
/// symbol and a word, not colour alone.
enum KPIPane {
    static func draw(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        let byChannel = state.kpiGrouping == .channel
        let frame = PaneFrame(.kpis, in: rect, focused: state.focus == .kpis, filter: state.filter(for: .kpis),
                              subtitle: byChannel ? "per channel" : "per segment", grid: &grid)
        let rows = state.kpiRows
        let shown = state.visibleRows(.kpis)
        // Three widths of table; the state column always stays (it is what the pane is for).
        let wide = frame.inner.width >= 84
        let narrow = frame.inner.width < 50
        let keyWidth = narrow ? 10 : 11
        let columns = wide
            ? Columns(widths: [keyWidth, 14, 6, 6, 5, 7, 10, 9], alignments: [.leading, .leading, .trailing, .trailing, .trailing, .trailing, .leading, .leading])
            : narrow ? Columns(widths: [keyWidth, 6, 5, 10], alignments: [.leading, .trailing, .trailing, .leading])
            : Columns(widths: [keyWidth, 6, 5, 6, 4, 10], alignments: [.leading, .trailing, .trailing, .trailing, .trailing, .leading])
        let tableWidth = columns.widths.reduce(0, +) + columns.widths.count - 1
        let sparkWidth = max(0, frame.inner.width - tableWidth - 1)
        let header = wide ? ["KEY", "CTR (95% CI)", "CVR", "CPA", "ROI", "SPEND", "STATE", "THRESHOLD"]
                          : narrow ? ["KEY", "CTR", "CPA", "STATE"] : ["KEY", "CTR", "CPA", "SPEND", "ROI", "STATE"]
        frame.put(columns.cells(header) + (sparkWidth > 4 ? " CTR/h" : ""), row: 0,
                  style: Style(.muted, attributes: .bold), grid: &grid)
        let selected = state.visibleSelection(.kpis)
        for (offset, index) in frame.tableRows(shown, selected: selected) {
            let row = rows[index]
            let v = row.values
            let breached = row.alerts.filter { $0.state == .firing || $0.state == .pending }
            let worst = row.worstState
            func flag(_ metric: Metric, _ text: String) -> String {
                breached.contains { $0.metric == metric.name } ? text + "!" : text
            }
            var ctr = Cells.percent(v.ctr, decimals: 2)
            if wide, let interval = v.proportion(of: .ctr).flatMap({ WilsonInterval(successes: $0.successes, trials: $0.trials) }) {
                ctr += " ±" + Formatting.fixed((interval.upper - interval.lower) * 50, decimals: 2)
            }
            let spend = Cells.compact(v.counters.spend.doubleValue)
            let threshold = breached.first?.threshold ?? row.alerts.first?.threshold ?? "–"
            let cells = wide
                ? [row.key, flag(.ctr, ctr), flag(.cvr, Cells.percent(v.cvr)), flag(.cpa, Cells.number(v.cpa)),
                   flag(.roi, Cells.number(v.roi)), spend, Cells.state(worst), threshold]
                : narrow ? [row.key, flag(.ctr, Cells.percent(v.ctr, decimals: 2)), flag(.cpa, Cells.number(v.cpa)), Cells.state(worst)]
                : [row.key, flag(.ctr, Cells.percent(v.ctr, decimals: 2)), flag(.cpa, Cells.number(v.cpa)), spend,
                   Cells.number(v.roi), Cells.state(worst)]
            let end = frame.put(columns.cells(cells), row: offset + 1, grid: &grid)
            // Colour the state cell too (the symbol already says it).
            let stateIndex = wide ? 6 : columns.widths.count - 1
            let stateColumn = columns.widths.prefix(stateIndex).reduce(0) { $0 + $1 + 1 }
            frame.put(Cells.state(worst), row: offset + 1, column: stateColumn,
                      style: Style(Cells.role(worst), attributes: worst == .firing ? .bold : []),
                      width: columns.widths[stateIndex], grid: &grid)
            if sparkWidth > 4 {
                frame.put(Sparkline.text(row.sparkline, width: sparkWidth), row: offset + 1,
                          column: end - frame.inner.column + 1, style: Style(.sparkline), width: sparkWidth, grid: &grid)
            }
            if index == selected && state.focus == .kpis { frame.highlight(row: offset + 1, grid: &grid) }
        }
        if rows.isEmpty {
            frame.put("waiting for events…", row: 1, style: Style(.muted), grid: &grid)
        } else if shown.isEmpty, let filter = state.filter(for: .kpis) {
            frame.put(PaneFrame.noMatch(filter), row: 1, style: Style(.muted), grid: &grid)
        }
    }
}
