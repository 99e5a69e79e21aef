/// The anomaly log: newest first, with status and owner (SPEC §10).
enum AnomalyPane {
    static func draw(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        let rows = state.data.anomalies
        let open = rows.filter { $0.status != "resolved" }.count
        let frame = PaneFrame(.anomalies, in: rect, focused: state.focus == .anomalies,
                              subtitle: rows.isEmpty ? nil : "\(open) open", grid: &grid)
        let titleWidth = max(10, frame.inner.width - 40)
        let columns = Columns(widths: [4, 11, titleWidth, 8, 12],
                              alignments: [.trailing, .leading, .leading, .leading, .leading])
        frame.put(columns.cells(["#", "OPENED", "WHAT", "STATUS", "OWNER"]), row: 0,
                  style: Style(.muted, attributes: .bold), grid: &grid)
        let visible = frame.inner.height - 1
        let selected = state.selected(.anomalies)
        let first = PaneFrame.scrollOffset(selected: selected, count: rows.count, visibleRows: visible)
        for (offset, anomaly) in rows.dropFirst(first).prefix(visible).enumerated() {
            let status = anomaly.recovered && anomaly.status != "resolved" ? anomaly.status + "↺" : anomaly.status
            let what = "\(anomaly.title) [\(anomaly.scope)]"
            let role: ThemeRole = anomaly.status == "open" ? (anomaly.recovered ? .pending : .firing)
                                                            : (anomaly.status == "resolved" ? .muted : .text)
            frame.put(columns.cells(["\(anomaly.id)", anomaly.openedAt, what, status, anomaly.owner ?? "–"]),
                      row: offset + 1, style: Style(role), grid: &grid)
            if first + offset == selected && state.focus == .anomalies { frame.highlight(row: offset + 1, grid: &grid) }
        }
        if rows.isEmpty {
            frame.put("no anomalies: every rule is quiet", row: 1, style: Style(.muted), grid: &grid)
        }
    }
}
