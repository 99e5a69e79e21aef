@testable import DeckUI
import Foundation
import Testing

/// The config's problems as the dashboard opens: the first in the status
/// bar with how many more, each one in the message log.
@Suite struct ConfigProblemsTests {
    @Test func oneProblemIsShownAsItIs() {
        var state = KeyTyping.editableDemo()
        state.showConfigProblems(["/c.yaml:3:9: key p is already toggle_pause's"])
        #expect(state.message == "/c.yaml:3:9: key p is already toggle_pause's")
        #expect(state.messages.log.map(\.text) == ["/c.yaml:3:9: key p is already toggle_pause's"])
    }

    @Test func severalShowTheFirstAndTheCountAndAllAreLogged() {
        var state = KeyTyping.editableDemo()
        state.showConfigProblems(["/c.yaml:1:8: a", "/c.yaml:2:1: b", "/c.yaml:4:3: c"])
        #expect(state.message == "/c.yaml:1:8: a · 2 more in the config (:messages)")
        #expect(state.messages.log.map(\.text).prefix(3) == ["/c.yaml:1:8: a", "/c.yaml:2:1: b", "/c.yaml:4:3: c"])
        let bar = KeyTyping.screen(state).split(separator: "\n").last.map(String.init) ?? ""
        #expect(bar.contains("/c.yaml:1:8: a · 2 more"), "\(bar)")
    }

    @Test func noProblemsNoMessage() {
        var state = KeyTyping.editableDemo()
        state.showConfigProblems([])
        #expect(state.message == nil && state.messages.log.isEmpty)
    }
}
