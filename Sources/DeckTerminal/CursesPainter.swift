import CNcurses
import CampaignCore
import DeckUI

/// Paints cells of a `CellGrid` into an ncurses window with the wide-character API
/// (`setcchar` + `mvwadd_wch`), only where the frame changed. Must be used on the
/// curses thread: ncurses is not thread-safe.
struct CursesPainter {
    var resolver: ColorResolver
    var pairs: ColorPairs

    /// Writes the cells of `runs` into `window`; the caller refreshes.
    mutating func paint(_ grid: CellGrid, runs: [CellRun], in window: UnsafeMutablePointer<WINDOW>) {
        let usesColor = resolver.capability != .none
        var characters = [wchar_t](repeating: 0, count: 4)  // base, two marks, terminator
        for run in runs where run.row < grid.rows {
            var column = run.columns.lowerBound
            while column < min(run.columns.upperBound, grid.columns) {
                let cell = grid[run.row, column]
                // A continuation is painted by its lead, which covers two columns.
                guard !cell.isContinuation else {
                    column += 1
                    continue
                }
                fill(&characters, from: cell)
                var pair: Int32 = 0
                if usesColor {
                    pair = pairs.pair(foreground: resolver.terminalColor(cell.style.foreground),
                                      background: resolver.terminalColor(cell.style.background))
                }
                var character = cchar_t()
                // The short pair argument only holds 0–32767; the `opts` int pointer is
                // ncurses' extension for larger pair numbers, and wins when given.
                _ = setcchar(&character, characters, attributes(cell.style.attributes),
                             Int16(truncatingIfNeeded: min(pair, Int32(Int16.max))), &pair)
                _ = mvwadd_wch(window, Int32(run.row), Int32(column), &character)
                column += Int(cell.width)
            }
        }
    }

    /// The wide characters for one cell. The grid measured with our own tables; if this
    /// system's wcwidth disagrees (a character newer than its Unicode tables, or a
    /// locale without UTF-8) ncurses would misplace everything after it, so a "?" of
    /// the measured width is painted instead. Marks ncurses would not treat as
    /// non-spacing are left out for the same reason.
    private func fill(_ characters: inout [wchar_t], from cell: Cell) {
        var count = 0
        cell.forEachScalar { scalar in
            let character = wchar_t(scalar.value)
            if count == 0 {
                characters[0] = character
                count = 1
            } else if count < 3, cdeck_wcwidth(character) == 0 {
                characters[count] = character
                count += 1
            }
        }
        characters[count] = 0
        if cdeck_wcwidth(characters[0]) != Int32(cell.width) {
            characters[0] = cell.width == 2 ? 0xFF1F : 0x3F  // "？" or "?"
            characters[1] = 0
        }
    }

    private func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = cdeck_a_normal()
        if attributes.contains(.bold) { result |= cdeck_a_bold() }
        if attributes.contains(.dim) { result |= cdeck_a_dim() }
        if attributes.contains(.underline) { result |= cdeck_a_underline() }
        if attributes.contains(.reverse) { result |= cdeck_a_reverse() }
        if attributes.contains(.italic) { result |= cdeck_a_italic() }
        return result
    }
}
