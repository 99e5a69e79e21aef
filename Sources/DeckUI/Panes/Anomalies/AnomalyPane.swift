/// The anomaly log: newest first, with status and owner.
enum AnomalyPane {
    static func draw(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        let rows = state.data.anomalies
        let open = rows.filter { $0.status != .resolved }.count
        let shown = state.visibleRows(.anomalies)
        let frame = PaneFrame(.anomalies, in: rect, focused: state.focus == .anomalies, filter: state.filter(for: .anomalies),
                              subtitle: rows.isEmpty ? nil : "\(open) open", grid: &grid)
        let titleWidth = max(10, frame.inner.width - 40)
        let columns = Columns(widths: [4, 11, titleWidth, 8, 12],
                              alignments: [.trailing, .leading, .leading, .leading, .leading])
        frame.put(columns.cells(["#", "OPENED", "WHAT", "STATUS", "OWNER"]), row: 0,
                  style: Style(.muted, attributes: .bold), grid: &grid)
        let selected = state.visibleSelection(.anomalies)
        for (offset, index) in frame.tableRows(shown, selected: selected) {
            let anomaly = rows[index]
            let status = anomaly.status.rawValue + (anomaly.recovered && anomaly.status != .resolved ? "↺" : "")
            let what = "\(anomaly.title) [\(anomaly.scope)]"
            let role: ThemeRole
            switch anomaly.status {
            case .open: role = anomaly.recovered ? .pending : .firing
            case .acknowledged: role = .text
            case .resolved: role = .muted
            }
            frame.put(columns.cells(["\(anomaly.id)", anomaly.openedAt, what, status, anomaly.owner ?? "–"]),
                      row: offset + 1, style: Style(role), grid: &grid)
            if index == selected && state.focus == .anomalies { frame.highlight(row: offset + 1, grid: &grid) }
        }
        if rows.isEmpty {
            frame.put("no anomalies: every rule is quiet", row: 1, style: Style(.muted), grid: &grid)
        } else if shown.isEmpty, let filter = state.filter(for: .anomalies) {
            frame.put(PaneFrame.noMatch(filter), row: 1, style: Style(.muted), grid: &grid)
        }
    }
}
