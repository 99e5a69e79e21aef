import CampaignText
import CampaignCore

/// Renders the whole dashboard into a cell grid: pure, so golden-screen
/// tests and `--snapshot` see exactly what the terminal gets.
public enum DeckRenderer {
    public static func render(_ state: DeckState, columns: Int, rows: Int) -> CellGrid {
        var grid = CellGrid(columns: max(columns, 1), rows: max(rows, 1))
        if DeckLayout.isTooSmall(columns: columns, rows: rows) {
            tooSmall(columns: columns, rows: rows, grid: &grid)
            return grid
        }
        let layout = DeckLayout(state, columns: columns, rows: rows)
        Bars.header(state, in: layout.header, grid: &grid)
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            pane.unit.draw(state, in: rect, grid: &grid)
        }
        Bars.status(state, in: layout.status, grid: &grid)
        state.overlay?.unit.draw(state, grid: &grid)
        return grid
    }

    /// Below 80×24 the panes would be garbage: say what is needed instead.
    static func tooSmall(columns: Int, rows: Int, grid: inout CellGrid) {
        let lines = [Phrase.tooSmall.text(), Phrase.tooSmallNeed.text(DeckLayout.minimumColumns, DeckLayout.minimumRows, columns, rows),
                     Phrase.tooSmallQuit.text()]
        for (offset, line) in lines.enumerated() {
            let row = rows / 2 - 1 + offset
            let column = max(0, (columns - DisplayWidth.of(line)) / 2)
            grid.put(line, row: row, column: column, style: Style(offset == 0 ? .firing : .text, attributes: .bold))
        }
    }
}
