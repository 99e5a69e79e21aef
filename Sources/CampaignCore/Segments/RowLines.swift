/// The physical line of every accepted row, from its position in file order,
/// without storing a line per row.
///
/// Why: in a clean file row `i` sits on line `i + 2` (after the header), and
/// the difference only changes at a blank line, a rejected row or a quoted
/// line break. Keeping just the points where it changes costs nothing for a
/// clean file and saves eight bytes a row; lines are only looked up for the
/// few rows reported as exact duplicates.
struct RowLines {
    /// Ascending row positions where `line - row` changes, and the new difference.
    private var rows: [Int] = []
    private var differences: [Int] = []
    /// `differences.last`, kept apart so the check per row touches no array.
    private var lastDifference = Int.min

    /// Row `row` (rows are recorded in order) is on `line`.
    @inline(__always)
    mutating func record(row: Int, line: Int) {
        let difference = line - row
        if difference != lastDifference {
            rows.append(row)
            differences.append(difference)
            lastDifference = difference
        }
    }

    /// The line of a recorded row.
    func line(ofRow row: Int) -> Int {
        // The last change at or before `row`.
        var lower = 0, upper = rows.count
        while upper - lower > 1 {
            let middle = (lower + upper) / 2
            if rows[middle] <= row { lower = middle } else { upper = middle }
        }
        return row + differences[lower]
    }
}
