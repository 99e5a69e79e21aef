/// What is under a cell of the dashboard, found with the layout, row windows
/// and column heads the renderer draws with (`DeckLayout`, `PaneUnit.row`,
/// `PaneUnit.heads`), so a click lands on what the person sees there.
enum MouseTarget: Equatable {
    /// The header, the status bar, or a screen too small for panes.
    case nothing
    /// A pane's border or title, its blank space, a Gantt phase heading, the
    /// axis or the footer: the pane, but no row in it.
    case pane(Pane)
    /// A table's column head, with the column it sorts by (nil: a head that
    /// does not sort, such as the sparkline's).
    case head(Pane, sortColumn: Int?)
    /// A row of a pane, by its index as `DeckState.visibleRows` lists them.
    case row(Pane, Int)

    /// The target at `column`, `row` of a screen of `state.screen`'s size.
    static func at(column: Int, row: Int, in state: DeckState) -> MouseTarget {
        let size = state.screen
        guard !DeckLayout.isTooSmall(columns: size.columns, rows: size.rows) else { return .nothing }
        let layout = DeckLayout(state, columns: size.columns, rows: size.rows)
        guard let (pane, rect) = layout.panes.first(where: { $0.value.rows.contains(row) && $0.value.columns.contains(column) })
        else { return .nothing }
        let inner = rect.inset(by: 1)
        guard inner.rows.contains(row), inner.columns.contains(column) else { return .pane(pane) }
        let line = row - inner.row
        if let index = pane.unit.row(atInnerLine: line, of: pane, state, inner: inner) { return .row(pane, index) }
        let heads = pane.unit.heads(state, innerWidth: inner.width)
        guard line == 0, !heads.isEmpty else { return .pane(pane) }
        guard let text = heads.head(atInnerColumn: column - inner.column) else { return .pane(pane) }
        return .head(pane, sortColumn: pane.unit.sortColumns.firstIndex { $0.isHead(text) })
    }
}
