import CampaignCore
@testable import DeckUI
import Testing

/// The `?` help: one column that scrolls with keys from the registry, wraps
/// instead of cutting, says when more is above or below, and ends with what
/// every symbol means.
@Suite struct HelpOverlayTests {
    typealias K = KeyTyping

    static func opened(columns: Int, rows: Int) -> DeckState {
        var state = K.editableDemo()
        _ = DeckUpdate.apply(.resize(columns: columns, rows: rows), to: &state)
        K.press(.character("?"), in: &state)
        return state
    }

    static func scroll(_ state: DeckState) -> Int? {
        if case .help(let scroll)? = state.overlay { return scroll }
        return nil
    }

    /// The help's content lines in order, read off the screen one `j` at a
    /// time: the top line of each position, then the rest of the last page.
    static func contentLines(_ start: DeckState, columns: Int, rows: Int) -> [String] {
        var state = start
        let page = HelpPage(state, columns: columns, rows: rows)
        func inner(_ grid: CellGrid, _ offset: Int) -> String {
            // Cell by cell: the panes beside the box may hold wide characters.
            let text = ((page.rect.column + 2)..<(page.rect.column + page.rect.width - 2))
                .map { grid[page.rect.row + 1 + offset, $0].text }.joined()
            return text.replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        var lines: [String] = []
        while true {
            let grid = DeckRenderer.render(state, columns: columns, rows: rows)
            let before = scroll(state)
            K.press(.character("j"), in: &state)
            if scroll(state) == before {
                lines += (0..<page.visibleLines).map { inner(grid, $0) }
                return lines
            }
            lines.append(inner(grid, 0))
        }
    }

    /// Everything the help says, every line of it joined with single spaces
    /// (wrapped lines read as one).
    static func everyPage(of state: DeckState, columns: Int, rows: Int) -> String {
        var state = state
        _ = DeckUpdate.apply(.resize(columns: columns, rows: rows), to: &state)
        state.overlay = .help(scroll: 0)
        return contentLines(state, columns: columns, rows: rows).joined(separator: " ")
            .replacingOccurrences(of: " +", with: " ", options: .regularExpression)
    }

    static func collapsed(_ text: String) -> String {
        text.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func everyKeyCommandAndSymbolIsThereWhole(columns: Int, rows: Int) {
        let text = Self.everyPage(of: K.editableDemo(), columns: columns, rows: rows)
        for binding in KeyRegistry.builtIn.bindings {
            #expect(text.contains(Self.collapsed(binding.keyLabel + " " + binding.help)), "lacks '\(binding.help)'")
        }
        for command in CommandTable.commands {
            #expect(text.contains(Self.collapsed(command.usage + " " + command.help)), "lacks '\(command.help)'")
        }
        for entry in HelpLegend.entries {
            #expect(text.contains(Self.collapsed(entry.symbol + " " + entry.meaning)), "lacks '\(entry.meaning)'")
        }
        // The legend is last.
        let last = HelpLegend.entries.last!
        #expect(text.hasSuffix(Self.collapsed(last.symbol + " " + last.meaning)))
    }

    @Test func at80x24NoLineIsCutAndLongOnesWrapUnderTheirKeyColumn() {
        let lines = Self.contentLines(Self.opened(columns: 80, rows: 24), columns: 80, rows: 24)
        // The box is 76 wide: 72 columns of text between "│ " and " │".
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 72 })
        #expect(!lines.contains { $0.hasSuffix("…") }, "nothing is cut with …")
        // The ':' command line's help is longer than 72 columns with its usage
        // column: at least one line continues under the text column.
        #expect(lines.contains { $0.hasPrefix("      ") && !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    @Test func itScrollsByLineAndPageAndSaysWhatIsAboveAndBelow() {
        let columns = 80, rows = 24
        var state = Self.opened(columns: columns, rows: rows)
        let all = Self.contentLines(state, columns: columns, rows: rows)
        // 24 rows: the box takes rows 1-22, 20 lines of text between its borders.
        let visible = 20
        #expect(all.count > visible)
        func screen() -> CellGrid { DeckRenderer.render(state, columns: columns, rows: rows) }
        #expect(!screen().line(1).contains("↑"))
        #expect(screen().line(22).contains("↓ \(all.count - visible) more"))
        K.press(.character("j"), in: &state)
        #expect(Self.scroll(state) == 1)
        #expect(screen().line(1).contains("↑ 1 more"))
        #expect(screen().line(2).contains(all[1].trimmingCharacters(in: .whitespaces)))
        K.press(.up, in: &state)
        #expect(Self.scroll(state) == 0)
        K.press(.up, in: &state)
        #expect(Self.scroll(state) == 0, "not above the top")
        // A page keeps one line of the last one in view.
        K.press(.pageDown, in: &state)
        #expect(Self.scroll(state) == visible - 1)
        K.press(.pageUp, in: &state)
        #expect(Self.scroll(state) == 0)
        // G: the last page, the legend's last entry on the last line.
        K.press(.character("G"), in: &state)
        #expect(Self.scroll(state) == all.count - visible)
        #expect(screen().line(1).contains("↑ \(all.count - visible) more"))
        #expect(!screen().line(22).contains("↓"))
        #expect(screen().line(21).contains(HelpLegend.entries.last!.meaning))
        K.press(.character("j"), in: &state)
        #expect(Self.scroll(state) == all.count - visible, "not below the end")
        K.press(.character("k"), in: &state)
        #expect(screen().line(22).contains("↓ 1 more"))
        K.press(.character("g"), in: &state)
        #expect(Self.scroll(state) == 0)
        // ? closes it, and opens it again at the top.
        K.press(.character("?"), in: &state)
        #expect(state.overlay == nil)
    }

    @Test func itsKeysComeFromTheRegistryWithSnakeCaseIds() {
        let help = KeyRegistry.builtIn.bindings.filter { $0.scope == .view(.help) }
        #expect(help.compactMap(\.id) == ["help_scroll_down", "help_scroll_up", "help_page_down", "help_page_up",
                                         "help_top", "help_end", "help_search", "help_next_match", "help_previous_match"])
        let ids = KeyRegistry.builtIn.bindings.compactMap(\.id)
        #expect(Set(ids).count == ids.count, "ids are unique")
        #expect(ids.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" } })
        // The status bar offers them while the help is open.
        let state = Self.opened(columns: 80, rows: 24)
        #expect(DeckRenderer.render(state, columns: 80, rows: 24).line(23).contains("j scroll"))
    }

    @Test func underTheHelpJMovesTheHelpNotThePaneSelection() {
        var state = Self.opened(columns: 80, rows: 24)
        K.press(.character("j"), .character("j"), in: &state)
        #expect(Self.scroll(state) == 2)
        #expect(state.selected(.segments) == 0)
    }

    /// Every mark the panes and header draw, collected from the demo's screens
    /// (each pane focused, a task with a dependency selected, paused, edited,
    /// an anomaly open and one recovered), is explained in the legend.
    @Test func theLegendExplainsEverySymbolOnScreen() {
        var states: [DeckState] = []
        var base = GoldenScreenTests.demoState
        base.data.anomalies.append(.init(id: 2, openedAt: "04-09 12:00", title: "CPA above 80", scope: "wechat",
                                         severity: "critical", status: .open, owner: nil, recovered: false, detail: []))
        for pane in Pane.allCases {
            var state = base
            state.focus = pane
            states.append(state)
        }
        var dependent = base
        dependent.focus = .gantt
        dependent.selection[.gantt] = dependent.plan.tasks.firstIndex { !$0.after.isEmpty }!
        var paused = base
        paused.stream = .paused
        var live = base
        live.stream = .live
        var edited = K.editableDemo()
        edited.data = base.data
        K.press(.character("2"), .character("L"), in: &edited)
        states += [dependent, paused, live, edited]
        var seen = Set<Unicode.Scalar>()
        for state in states {
            for size in [(80, 24), (200, 60)] {
                let grid = DeckRenderer.render(state, columns: size.0, rows: size.1)
                for scalar in grid.lines().joined().unicodeScalars where Self.isMark(scalar) { seen.insert(scalar) }
            }
        }
        let legend = Set(HelpLegend.entries.flatMap { $0.symbol.unicodeScalars })
        let unexplained = seen.subtracting(legend).map { String($0) }.sorted()
        #expect(unexplained.isEmpty, "not in the legend: \(unexplained)")
        #expect(seen.contains("★") && seen.contains("▒") && seen.contains("↺"), "the scan sees the panes' marks")
    }

    /// A symbol rather than text or a frame: not a letter, digit or CJK, not a
    /// box-drawing line, not ordinary punctuation.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == "!" }
        if (0x2500...0x257F).contains(scalar.value) && scalar != "│" { return false }  // borders, but today's line counts
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return false }
        if (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value) { return false }
        return scalar != "→"  // a date range's arrow in the Gantt's footer is text
    }
}
