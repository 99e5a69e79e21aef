import Testing
@testable import DeckUI

@Suite struct CellGridDrawingTests {
    @Test func boxWithTitle() {
        var grid = CellGrid(columns: 12, rows: 4)
        grid.drawBox(grid.bounds, title: "KPI")
        #expect(grid.lines() == [
            "┌─ KPI ────┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
    }

    @Test func boxTitleIsCut() {
        var grid = CellGrid(columns: 8, rows: 3)
        grid.drawBox(grid.bounds, lines: .rounded, title: "Segments")
        #expect(grid.lines() == [
            "╭─ Se…─╮",
            "│      │",
            "╰──────╯",
        ])
    }

    @Test func asciiBoxInsideALargerGrid() {
        var grid = CellGrid(columns: 6, rows: 4)
        grid.drawBox(Rect(row: 1, column: 1, width: 4, height: 3), lines: .ascii)
        #expect(grid.lines() == ["      ", " +--+ ", " |  | ", " +--+ "])
    }

    @Test func fillClipsAndHandlesWideScalars() {
        var grid = CellGrid(columns: 5, rows: 2)
        grid.fill(Rect(row: 1, column: 2, width: 10, height: 10), with: "█")
        #expect(grid.lines() == ["     ", "  ███"])
        grid.fill(Rect(row: 0, column: 0, width: 5, height: 1), with: "春")
        #expect(grid.lines()[0] == "春春 ")
        grid.fill(Rect(row: 0, column: 1, width: 1, height: 1))
        #expect(grid.lines()[0] == "  春 ")
    }

    @Test func restylingKeepsText() {
        var grid = CellGrid(columns: 4, rows: 1)
        grid.put("abcd", row: 0, column: 0)
        grid.updateStyle(in: Rect(row: 0, column: 1, width: 2, height: 1)) { $0.attributes.insert(.reverse) }
        #expect(grid.lines() == ["abcd"])
        #expect(grid[0, 0].style.attributes.isEmpty)
        #expect(grid[0, 1].style.attributes == .reverse)
        #expect(grid[0, 3].style.attributes.isEmpty)
    }

    @Test func rectGeometry() {
        let rect = Rect(row: 1, column: 2, width: 10, height: 5)
        #expect(rect.inset(by: 1) == Rect(row: 2, column: 3, width: 8, height: 3))
        #expect(rect.intersection(Rect(row: 0, column: 0, width: 4, height: 3)) == Rect(row: 1, column: 2, width: 2, height: 2))
        #expect(rect.intersection(Rect(row: 20, column: 0, width: 4, height: 3)).isEmpty)
    }

    @Test func rgbParsing() {
        #expect(RGB(hexString: "#1E90FF") == RGB(red: 30, green: 144, blue: 255))
        #expect(RGB(hexString: "1e90ff")?.description == "#1E90FF")
        #expect(RGB(hexString: "#12345") == nil)
        #expect(RGB(hexString: "#12345G") == nil)
    }
}
