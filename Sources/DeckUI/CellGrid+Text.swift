/// Reading the grid back as plain text: golden-screen tests and `--snapshot`.
extension CellGrid {
    /// The text of every row, without any styling. Each line is exactly `columns`
    /// display columns wide unless `trimmingTrailingSpaces` (what `tmux capture-pane -p`
    /// prints, handy when comparing with end-to-end captures).
    public func lines(trimmingTrailingSpaces: Bool = false) -> [String] {
        (0..<rows).map { line($0, trimmingTrailingSpaces: trimmingTrailingSpaces) }
    }

    /// The text of one row; see `lines(trimmingTrailingSpaces:)`.
    public func line(_ row: Int, trimmingTrailingSpaces: Bool = false) -> String {
        precondition(row >= 0 && row < rows, "row outside the grid")
        var text = ""
        text.unicodeScalars.reserveCapacity(columns)
        let start = row * columns
        var end = start + columns
        if trimmingTrailingSpaces {
            while end > start, cells[end - 1].scalar == " ", !cells[end - 1].hasMarks { end -= 1 }
        }
        for cell in cells[start..<end] {
            cell.forEachScalar { text.unicodeScalars.append($0) }
        }
        return text
    }

    /// All rows joined with newlines, with trailing spaces trimmed and a final newline:
    /// the `--snapshot` output format.
    public var snapshot: String {
        lines(trimmingTrailingSpaces: true).joined(separator: "\n") + "\n"
    }
}
