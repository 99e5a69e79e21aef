@testable import DeckUI
import Testing

/// A frame drawn for a terminal without UTF-8 (`LANG=C`): only ASCII, and
/// every line as wide as before, so the layout holds.
@Suite struct CellGridASCIITests {
    @Test func bordersAndMarksBecomeTheirASCIILookAlikes() {
        var grid = CellGrid(columns: 12, rows: 3)
        grid.drawBox(Rect(row: 0, column: 0, width: 12, height: 3), lines: .heavy)
        grid.put("▶ok ✓·…", row: 1, column: 1)
        #expect(grid.asciiOnly().lines() == ["+----------+", "|>ok v..   |", "+----------+"])
    }

    @Test func aWideCharacterKeepsItsTwoColumns() {
        var grid = CellGrid(columns: 8, rows: 1)
        grid.put("高价a", row: 0, column: 0)
        let ascii = grid.asciiOnly()
        // Two cells per Chinese character: lead and continuation, both `?`.
        #expect(ascii.lines() == ["????a   "])
        #expect((0..<8).allSatisfy { ascii[0, $0].width == 1 })
    }

    @Test func theDemoInASCIIHasOnlyASCIIAndEveryLineItsWidth() {
        for (columns, rows) in [(80, 24), (120, 40), (200, 60)] {
            let frame = DeckRenderer.render(GoldenScreenTests.demoState, columns: columns, rows: rows).asciiOnly()
            let lines = frame.lines()
            #expect(lines.count == rows)
            #expect(lines.allSatisfy { $0.unicodeScalars.count == columns && $0.unicodeScalars.allSatisfy(\.isASCII) })
            // The panes' corners are still where the Unicode frame has them.
            let unicode = DeckRenderer.render(GoldenScreenTests.demoState, columns: columns, rows: rows)
            for row in 0..<rows {
                for column in 0..<columns where "┌┏╭".unicodeScalars.contains(unicode[row, column].scalar) {
                    #expect(frame[row, column].scalar == "+")
                }
            }
        }
    }
}
