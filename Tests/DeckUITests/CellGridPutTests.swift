import Testing
import CampaignCore
@testable import DeckUI

@Suite struct CellGridPutTests {
    @Test func asciiTextAndLines() {
        var grid = CellGrid(columns: 8, rows: 2)
        let end = grid.put("KPI", row: 0, column: 2)
        #expect(end == 5)
        #expect(grid.lines() == ["  KPI   ", "        "])
        #expect(grid.lines(trimmingTrailingSpaces: true) == ["  KPI", ""])
        #expect(grid.snapshot == "  KPI\n\n")
    }

    @Test func wideCharactersTakeTwoCells() {
        var grid = CellGrid(columns: 16, rows: 1)
        #expect(grid.put("春季会员焕新季", row: 0, column: 0) == 14)
        #expect(grid.lines() == ["春季会员焕新季  "])
        #expect(grid[0, 0].width == 2)
        #expect(grid[0, 1].isContinuation)
        #expect(grid[0, 1].text == "")
        #expect(grid[0, 14].text == " ")
    }

    @Test func cutWideTextLeavesNoHalfCharacter() {
        var grid = CellGrid(columns: 10, rows: 1)
        // 14 columns into 10: 9 for text = 春季会员 (8), "…", and a space for the half column.
        #expect(grid.put("春季会员焕新季", row: 0, column: 0) == 10)
        #expect(grid.lines() == ["春季会员… "])
        #expect(grid[0, 8].text == "…")
        #expect(grid[0, 9].text == " ")
    }

    @Test func maxWidthCutsWithEllipsisAndLeavesTheRestAlone() {
        var grid = CellGrid(columns: 12, rows: 1)
        grid.put("############", row: 0, column: 0)
        #expect(grid.put("Hello world", row: 0, column: 0, maxWidth: 8) == 8)
        #expect(grid.lines() == ["Hello w…####"])
        grid.put("春季会员", row: 0, column: 0, maxWidth: 6)
        #expect(grid.lines() == ["春季… w…####"])
    }

    @Test func rightEdgeClips() {
        var grid = CellGrid(columns: 5, rows: 1)
        grid.put("ab春", row: 0, column: 2)  // 4 columns into 3
        #expect(grid.lines() == ["  ab…"])
        var other = CellGrid(columns: 5, rows: 1)
        other.put(scalar: "春", row: 0, column: 4)  // half would fit: a space instead
        #expect(other.lines() == ["     "])
        #expect(!other[0, 4].isContinuation)
        #expect(other.put("x", row: 0, column: 5) == 5)  // outside: nothing
        #expect(other.put("x", row: 1, column: 0) == 0)
    }

    @Test func overwritingTheRightHalfOfAWideCharacterBlanksTheLeftHalf() {
        var grid = CellGrid(columns: 10, rows: 1)
        grid.put("春季会员", row: 0, column: 0)
        grid.put("x", row: 0, column: 1)
        #expect(grid.lines() == [" x季会员  "])
        #expect(grid[0, 0].width == 1)
    }

    @Test func overwritingTheLeftHalfOfAWideCharacterBlanksTheRightHalf() {
        var grid = CellGrid(columns: 10, rows: 1)
        grid.put("春季会员", row: 0, column: 0)
        grid.put("y", row: 0, column: 2)
        #expect(grid.lines() == ["春y 会员  "])
        #expect(!grid[0, 3].isContinuation)
    }

    @Test func wideOverWideAcrossTwoCharacters() {
        var grid = CellGrid(columns: 10, rows: 1)
        grid.put("春季会员", row: 0, column: 0)
        // 新 on columns 3–4 breaks 季 (2–3) and 会 (4–5).
        grid.put("新", row: 0, column: 3)
        #expect(grid.lines() == ["春 新 员  "])
        #expect(grid[0, 3].width == 2)
        #expect(grid[0, 4].isContinuation)
        #expect(grid[0, 5].width == 1)
    }

    @Test func everyRowStaysExactlyAsWideAsTheGrid() {
        var grid = CellGrid(columns: 7, rows: 1)
        let writes: [(String, Int)] = [("春季会员", 0), ("ab", 3), ("焕新", 2), ("x", 6), ("季", 5), ("🔥🔥", 0)]
        for (text, column) in writes {
            grid.put(text, row: 0, column: column)
            #expect(grid.lines()[0].unicodeScalars.reduce(0) { $0 + widthOf($1) } == 7, "after \(text)@\(column)")
        }
    }

    @Test func controlCharactersAreWrittenAsEscapes() {
        var grid = CellGrid(columns: 24, rows: 1)
        grid.put("\u{1B}]0;owned\u{07}", row: 0, column: 0)
        #expect(grid.lines() == [#"\u{1B}]0;owned\u{07}    "#])
        var cut = CellGrid(columns: 8, rows: 1)
        cut.put("a\u{1B}[2J", row: 0, column: 0)
        #expect(cut.lines() == [#"a\u{1B}…"#])
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var grid = CellGrid(columns: 6, rows: 1)
        grid.put("Cafe\u{301}!", row: 0, column: 0)
        #expect(grid[0, 3].marks == ["\u{301}"])
        #expect(grid[0, 4].text == "!")
        #expect(grid.lines() == ["Cafe\u{301}! "])
        // More than two marks: the extras are dropped.
        grid.put("a\u{301}\u{302}\u{303}", row: 0, column: 0)
        #expect(grid[0, 0].marks == ["\u{301}", "\u{302}"])
    }

    @Test func presentationSelectorsAndJoinersAreNotStored() {
        var grid = CellGrid(columns: 8, rows: 1)
        grid.put("\u{2764}\u{FE0F}ok", row: 0, column: 0)
        #expect(grid.lines() == ["\u{2764}ok     "])
        grid.put("👨\u{200D}👩\u{200D}👧", row: 0, column: 0)
        #expect(grid.lines() == ["👨👩👧  "])
    }

    @Test func stylesAreKeptPerCell() {
        var grid = CellGrid(columns: 6, rows: 1)
        let alert = Style(.firing, attributes: [.bold, .reverse])
        grid.put("ok", row: 0, column: 0)
        grid.put("春", row: 0, column: 2, style: alert)
        #expect(grid[0, 0].style == .plain)
        #expect(grid[0, 2].style == alert)
        #expect(grid[0, 3].style == alert)
        #expect(grid[0, 4].style == .plain)
    }

    private func widthOf(_ scalar: Unicode.Scalar) -> Int {
        scalar.properties.isEmojiPresentation || (0x4E00...0x9FFF).contains(scalar.value) ? 2 : 1
    }

    /// A cell sized with `DisplayWidth` takes exactly that many columns when drawn,
    /// control characters included, so the next column starts where it should.
    @Test func aCellMeasuredWithDisplayWidthDrawsToThatWidth() {
        for name in ["ab\u{01}\u{01}", "x\r\ny", "douyin", "春季\u{1B}"] {
            var grid = CellGrid(columns: 40, rows: 1)
            let cell = DisplayWidth.fit(name, toWidth: 16)
            #expect(grid.put(cell, row: 0, column: 0) == 16, "\(name.debugDescription)")
            grid.put("CTR", row: 0, column: 16)
            #expect(grid.line(0).hasPrefix(ControlCharacters.escaped(cell) + "CTR") , "\(name.debugDescription)")
        }
    }
}
