/// Where the open view is on screen. Each view sizes its own box from what
/// it shows (`Overlays.box`, `HelpPage`), so rather than a second copy of
/// that arithmetic the view is drawn once over a marked blank screen and its
/// box is the smallest rectangle holding every cell it drew: always the
/// rectangle the renderer puts it in. Costs one view's drawing per click.
enum OverlayBounds {
    /// The open view's rectangle; nil when no view is open or it draws
    /// nothing over the panes (the `/` and `:` line lives in the status bar).
    static func rect(_ state: DeckState) -> Rect? {
        guard let overlay = state.overlay else { return nil }
        let size = state.screen
        var grid = CellGrid(columns: size.columns, rows: size.rows)
        grid.fill(grid.bounds, with: "~", style: marker)
        let blank = grid[0, 0]
        overlay.unit.draw(state, grid: &grid)
        var top = Int.max, left = Int.max, bottom = -1, right = -1
        for row in 0..<grid.rows {
            for column in 0..<grid.columns where grid[row, column] != blank {
                top = min(top, row)
                bottom = max(bottom, row)
                left = min(left, column)
                right = max(right, column)
            }
        }
        guard bottom >= 0 else { return nil }
        return Rect(row: top, column: left, width: right - left + 1, height: bottom - top + 1)
    }

    /// A look no view draws with, so every cell a view writes differs from it.
    private static let marker = Style(foreground: .role(.today), background: .role(.firing),
                                      attributes: [.bold, .dim, .italic, .underline, .reverse])
}
