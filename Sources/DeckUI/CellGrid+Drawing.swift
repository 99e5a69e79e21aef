import CampaignCore

/// Area helpers: fills, restyling, lines and boxes. All clip to the grid.
extension CellGrid {
    /// Fills `rect` with `scalar` (a space by default). A wide scalar fills pairs of
    /// columns, and an odd last column gets a space; control characters and zero-width
    /// scalars fill with spaces.
    public mutating func fill(_ rect: Rect, with scalar: Unicode.Scalar = " ", style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let width = ControlCharacters.isUnsafe(scalar) ? 0 : DisplayWidth.of(scalar)
        let piece: Unicode.Scalar = width == 0 ? " " : scalar
        for row in area.rows {
            var column = area.column
            while column < area.column + area.width {
                if width == 2, column + 1 >= area.column + area.width {
                    column = put(scalar: " ", row: row, column: column, style: style)
                } else {
                    column = put(scalar: piece, row: row, column: column, style: style)
                }
            }
        }
    }

    /// Sets the style of every cell in `rect`, keeping the text (a selection bar).
    /// Painting uses a wide character's left half, so a rectangle edge through the
    /// middle of one styles it by whichever half is inside.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        updateStyle(in: rect) { $0 = style }
    }

    /// Changes the style of every cell in `rect`, keeping the text
    /// (`grid.updateStyle(in: row) { $0.attributes.insert(.reverse) }`).
    public mutating func updateStyle(in rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.rows {
            for column in area.columns { change(&cells[row * columns + column].style) }
        }
    }

    /// A horizontal line of `scalar` over `columns` of `row`.
    public mutating func horizontalLine(
        row: Int, columns range: Range<Int>, scalar: Unicode.Scalar = "─", style: Style = .plain
    ) {
        fill(Rect(row: row, column: range.lowerBound, width: range.count, height: 1), with: scalar, style: style)
    }

    /// A vertical line of `scalar` down `rows` of `column`.
    public mutating func verticalLine(
        column: Int, rows range: Range<Int>, scalar: Unicode.Scalar = "│", style: Style = .plain
    ) {
        fill(Rect(row: range.lowerBound, column: column, width: 1, height: range.count), with: scalar, style: style)
    }

    /// Draws a border around `rect` (the border takes its outermost cells) with an
    /// optional title in the top edge: "┌─ Title ───┐". The inside is left untouched;
    /// `rect.inset(by: 1)` is the room for content. A title too long is cut with "…".
    public mutating func drawBox(
        _ rect: Rect, lines: BoxLines = .light, style: Style = .plain,
        title: String? = nil, titleStyle: Style? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else {
            fill(rect, with: rect.height == 1 ? lines.horizontal : lines.vertical, style: style)
            return
        }
        let top = rect.row, bottom = rect.row + rect.height - 1
        let left = rect.column, right = rect.column + rect.width - 1
        horizontalLine(row: top, columns: (left + 1)..<right, scalar: lines.horizontal, style: style)
        horizontalLine(row: bottom, columns: (left + 1)..<right, scalar: lines.horizontal, style: style)
        verticalLine(column: left, rows: (top + 1)..<bottom, scalar: lines.vertical, style: style)
        verticalLine(column: right, rows: (top + 1)..<bottom, scalar: lines.vertical, style: style)
        put(scalar: lines.topLeft, row: top, column: left, style: style)
        put(scalar: lines.topRight, row: top, column: right, style: style)
        put(scalar: lines.bottomLeft, row: bottom, column: left, style: style)
        put(scalar: lines.bottomRight, row: bottom, column: right, style: style)
        // Room for "─ " before and " ─" after the title keeps the corners recognisable.
        if let title, !title.isEmpty, rect.width >= 7 {
            put(" " + title + " ", row: top, column: left + 2, style: titleStyle ?? style, maxWidth: rect.width - 4)
        }
    }
}
