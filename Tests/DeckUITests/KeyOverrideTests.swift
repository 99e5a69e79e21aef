import CampaignCore
@testable import DeckUI
import Testing

/// The registry with the user's keys: the key does the thing, the key it
/// replaced does not, and the footer, the `?` help and messages that name a
/// key all say the new one.
@Suite struct KeyOverrideTests {
    typealias K = KeyTyping

    static func override(_ id: String, _ keys: Key...) -> KeyOverride {
        KeyOverride(id: id, at: .start, keys: keys.map { KeyOverride.WrittenKey($0, at: .start) })
    }

    /// The editable demo with `overrides` applied (they must all apply).
    static func state(_ overrides: KeyOverride...) -> DeckState {
        let (keys, problems) = KeyRegistry.builtIn.applying(overrides)
        #expect(problems.isEmpty, "\(problems)")
        var state = K.editableDemo()
        state.keys = keys
        return state
    }

    @Test func theNewKeyDoesTheThingAndTheReplacedOneNoLonger() {
        var state = Self.state(Self.override("next_pane", .control("n"), .character("]")), Self.override("zoom", .character("Z")))
        K.press(.control("n"), in: &state)
        #expect(state.focus == .gantt)
        K.press(.character("]"), in: &state)   // the Gantt's own `]` (days axis) wins in the Gantt
        #expect(state.focus == .gantt)
        K.press(.tab, in: &state)
        #expect(state.focus == .gantt, "Tab was replaced")
        #expect(state.message == "Tab: no action here (? shows every key)")
        K.press(.character("Z"), in: &state)
        #expect(state.zoomed)
        K.press(.character("z"), in: &state)
        #expect(state.zoomed, "z was replaced")
        // The built-in table is untouched by another state's overrides.
        #expect(KeyRegistry.builtIn.binding(id: "next_pane")?.keys == [.tab])
    }

    @Test func theFooterShowsTheConfiguredKeys() {
        let state = Self.state(Self.override("quit", .character("Q")), Self.override("help", .function(1)),
                               Self.override("filter", .character("f")))
        let footer = K.screen(state).split(separator: "\n").last.map(String.init) ?? ""
        #expect(footer.contains("F1 help"), "\(footer)")
        #expect(footer.contains("Q quit"), "\(footer)")
        #expect(!footer.contains("? help") && !footer.contains("q quit"), "\(footer)")
        // Help and quit stay in the footer however narrow (they lead to everything else).
        let narrow = K.screen(state, columns: 80, rows: 24).split(separator: "\n").last.map(String.init) ?? ""
        #expect(narrow.contains("F1 help") && narrow.contains("Q quit"), "\(narrow)")
    }

    @Test func theHelpListsTheConfiguredKeys() {
        var state = Self.state(Self.override("next_pane", .tab, .control("n")), Self.override("help", .function(1), .character("?")))
        let help = HelpOverlayTests.everyPage(of: state, columns: 120, rows: 40)
        #expect(help.contains("Tab/Ctrl-N next pane"), "\(help)")
        #expect(help.contains("This help (?)"))
        #expect(help.contains("F1/? show every key and command"))
        // Opened with the new key.
        K.press(.function(1), in: &state)
        #expect(state.overlay == .help(scroll: 0))
    }

    @Test func helpIntroAndViewTitlesNameTheConfiguredKeys() {
        let state = Self.state(Self.override("back", .character("x")), Self.override("help", .function(1)),
                               Self.override("start_walkthrough", .character("W")))
        let help = HelpOverlayTests.everyPage(of: state, columns: 120, rows: 40)
        #expect(help.contains("x or F1 closes this"), "\(help)")
        #expect(help.contains("This help (F1)"))
        #expect(help.contains("Stand-up walkthrough (W)"))
    }

    @Test func messagesNameTheKeyByItsId() {
        var state = Self.state(Self.override("help", .function(1)))
        K.press(.character("?"), in: &state)
        #expect(state.message == "?: no action here (F1 shows every key)")
        #expect(state.keys.label("reopen_anomaly") == "R")
        let reopened = Self.state(Self.override("reopen_anomaly", .control("o")))
        #expect(reopened.keys.label("reopen_anomaly") == "Ctrl-O")
        // A label prefers a typed character over a named key, as the texts were written.
        #expect(KeyRegistry.builtIn.label("move_down") == "j")
    }

    @Test func aViewsOwnKeysCanBeRemapped() {
        var state = Self.state(Self.override("help_page_down", .character("J")))
        _ = DeckUpdate.apply(.resize(columns: 80, rows: 24), to: &state)
        K.press(.character("?"), .character("J"), in: &state)
        let page = HelpPage(state, columns: 80, rows: 24).visibleLines - 1
        #expect(state.overlay == .help(scroll: page))
        K.press(.character(" "), in: &state)
        #expect(state.overlay == .help(scroll: page), "Space was replaced in the help")
        #expect(state.message == "Space: no action here (? shows every key)")
    }

    @Test func cardsAndViewsNameTheConfiguredKeys() {
        var state = Self.state(Self.override("back", .character("x")), Self.override("next_step", .character("N")))
        K.press(.enter, in: &state)
        #expect(K.screen(state).contains("x closes"), "the persona card names the back key")
        K.press(.character("x"), in: &state)
        #expect(state.overlay == nil)
        K.press(.character("3"), .character("e"), in: &state)
        #expect(K.screen(state).contains("j/k choose · T threshold · F for · V min_volume · x close · u undo"))
    }
}
