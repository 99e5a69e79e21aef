/// Which cells changed between two frames, so the terminal backend repaints only
/// those (an update that changes one KPI value writes a few bytes, not a screen).
public struct CellRun: Sendable, Hashable, CustomStringConvertible {
    public var row: Int
    public var columns: Range<Int>

    public init(row: Int, columns: Range<Int>) {
        self.row = row
        self.columns = columns
    }

    public var description: String { "row \(row) columns \(columns.lowerBound)..<\(columns.upperBound)" }
}

extension CellGrid {
    /// The runs of cells that differ from `previous`, left to right, top to bottom.
    /// Runs always hold whole wide characters: a run never starts on a continuation
    /// cell or ends between a wide character's halves, so painting a run cannot split one.
    /// With no previous frame, or one of another size, every row is one run.
    public func changedRuns(since previous: CellGrid?) -> [CellRun] {
        guard let previous, previous.columns == columns, previous.rows == rows else { return allRuns }
        var runs: [CellRun] = []
        cells.withUnsafeBufferPointer { cells in
            previous.cells.withUnsafeBufferPointer { old in
                collectRuns(cells, old, into: &runs)
            }
        }
        return runs
    }

    private func collectRuns(_ cells: UnsafeBufferPointer<Cell>, _ previous: UnsafeBufferPointer<Cell>,
                             into runs: inout [CellRun]) {
        for row in 0..<rows {
            let base = row * columns
            var column = 0
            while column < columns {
                guard cells[base + column] != previous[base + column] else {
                    column += 1
                    continue
                }
                var start = column
                var end = column + 1
                while end < columns, cells[base + end] != previous[base + end] { end += 1 }
                if cells[base + start].isContinuation, start > 0 { start -= 1 }
                if cells[base + end - 1].width == 2, end < columns { end += 1 }
                if let last = runs.last, last.row == row, last.columns.upperBound >= start {
                    runs[runs.count - 1].columns = last.columns.lowerBound..<max(end, last.columns.upperBound)
                } else {
                    runs.append(CellRun(row: row, columns: start..<end))
                }
                column = end
            }
        }
    }

    /// One run per row: everything.
    public var allRuns: [CellRun] {
        guard columns > 0 else { return [] }
        return (0..<rows).map { CellRun(row: $0, columns: 0..<columns) }
    }
}
