import CampaignCore
import Foundation
@testable import DeckUI
import Testing

/// `/` in the help finds text (it does not filter the pane beneath), `n` and
/// `N` go to the next and previous line holding it, wrapping round. The
/// expected lines are read off the rendered help (`HelpOverlayTests`) and
/// searched with Foundation's case-insensitive search, not the code's own.
@Suite struct HelpSearchTests {
    typealias K = KeyTyping
    static let (columns, rows) = (80, 24)

    static func opened() -> DeckState { HelpOverlayTests.opened(columns: columns, rows: rows) }

    /// The help's lines as on screen, and the page's height (22 − 2 rows).
    static func screenLines(_ state: DeckState) -> [String] {
        HelpOverlayTests.contentLines(state, columns: columns, rows: rows)
    }

    static let visible = 20

    static func matches(_ text: String, _ lines: [String]) -> [Int] {
        lines.indices.filter { lines[$0].range(of: text, options: .caseInsensitive) != nil }
    }

    /// Where the help scrolls to show `line` at its top: no further than the last page.
    static func scroll(showing line: Int, _ lines: [String]) -> Int { min(line, lines.count - visible) }

    static func search(_ text: String, _ state: inout DeckState) {
        K.press(.character("/"), in: &state)
        K.type(text, in: &state)
        K.press(.enter, in: &state)
    }

    @Test func slashFindsTheFirstMatchAndNAndShiftNWalkThemRound() throws {
        var state = Self.opened()
        let lines = Self.screenLines(state)
        let found = Self.matches("theme", lines)
        try #require(found.count >= 2, "the help names the theme key and the :theme command")
        Self.search("THEME", &state)
        #expect(state.overlay == .help(scroll: Self.scroll(showing: found[0], lines)))
        #expect(state.message == "match 1 of \(found.count) for /THEME")
        K.press(.character("n"), in: &state)
        #expect(state.overlay == .help(scroll: Self.scroll(showing: found[1], lines)))
        #expect(state.message == "match 2 of \(found.count) for /THEME")
        K.press(.character("N"), in: &state)
        K.press(.character("N"), in: &state)        // before the first: round to the last
        #expect(state.overlay == .help(scroll: Self.scroll(showing: found.last!, lines)))
        #expect(state.message == "match \(found.count) of \(found.count) for /THEME")
        K.press(.character("n"), in: &state)        // after the last: round to the first
        #expect(state.message == "match 1 of \(found.count) for /THEME")
    }

    @Test func theSearchStartsFromWhatIsOnScreen() throws {
        var state = Self.opened()
        let lines = Self.screenLines(state)
        let found = Self.matches("scroll", lines)
        try #require(found.count >= 3)
        // Scrolled down past the first match, `/` finds the next one below the top.
        state.overlay = .help(scroll: found[0] + 1)
        Self.search("scroll", &state)
        #expect(state.message == "match 2 of \(found.count) for /scroll")
    }

    @Test func noMatchSaysSoAndStaysPut() {
        var state = Self.opened()
        K.press(.character("j"), in: &state)
        Self.search("zzqx", &state)
        #expect(state.overlay == .help(scroll: 1))
        #expect(state.message == "no match for /zzqx in the help")
        K.press(.character("n"), in: &state)
        #expect(state.message == "no match for /zzqx in the help")
    }

    @Test func nBeforeAnySearchSaysHowToSearch() {
        var state = Self.opened()
        K.press(.character("n"), in: &state)
        #expect(state.overlay == .help(scroll: 0))
        #expect(state.message == "no search yet: / searches the help")
    }

    @Test func escapeOnTheSearchLineGoesBackToTheHelp() {
        var state = Self.opened()
        K.press(.pageDown, in: &state)
        let before = state.overlay
        K.press(.character("/"), in: &state)
        K.type("quit", in: &state)
        // While typed, the help is still drawn, the matches marked.
        let screen = K.screen(state, columns: Self.columns, rows: Self.rows)
        #expect(screen.contains("Keys"), "\(screen)")
        K.press(.escape, in: &state)
        #expect(state.overlay == before)
        #expect(state.filters.isEmpty, "nothing was filtered")
    }

    @Test func aMatchIsMarkedInReverseVideo() throws {
        var state = Self.opened()
        Self.search("Everywhere", &state)
        let grid = DeckRenderer.render(state, columns: Self.columns, rows: Self.rows)
        let lines = grid.lines()
        let row = try #require(lines.firstIndex { $0.contains("Everywhere") })
        let column = try #require(lines[row].range(of: "Everywhere")).lowerBound.utf16Offset(in: lines[row])
        #expect(grid[row, column].style.attributes.contains(.reverse))
        #expect(grid[row, column + 9].style.attributes.contains(.reverse))
        #expect(!grid[row, column + 10].style.attributes.contains(.reverse))
    }

    @Test func theKeysAreInTheRegistryUnderTheHelp() {
        let help = KeyRegistry.builtIn.bindings.filter { $0.scope == .view(.help) }
        #expect(help.contains { $0.id == "help_search" && $0.keys == [.character("/")] })
        #expect(help.contains { $0.id == "help_next_match" && $0.keys == [.character("n")] })
        #expect(help.contains { $0.id == "help_previous_match" && $0.keys == [.character("N")] })
        // n and N mean nothing else in the help, and no global binding takes them.
        #expect(help.filter { $0.keys.contains(.character("n")) || $0.keys.contains(.character("N")) }.count == 2)
        #expect(!KeyRegistry.builtIn.bindings.contains { $0.scope == .global
                    && ($0.keys.contains(.character("n")) || $0.keys.contains(.character("N"))) })
        #expect(KeyRegistry.builtIn.hints(for: .help).contains { $0.keys == "n" })
    }
}
