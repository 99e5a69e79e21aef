import CampaignCore

/// The box every overlay is drawn in: centred over the panes, sized to its
/// lines, or flowed into columns when they are longer than the screen.
enum Overlays {
    /// Returns the box's rectangle; a line starts two columns in from its left edge.
    @discardableResult
    static func box(_ title: String, lines: [(String, Style)], grid: inout CellGrid) -> Rect {
        let width = min(grid.columns - 4, max(40, DisplayWidth.of(title) + 8, (lines.map { DisplayWidth.of($0.0) }.max() ?? 0) + 4))
        let height = min(grid.rows - 2, lines.count + 2)
        let rect = Rect(row: max(1, (grid.rows - height) / 2), column: (grid.columns - width) / 2, width: width, height: height)
        grid.fill(rect, style: Style(.text))
        grid.drawBox(rect, lines: .rounded, style: Style(.borderFocused, attributes: .bold), title: title,
                     titleStyle: Style(.title, attributes: .bold))
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            grid.put(line.0, row: rect.row + 1 + offset, column: rect.column + 2, style: line.1, maxWidth: width - 4)
        }
        return rect
    }

    /// A box whose lines flow into as many columns as the screen's height
    /// needs (the key list is longer than a 24-row terminal).
    static func columnsBox(_ title: String, lines: [(String, Style)], grid: inout CellGrid) {
        let perColumn = max(1, grid.rows - 4)
        let chunks = stride(from: 0, to: lines.count, by: perColumn).map { Array(lines[$0..<min($0 + perColumn, lines.count)]) }
        let widths = chunks.map { ($0.map { DisplayWidth.of($0.0) }.max() ?? 0) + 3 }
        let width = min(grid.columns - 2, widths.reduce(0, +) + 3)
        let height = min(grid.rows - 2, (chunks.first?.count ?? 0) + 2)
        let rect = Rect(row: max(1, (grid.rows - height) / 2), column: max(0, (grid.columns - width) / 2), width: width, height: height)
        grid.fill(rect, style: Style(.text))
        grid.drawBox(rect, lines: .rounded, style: Style(.borderFocused, attributes: .bold), title: title,
                     titleStyle: Style(.title, attributes: .bold))
        var column = rect.column + 2
        for (chunk, chunkWidth) in zip(chunks, widths) {
            let room = rect.column + rect.width - 1 - column
            guard room > 3 else { break }
            for (offset, line) in chunk.prefix(height - 2).enumerated() {
                grid.put(line.0, row: rect.row + 1 + offset, column: column, style: line.1, maxWidth: min(chunkWidth - 1, room))
            }
            column += chunkWidth
        }
    }
}
