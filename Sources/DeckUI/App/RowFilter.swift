import CampaignCore

/// The `/` filter's rule: a row stays when any of its visible texts contains
/// the filter, ignoring case. Compared by characters, so CJK and emoji work.
struct RowFilter {
    private let needle: String

    /// nil for an empty filter (every row stays).
    init?(_ text: String?) {
        guard let text, !text.isEmpty else { return nil }
        needle = text.lowercased()
    }

    func matches(_ texts: [String?]) -> Bool {
        texts.contains { $0?.lowercased().contains(needle) ?? false }
    }
}

/// Which rows each pane lists under its filter, in the order it shows them.
/// The panes draw these rows and the selection moves among them, so what j/k
/// and the editing keys reach is always what is on screen.
extension DeckState {
    /// The filter in effect for `pane`: the one being typed, else the applied one.
    public func filter(for pane: Pane) -> String? {
        if case .inputLine(let line)? = overlay, line.kind == .filter(pane) {
            return line.text.isEmpty ? nil : line.text
        }
        return filters[pane]
    }

    /// The rows the Segments pane lists: live ones once the stream has sent them.
    var segmentRows: [DashboardSnapshot.SegmentRow] {
        data.segments.isEmpty
            ? plan.segments.map { DashboardSnapshot.SegmentRow(id: $0.id, name: $0.name, budgetShare: $0.budgetShare) }
            : data.segments
    }

    var kpiRows: [DashboardSnapshot.KPIRow] { kpiGrouping == .channel ? data.channelRows : data.segmentKPIRows }

    /// The Gantt's lines under its filter; a phase without a matching task is left out.
    var ganttLines: [GanttPane.Line] {
        guard let filter = RowFilter(filter(for: .gantt)) else { return GanttPane.lines(plan) }
        return GanttPane.lines(plan) { index in
            let task = plan.tasks[index]
            return filter.matches([task.id, task.name, task.owner])
        }
    }

    /// Indices of the rows `pane` shows (into plan.tasks for the Gantt, into
    /// the pane's row list otherwise), in screen order.
    public func visibleRows(_ pane: Pane) -> [Int] {
        let filter = RowFilter(filter(for: pane))
        switch pane {
        case .gantt:
            return GanttPane.taskIndices(ganttLines)
        case .segments:
            let rows = segmentRows
            return rows.indices.filter { filter?.matches([rows[$0].id, rows[$0].name]) ?? true }
        case .kpis:
            return kpiRows.indices.filter { filter?.matches([kpiRows[$0].key]) ?? true }
        case .anomalies:
            return data.anomalies.indices.filter { index in
                let row = data.anomalies[index]
                return filter?.matches([row.title, row.scope, row.owner, row.status.rawValue]) ?? true
            }
        }
    }

    /// The selected row of `pane` if it is on screen; nil when the filter hides
    /// every row (then keys that act on "the selected one" say there is none).
    public func visibleSelection(_ pane: Pane) -> Int? {
        let index = selected(pane)
        return visibleRows(pane).contains(index) ? index : nil
    }

    /// Keeps each pane's selection on a row it shows: a hidden selection moves
    /// to the next shown row (in screen order), or the last one. With every
    /// row hidden by a filter the selection stays put for when it is cleared.
    mutating func keepSelectionsVisible() {
        for pane in Pane.allCases {
            let rows = visibleRows(pane)
            let current = selected(pane)
            guard !rows.isEmpty else {
                if filter(for: pane) == nil { selection[pane] = 0 }
                continue
            }
            guard !rows.contains(current) else { continue }
            let order = pane == .gantt ? GanttPane.taskIndices(GanttPane.lines(plan)) : Array(0..<max(current + 1, rowCount(pane)))
            let position = order.firstIndex(of: current) ?? order.count
            let shown = Set(rows)
            selection[pane] = order[position...].first(where: shown.contains) ?? rows.last!
        }
    }
}
