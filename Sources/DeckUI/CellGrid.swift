import CampaignCore

/// The screen as data: a `rows × columns` grid of cells that dashboard code draws
/// into and that the terminal backend paints (ratatui's `Buffer`). Tests read it back
/// as plain text with `lines()`.
///
/// Every write keeps three promises the dashboard's terminal rules depend on:
/// - text is measured by display width, and a wide character is never split: if only
///   its left half fits, a space is written instead, and overwriting either half of
///   a wide character blanks the other half;
/// - text that does not fit is cut with "…";
/// - control characters are shown as visible escapes (`ControlCharacters`), never
///   stored raw.
///
/// Zero-width scalars: combining marks join the cell before them; format characters
/// and variation selectors (zero-width joiner, VS16 "emoji presentation", bidi
/// controls) are not stored. Terminals disagree on whether "❤️" or a ZWJ family is one
/// wide glyph or several; without them every terminal draws exactly the widths we
/// measured, so the layout cannot drift.
public struct CellGrid: Sendable, Hashable {
    public let columns: Int
    public let rows: Int
    /// Row-major; `rows * columns` cells.
    internal var cells: [Cell]

    /// A grid of blank cells in `style`. Negative sizes count as 0.
    public init(columns: Int, rows: Int, style: Style = .plain) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.cells = Array(repeating: .blank(style), count: self.columns * self.rows)
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(row: 0, column: 0, width: columns, height: rows) }

    /// The cell at `row`, `column` (both must be inside the grid).
    public subscript(row: Int, column: Int) -> Cell {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "cell outside the grid")
        return cells[row * columns + column]
    }

    /// Blanks every cell.
    public mutating func clear(style: Style = .plain) {
        for index in cells.indices { cells[index] = .blank(style) }
    }

    /// Writes `text` from `row`, `column`, using at most `maxWidth` columns (and never
    /// past the right edge). Text that does not fit is cut with "…". Nothing is written
    /// outside the grid. Returns the column after the last cell written.
    @discardableResult
    public mutating func put(
        _ text: String, row: Int, column: Int, style: Style = .plain, maxWidth: Int = .max
    ) -> Int {
        guard row >= 0, row < rows, column >= 0, column < columns, maxWidth > 0 else { return column }
        let budget = min(maxWidth, columns - column)
        if let end = putPrintableASCII(text.utf8, row: row, column: column, budget: budget, style: style) {
            return end
        }
        return putText(text, row: row, column: column, budget: budget, style: style)
    }

    /// Writes `text`; see `put(_:row:column:style:maxWidth:)` for `String`.
    @discardableResult
    public mutating func put(
        _ text: Substring, row: Int, column: Int, style: Style = .plain, maxWidth: Int = .max
    ) -> Int {
        put(String(text), row: row, column: column, style: style, maxWidth: maxWidth)
    }

    /// Writes one character (a box-drawing piece, a bar segment, a marker). A wide one
    /// that does not fit before the right edge becomes a space. Returns the next column.
    @discardableResult
    public mutating func put(
        scalar: Unicode.Scalar, row: Int, column: Int, style: Style = .plain
    ) -> Int {
        guard row >= 0, row < rows, column >= 0, column < columns else { return column }
        if ControlCharacters.isUnsafe(scalar) {
            return put(ControlCharacters.visible(scalar), row: row, column: column, style: style)
        }
        let width = DisplayWidth.of(scalar)
        guard width > 0 else { return column }
        let base = row * columns
        unpairLeft(base: base, column: column)
        if width == 2, column + 1 < columns {
            cells[base + column] = Cell(scalar: scalar, width: 2, style: style)
            cells[base + column + 1] = .continuation(style)
        } else {
            cells[base + column] = width == 2 ? .blank(style) : Cell(scalar: scalar, width: 1, style: style)
        }
        let end = column + width > columns ? columns : column + width
        unpairRight(base: base, column: end)
        return end
    }

    // MARK: - Writing runs

    /// The common case, text that is all printable ASCII: one cell per byte, no decoding,
    /// no table look-ups. Returns nil when the text needs the general path.
    private mutating func putPrintableASCII<U: Collection>(
        _ utf8: U, row: Int, column: Int, budget: Int, style: Style
    ) -> Int? where U.Element == UInt8 {
        for byte in utf8 where byte < 0x20 || byte >= 0x7F { return nil }
        let count = utf8.count
        guard count > 0 else { return column }
        let base = row * columns
        let fitting = count <= budget ? count : budget - 1
        unpairLeft(base: base, column: column)
        cells.withUnsafeMutableBufferPointer { buffer in
            var index = base + column
            for byte in utf8.prefix(fitting) {
                buffer[index] = Cell(scalar: Unicode.Scalar(byte), width: 1, style: style)
                index += 1
            }
            if fitting < count { buffer[index] = Cell(scalar: "…", width: 1, style: style) }
        }
        let end = column + (fitting < count ? budget : count)
        unpairRight(base: base, column: end)
        return end
    }

    /// The general path, in one pass: escapes control characters, measures, writes,
    /// and on running out of room backs up to make space for "…".
    private mutating func putText(_ text: String, row: Int, column: Int, budget: Int, style: Style) -> Int {
        let base = row * columns
        let gridColumns = columns
        let end = cells.withUnsafeMutableBufferPointer { cells in
            var writer = RunWriter(cells: cells, base: base, start: column, end: column + budget,
                                   columns: gridColumns, style: style)
            scalars: for scalar in text.unicodeScalars {
                if ControlCharacters.isUnsafe(scalar) {
                    for visible in ControlCharacters.visible(scalar).unicodeScalars where !writer.place(visible, width: 1) {
                        break scalars
                    }
                } else if !writer.place(scalar, width: DisplayWidth.of(scalar)) {
                    break
                }
            }
            return writer.finish()
        }
        if end > column { unpairRight(base: base, column: end) }
        return end
    }

    /// Writes one run of text into a row; a struct rather than closures over local
    /// variables so the hot loop has no dynamic exclusivity checks.
    private struct RunWriter {
        let cells: UnsafeMutableBufferPointer<Cell>
        let base: Int
        let start: Int
        let end: Int
        let columns: Int
        let style: Style
        var current: Int
        var lastLead = -1  // where the last character written starts
        var wroteAny = false
        var overflowed = false

        init(cells: UnsafeMutableBufferPointer<Cell>, base: Int, start: Int, end: Int, columns: Int, style: Style) {
            self.cells = cells
            self.base = base
            self.start = start
            self.end = end
            self.columns = columns
            self.style = style
            self.current = start
        }

        /// Writes one scalar; false once the run is full.
        mutating func place(_ scalar: Unicode.Scalar, width: Int) -> Bool {
            if width == 0 {
                if lastLead >= 0, !CellGrid.isDropped(scalar) { cells[base + lastLead].addMark(scalar) }
                return true
            }
            if current + width > end {
                overflowed = true
                return false
            }
            beginWriting()
            cells[base + current] = Cell(scalar: scalar, width: UInt8(width), style: style)
            if width == 2 { cells[base + current + 1] = .continuation(style) }
            lastLead = current
            current += width
            return true
        }

        /// Adds "…" if the text did not fit; returns the column after the run.
        mutating func finish() -> Int {
            guard overflowed else { return current }
            // Text stops at end - 1 so "…" fits: drop the last character if it reached end.
            if current == end, lastLead >= 0 { current = lastLead }
            beginWriting()
            cells[base + current] = Cell(scalar: "…", width: 1, style: style)
            current += 1
            // The column a wide character could not half-fill.
            while current < end {
                cells[base + current] = .blank(style)
                current += 1
            }
            return current
        }

        private mutating func beginWriting() {
            guard !wroteAny else { return }
            wroteAny = true
            CellGrid.unpairLeft(cells, base: base, column: start, columns: columns)
        }
    }

    /// Zero-width scalars that are not stored (see the type's documentation).
    fileprivate static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return true  // variation selectors
        default: return scalar.properties.generalCategory == .format
        }
    }

    // MARK: - Keeping wide characters whole

    /// Before writing at `column`: if it holds the right half of a wide character, the
    /// left half would be left alone on screen, so blank it.
    internal mutating func unpairLeft(base: Int, column: Int) {
        let columns = columns
        cells.withUnsafeMutableBufferPointer { Self.unpairLeft($0, base: base, column: column, columns: columns) }
    }

    fileprivate static func unpairLeft(_ cells: UnsafeMutableBufferPointer<Cell>, base: Int, column: Int, columns: Int) {
        if column > 0, column < columns, cells[base + column].isContinuation {
            cells[base + column - 1] = .blank(cells[base + column - 1].style)
        }
    }

    /// After writing up to (not including) `column`: a continuation there lost its lead.
    internal mutating func unpairRight(base: Int, column: Int) {
        if column < columns, cells[base + column].isContinuation {
            cells[base + column] = .blank(cells[base + column].style)
        }
    }
}
