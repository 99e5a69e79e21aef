import CampaignText
import CampaignCore

/// The frame every pane shares: a box with the title (and its number key), a
/// brighter border when focused, and the inner area to draw in.
struct PaneFrame {
    let rect: Rect
    let inner: Rect

    /// `filter` (the pane's `/` filter) comes first in the title: it says why rows are missing.
    init(_ pane: Pane, in rect: Rect, focused: Bool, filter: String? = nil, subtitle: String? = nil, grid: inout CellGrid) {
        self.rect = rect
        inner = rect.inset(by: 1)
        let border = Style(focused ? .borderFocused : .border, attributes: focused ? .bold : [])
        var title = "\(pane.rawValue + 1) \(pane.title)"
        if let filter { title += " · /" + filter }
        if let subtitle { title += " · " + subtitle }
        grid.drawBox(rect, lines: focused ? .heavy : .light, style: border, title: title,
                     titleStyle: Style(.title, attributes: .bold))
    }

    /// Writes `text` on inner row `row` (0-based) from inner column `column`, cut to fit.
    @discardableResult
    func put(_ text: String, row: Int, column: Int = 0, style: Style = Style(.text), width: Int? = nil,
             grid: inout CellGrid) -> Int {
        guard row >= 0, row < inner.height, column < inner.width else { return inner.column + inner.width }
        let available = inner.width - column
        return grid.put(text, row: inner.row + row, column: inner.column + column, style: style,
                        maxWidth: min(width ?? available, available))
    }

    /// Marks a whole inner row as selected, in a way every theme and terminal
    /// shows: reverse video over each cell's own colours (so a late or firing
    /// row stays red while selected, and NO_COLOR or a vt100 still see it), and
    /// a `▶` on the left border for rows a theme already draws in reverse (an
    /// open anomaly), where reverse alone would not tell the selected one apart.
    func highlight(row: Int, grid: inout CellGrid) {
        guard row >= 0, row < inner.height else { return }
        grid.updateStyle(in: Rect(row: inner.row + row, column: inner.column, width: inner.width, height: 1)) { style in
            style.attributes.formUnion(Self.selectedAttributes)
        }
        grid.put(scalar: Self.selectedMark, row: inner.row + row, column: rect.column,
                 style: Style(.selection, attributes: .bold))
    }

    /// What the selected row's cells get on top of their own style.
    static let selectedAttributes: TextAttributes = [.reverse, .bold]
    /// Drawn over the left border beside the selected row.
    static let selectedMark: Unicode.Scalar = "▶"

    /// What a pane says when its filter hides every row (rather than an empty box).
    static func noMatch(_ filter: String) -> String { Phrase.paneNoMatch.text(filter) }

    /// The rows of a table pane that fit under its header line, scrolled so the
    /// selected row (an index into the pane's rows, like `shown`'s) stays
    /// visible, each with the line below the header it is drawn on.
    func tableRows(_ shown: [Int], selected: Int?) -> [(offset: Int, index: Int)] {
        let visible = max(0, inner.height - 1)
        let first = Self.scrollOffset(selected: selected.flatMap(shown.firstIndex) ?? 0, count: shown.count,
                                      visibleRows: visible)
        return shown.dropFirst(first).prefix(visible).enumerated().map { (offset: $0.offset, index: $0.element) }
    }

    /// First row to show so that `selected` stays visible in `visibleRows`.
    static func scrollOffset(selected: Int, count: Int, visibleRows: Int) -> Int {
        guard visibleRows > 0, count > visibleRows else { return 0 }
        return min(max(0, selected - visibleRows + 1), count - visibleRows)
    }
}

/// Fixed-width columns for pane tables, measured in display columns.
struct Columns {
    var widths: [Int]
    var alignments: [DisplayWidth.Alignment]

    func cells(_ texts: [String]) -> String {
        zip(texts, zip(widths, alignments)).map { text, layout in
            DisplayWidth.fit(text, toWidth: layout.0, alignment: layout.1)
        }.joined(separator: " ")
    }
}
