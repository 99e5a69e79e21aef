import CampaignCore
@testable import DeckUI
import Testing

/// The selected row must be visible under every theme, with colour or
/// without (NO_COLOR, a vt100): its cells are drawn in reverse video over
/// their own colours, and a `▶` on the border marks it where a theme
/// already draws rows in reverse.
@Suite struct SelectionVisibilityTests {
    static let cases: [(theme: String, pane: Pane)] = BuiltinThemes.names.flatMap { name in
        Pane.allCases.map { (name, $0) }
    }

    static func theme(_ name: String, colour: Bool) throws -> Theme {
        let theme = try Theme.parse(BuiltinThemes.text(name)!, name: name, source: name)
        return colour ? theme : theme.withoutColor
    }

    /// The demo with an open anomaly (drawn in the firing role, reverse video
    /// in the default and monochrome themes) first, then the recovered one.
    static func demo(focus: Pane) -> DeckState {
        var state = GoldenScreenTests.demoState
        state.data.anomalies.insert(.init(id: 2, openedAt: "04-09 12:00", title: "CPA above 80", scope: "wechat",
                                          severity: "critical", status: .open, owner: nil, recovered: false, detail: []),
                                    at: 0)
        state.focus = focus
        state.zoomed = true
        return state
    }

    /// What the selected (first) row of each pane shows, to find its line.
    static func label(of pane: Pane, in state: DeckState) -> String {
        switch pane {
        case .segments: return state.segmentRows[0].name
        case .gantt: return state.plan.tasks[state.selected(.gantt)].name
        case .kpis: return state.kpiRows[0].key
        case .anomalies: return "CPA above 80"
        }
    }

    @Test(arguments: cases)
    func theSelectedRowIsInReverseVideoUnderEveryThemeWithAndWithoutColour(theme name: String, pane: Pane) throws {
        let state = Self.demo(focus: pane)
        for colour in [true, false] {
            let grid = try Self.theme(name, colour: colour).apply(to: DeckRenderer.render(state, columns: 120, rows: 40))
            // Zoomed, the pane is the whole body: border at column 0 and 119, inner columns 1-118.
            let marked = (0..<grid.rows).filter { grid[$0, 0].scalar == "▶" }
            try #require(marked.count == 1, "\(name) colour \(colour): one marked row, got \(marked)")
            let row = marked[0]
            #expect(grid.line(row).contains(Self.label(of: pane, in: state)), "\(name): the mark is on the selected row")
            for column in 1...118 {
                #expect(grid[row, column].style.attributes.contains(.reverse),
                        "\(name) colour \(colour) \(pane): column \(column) of the selected row is not reversed")
            }
            // The row under it is not selected: its blank cells are not reversed.
            #expect(!grid[row + 1, 118].style.attributes.contains(.reverse), "\(name) \(pane): only one row")
        }
    }

    @Test func anUnfocusedPaneMarksNoRow() throws {
        var state = Self.demo(focus: .segments)
        state.zoomed = false
        let grid = DeckRenderer.render(state, columns: 120, rows: 40)
        let marks = (0..<grid.rows).flatMap { row in (0..<grid.columns).filter { grid[row, $0].scalar == "▶" } }
        #expect(marks == [0], "only the focused Segments pane's border, at column 0")
    }

    // The late task keeps its `!` and its late colour and attributes while selected.
    // PaneRenderTests' plan at 80×24: task a (late) is the Gantt's inner row 2, grid row 9.
    @Test(arguments: BuiltinThemes.names)
    func aSelectedLateTaskKeepsItsMarkAndColour(theme name: String) throws {
        var state = try PaneRenderTests().state(focus: .gantt)
        state.selection[.gantt] = 0
        for colour in [true, false] {
            let theme = try Self.theme(name, colour: colour)
            let grid = theme.apply(to: DeckRenderer.render(state, columns: 80, rows: 24))
            #expect(grid[9, 0].scalar == "▶")
            #expect(grid[9, 1].scalar == "!", "the late mark stays")
            let late = theme.look(.late)
            let nameCell = grid[9, 2].style
            #expect(nameCell.foreground == late.foreground, "\(name): the late colour stays under the selection")
            #expect(nameCell.attributes.isSuperset(of: late.attributes.union(.reverse)), "\(name): \(nameCell.attributes)")
            // The bar keeps its glyphs: two done cells, two to do (late role), reversed too.
            #expect((14...17).map { grid[9, $0].text }.joined() == "██▒▒")
            #expect(grid[9, 16].style.foreground == late.foreground)
            #expect(grid[9, 16].style.attributes.contains(.reverse))
            // Today's line (column 18) crosses the selected row, reversed with it.
            #expect(grid[9, 18].scalar == "│")
            #expect(grid[9, 18].style.attributes.contains(.reverse))
        }
    }

    // An open anomaly is drawn in the firing role (reverse in the default
    // theme): selected, it keeps that colour, and the border mark tells it apart.
    @Test func aSelectedFiringAnomalyKeepsItsColour() throws {
        let state = Self.demo(focus: .anomalies)
        let theme = try Self.theme("default", colour: true)
        let grid = theme.apply(to: DeckRenderer.render(state, columns: 120, rows: 40))
        let row = try #require((0..<grid.rows).first { grid[$0, 0].scalar == "▶" })
        let firing = theme.look(.firing)
        let title = try #require(grid.line(row).range(of: "CPA above 80"))
        let column = grid.line(row).distance(from: grid.line(row).startIndex, to: title.lowerBound)
        #expect(grid[row, column].style.foreground == firing.foreground)
        #expect(grid[row, column].style.attributes.isSuperset(of: firing.attributes.union(.reverse)))
    }
}
