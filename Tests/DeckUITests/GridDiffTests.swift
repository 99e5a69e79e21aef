import Testing
@testable import DeckUI

@Suite struct GridDiffTests {
    private func frame() -> CellGrid {
        var grid = CellGrid(columns: 10, rows: 3)
        grid.put("CTR 1.2%", row: 0, column: 0)
        grid.put("春季会员", row: 1, column: 0)
        return grid
    }

    @Test func identicalFramesHaveNoRuns() {
        #expect(frame().changedRuns(since: frame()) == [])
    }

    @Test func oneChangedCellIsOneRun() {
        var next = frame()
        next.put("3", row: 0, column: 6)  // "1.2%" → "1.3%"
        #expect(next.changedRuns(since: frame()) == [CellRun(row: 0, columns: 6..<7)])
    }

    @Test func styleOnlyChangeIsARun() {
        var next = frame()
        next.setStyle(Style(.firing), in: Rect(row: 2, column: 9, width: 1, height: 1))
        #expect(next.changedRuns(since: frame()) == [CellRun(row: 2, columns: 9..<10)])
    }

    @Test func changedWideCharacterCoversBothHalves() {
        var next = frame()
        next.put("夏", row: 1, column: 2)  // 季 → 夏: only the lead cell differs
        #expect(next.changedRuns(since: frame()) == [CellRun(row: 1, columns: 2..<4)])
    }

    @Test func runStartingOnAContinuationStartsAtItsLead() {
        var next = frame()
        // Restyle only the right half of 季 (columns 2–3).
        next.setStyle(Style(.accent), in: Rect(row: 1, column: 3, width: 1, height: 1))
        #expect(next.changedRuns(since: frame()) == [CellRun(row: 1, columns: 2..<4)])
    }

    @Test func separateAndAdjacentChanges() {
        var next = frame()
        next.put("ab", row: 2, column: 2)
        next.put("z", row: 2, column: 6)
        #expect(next.changedRuns(since: frame()) == [CellRun(row: 2, columns: 2..<4), CellRun(row: 2, columns: 6..<7)])
    }

    @Test func resizeOrFirstFrameRepaintsEverything() {
        let all = (0..<3).map { CellRun(row: $0, columns: 0..<10) }
        #expect(frame().changedRuns(since: nil) == all)
        #expect(frame().changedRuns(since: CellGrid(columns: 9, rows: 3)) == all)
    }
}
