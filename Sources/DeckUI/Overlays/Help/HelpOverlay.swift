import CampaignText
import CampaignCore
import CampaignText

/// `?`: every key from the registry, the `:` commands, then what each symbol
/// means. One column that scrolls (the list is longer than any screen) and
/// wraps long lines rather than cutting them.
struct HelpOverlay: KeyedOverlay {
    static let scope = KeyBinding.ModalView.help
    static let bindings: [KeyBinding] = [
        KeyBinding("help_scroll_down", [.character("j"), .down], .moveDown, .keyHelpScrollDown, scope: .view(.help),
                   hint: .hintHelpScrollDown),
        KeyBinding("help_scroll_up", [.character("k"), .up], .moveUp, .keyHelpScrollUp, scope: .view(.help)),
        KeyBinding("help_page_down", [.pageDown, .character(" ")], .pageDown, .keyHelpPageDown, scope: .view(.help),
                   hint: .hintHelpPageDown),
        KeyBinding("help_page_up", [.pageUp], .pageUp, .keyHelpPageUp, scope: .view(.help)),
        KeyBinding("help_top", [.character("g"), .home], .moveHome, .keyHelpTop, scope: .view(.help)),
        KeyBinding("help_end", [.character("G"), .end], .moveEnd, .keyHelpEnd, scope: .view(.help),
                   hint: .hintHelpEnd),
        // The help's own `/`: it finds text in the help rather than filtering the pane beneath.
        KeyBinding("help_search", [.character("/")], .startFilter, .helpSearchBinding, scope: .view(.help),
                   hint: .helpSearchHint),
        KeyBinding("help_next_match", [.character("n")], .nextMatch, .helpNextMatchBinding, scope: .view(.help),
                   hint: .helpNextMatchHint),
        KeyBinding("help_previous_match", [.character("N")], .previousMatch, .helpPreviousMatchBinding, scope: .view(.help)),
    ]

    /// Lines scrolled off the top.
    var scroll: Int

    func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        let page = HelpPage(state, columns: state.screen.columns, rows: state.screen.rows)
        let step: Int
        switch command {
        case .moveDown: step = 1
        case .moveUp: step = -1
        case .pageDown: step = max(1, page.visibleLines - 1)
        case .pageUp: step = -max(1, page.visibleLines - 1)
        case .moveHome: step = -Int.max / 2
        case .moveEnd: step = Int.max / 2
        case .startFilter:
            state.overlay = .inputLine(InputLine(.helpSearch(scroll: scroll)))
            return []
        case .nextMatch, .previousMatch:
            jump(forward: command == .nextMatch, &state)
            return []
        default: return nil
        }
        state.overlay = .help(scroll: page.clamped(page.clamped(scroll) + step))
        return []
    }

    func draw(_ state: DeckState, grid: inout CellGrid) {
        HelpPage(state, columns: grid.columns, rows: grid.rows).draw(scroll: scroll, marking: state.helpSearch?.pattern,
                                                                     grid: &grid)
    }
}

/// The help's lines wrapped for one screen size, and the box they scroll in.
/// Built the same way for drawing and for scrolling, so a page is what shows.
struct HelpPage {
    static var title: String { Phrase.helpTitle.text() }
    /// Names the keys as the user binds them (`back`, `help`, `help_end`).
    static func intro(_ keys: KeyRegistry) -> String {
        Phrase.helpIntro.text(keys.label("back"), keys.label("help"), keys.label("help_end"))
    }
    static var commandsTitle: String { Phrase.helpCommandsTitle.text() }
    static func linesAbove(_ count: Int) -> String { Phrase.helpLinesAbove.text(count) }
    static func linesBelow(_ count: Int) -> String { Phrase.helpLinesBelow.text(count) }

    let rect: Rect
    let lines: [(String, Style)]

    init(_ state: DeckState, columns: Int, rows: Int) {
        // Wide enough for a key, its help and a legend line; never wider than
        // reads comfortably, never off a small screen.
        let width = max(20, min(columns - 4, 100))
        let textWidth = width - 4
        var lines: [(String, Style)] = []
        func add(_ text: String, _ style: Style, indent: Int = 0) {
            lines += TextWrapping.lines(text, width: textWidth, indent: indent).map { ($0, style) }
        }
        func title(_ text: String) { add(text, Style(.title, attributes: .bold)) }
        add(Self.intro(state.keys), Style(.muted))
        let keyWidth = state.keys.bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 8
        func section(_ name: String, _ bindings: [KeyBinding]) {
            guard !bindings.isEmpty else { return }
            title(name)
            for binding in bindings {
                add(DisplayWidth.pad(binding.keyLabel, toWidth: keyWidth + 2) + binding.help, Style(.text), indent: keyWidth + 2)
            }
        }
        // The focused pane's keys first: what works here.
        section(state.focus.title, state.keys.bindings.filter { $0.scope.isOwn(to: state.focus) })
        section(Phrase.helpEverywhere.text(), state.keys.bindings.filter { $0.scope == .global })
        title(Phrase.mouseHelpTitle.text())
        add(Phrase.mouseHelpLines.text(), Style(.text))
        title(Self.commandsTitle)
        let usageWidth = CommandTable.commands.map { DisplayWidth.of($0.usage) }.max() ?? 8
        for command in CommandTable.commands {
            add(DisplayWidth.pad(command.usage, toWidth: usageWidth + 2) + command.help, Style(.text), indent: usageWidth + 2)
        }
        add(Phrase.commandNamesHelp.text([ArgumentSlot.task, .segment, .rule].map(\.usageName).joined(separator: ", ")), Style(.muted))
        for pane in Pane.allCases where pane != state.focus {
            section(pane.title, state.keys.bindings.filter { $0.scope.isOwn(to: pane) })
        }
        for view in KeyBinding.ModalView.allCases {
            section(view.title(state.keys), state.keys.bindings.filter { $0.scope == .view(view) })
        }
        title(HelpLegend.title)
        let legend = HelpLegend.entries
        let symbolWidth = legend.map { DisplayWidth.of($0.symbol) }.max() ?? 4
        for entry in legend {
            add(DisplayWidth.pad(entry.symbol, toWidth: symbolWidth + 2) + entry.meaning, Style(.text), indent: symbolWidth + 2)
        }
        self.lines = lines
        let height = max(3, min(rows - 2, lines.count + 2))
        rect = Rect(row: max(1, (rows - height) / 2), column: max(0, (columns - width) / 2), width: width, height: height)
    }

    var visibleLines: Int { rect.height - 2 }

    /// `scroll` kept between the top and the last full page.
    func clamped(_ scroll: Int) -> Int { min(max(0, scroll), max(0, lines.count - visibleLines)) }

    /// `marking`: the search's text, shown in reverse video wherever it is on screen.
    func draw(scroll: Int, marking pattern: String? = nil, grid: inout CellGrid) {
        let first = clamped(scroll)
        grid.fill(rect, style: Style(.text))
        grid.drawBox(rect, lines: .rounded, style: Style(.borderFocused, attributes: .bold), title: Self.title,
                     titleStyle: Style(.title, attributes: .bold))
        for (offset, line) in lines.dropFirst(first).prefix(visibleLines).enumerated() {
            grid.put(line.0, row: rect.row + 1 + offset, column: rect.column + 2, style: line.1, maxWidth: rect.width - 4)
            TextSearch.mark(pattern, in: line.0, row: rect.row + 1 + offset, column: rect.column + 2, width: rect.width - 4,
                            grid: &grid)
        }
        // How much is hidden, on the borders, so the box itself says it scrolls.
        let below = lines.count - first - visibleLines
        let marks = [(first > 0 ? Self.linesAbove(first) : nil, rect.row),
                     (below > 0 ? Self.linesBelow(below) : nil, rect.row + rect.height - 1)]
        for case (let text?, let row) in marks {
            let label = " " + text + " "
            grid.put(label, row: row, column: rect.column + rect.width - 2 - DisplayWidth.of(label),
                     style: Style(.accent, attributes: .bold))
        }
    }
}
