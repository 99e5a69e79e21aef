import CampaignCore
@testable import DeckUI
import Foundation
import Testing

/// `/` in the message log finds text, `n`/`N` walk the matches round; what
/// was found is said in the box's own line, so searching never adds to the
/// log it searches. At 80×24 the box shows 19 lines (24 − 5).
@Suite struct MessageSearchTests {
    typealias K = KeyTyping

    /// Forty one-line messages; every tenth says `saved shop.yaml`: lines 9, 19, 29, 39.
    static func opened() -> DeckState {
        var state = K.editableDemo()
        state.clock = { Date(timeIntervalSince1970: 1_772_442_907) }
        state.wallClockZone = TimeZone(identifier: "UTC")!
        _ = DeckUpdate.apply(.resize(columns: 80, rows: 24), to: &state)
        for index in 1...40 { state.message = index % 10 == 0 ? "saved shop.yaml (\(index))" : "message \(index)" }
        state.overlay = .messageLog(top: nil)
        return state
    }

    static func search(_ text: String, _ state: inout DeckState) {
        K.press(.character("/"), in: &state)
        K.type(text, in: &state)
        K.press(.enter, in: &state)
    }

    static func screen(_ state: DeckState) -> String { K.screen(state, columns: 80, rows: 24) }

    @Test func findsFromWhatIsShownAndWalksRound() {
        var state = Self.opened()
        let logged = state.messages.log.count
        // Open at the newest page (lines 21–39): the first match shown is line 29.
        Self.search("SAVED", &state)
        #expect(state.overlay == .messageLog(top: 29))
        #expect(Self.screen(state).contains("match 3 of 4 for /SAVED"))
        K.press(.character("n"), in: &state)
        #expect(state.overlay == .messageLog(top: 39))
        K.press(.character("n"), in: &state)        // round to the first
        #expect(state.overlay == .messageLog(top: 9))
        let screen = Self.screen(state)
        #expect(screen.contains("match 1 of 4 for /SAVED"))
        #expect(screen.contains("saved shop.yaml (10)") && !screen.contains("message 9 "), "line 9 at the top:\n\(screen)")
        K.press(.character("N"), in: &state)        // and back round to the last
        #expect(state.overlay == .messageLog(top: 39))
        #expect(state.messages.log.count == logged, "searching wrote nothing to the log")
    }

    @Test func noMatchIsSaidInTheBoxAndTheLogStaysPut() {
        var state = Self.opened()
        K.press(.character("g"), in: &state)
        Self.search("zzqx", &state)
        #expect(state.overlay == .messageLog(top: 0))
        #expect(Self.screen(state).contains("no match for /zzqx"))
    }

    @Test func escapeGoesBackAndTheMatchIsMarked() throws {
        var state = Self.opened()
        K.press(.character("/"), in: &state)
        K.type("shop", in: &state)
        #expect(Self.screen(state).contains("saved shop.yaml (40)"), "the log stays drawn while typing")
        K.press(.escape, in: &state)
        #expect(state.overlay == .messageLog(top: nil))
        Self.search("shop", &state)
        let grid = DeckRenderer.render(state, columns: 80, rows: 24)
        let lines = grid.lines()
        let row = try #require(lines.firstIndex { $0.contains("saved shop.yaml (30)") })
        let column = try #require(lines[row].range(of: "shop.yaml")).lowerBound.utf16Offset(in: lines[row])
        #expect(grid[row, column].style.attributes.contains(.reverse))
        #expect(grid[row, column + 3].style.attributes.contains(.reverse))
        #expect(!grid[row, column + 4].style.attributes.contains(.reverse))
    }

    @Test func itsKeysAreInTheRegistry() {
        let own = KeyRegistry.builtIn.bindings.filter { $0.scope == .view(.messages) }.map(\.id)
        #expect(own == ["messages_search", "messages_next_match", "messages_previous_match"])
        // With the log open, Segments' n (rename) no longer reaches the pane beneath.
        var state = Self.opened()
        state.focus = .segments
        K.press(.character("n"), in: &state)
        #expect(state.overlay == .messageLog(top: nil))
    }
}
