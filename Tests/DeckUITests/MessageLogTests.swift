import CampaignCore
@testable import DeckUI
import Foundation
import Testing

private typealias K = KeyTyping

/// Status messages go away by themselves and every one is kept in the log `:messages` opens.
@Suite struct MessageLogTests {
    /// 2026-03-02 09:15:07 UTC, and the log shown in UTC.
    static let start = Date(timeIntervalSince1970: 1_772_442_907)

    func demo(at time: Date = start) -> DeckState {
        var state = K.editableDemo()
        state.clock = { time }
        state.wallClockZone = TimeZone(identifier: "UTC")!
        return state
    }

    @Test func aMessageGoesAwayAfterItsLifetimeAndStaysInTheLog() {
        var state = demo()
        K.press(.control("s"), in: &state)
        #expect(state.message == "nothing to save")
        #expect(state.messages.expiry == Self.start + 6)
        _ = DeckUpdate.apply(.time(Self.start + 5.9), to: &state)
        #expect(state.message == "nothing to save")
        _ = DeckUpdate.apply(.time(Self.start + 6), to: &state)
        #expect(state.message == nil)
        #expect(state.messages.expiry == nil, "nothing left to wake up for")
        #expect(state.messages.log == [StatusMessages.Entry(text: "nothing to save", time: Self.start)])
    }

    @Test func aNewerMessageRestartsTheClock() {
        var state = demo()
        K.press(.control("s"), in: &state)
        state.clock = { Self.start + 4 }
        K.press(.character("u"), in: &state)
        #expect(state.message == "nothing to undo")
        _ = DeckUpdate.apply(.time(Self.start + 6), to: &state)
        #expect(state.message == "nothing to undo")
        _ = DeckUpdate.apply(.time(Self.start + 10), to: &state)
        #expect(state.message == nil)
        #expect(state.messages.log.map(\.text) == ["nothing to save", "nothing to undo"])
    }

    @Test func messagesOpensTheLogNewestLastWithTimes() {
        var state = demo()
        K.press(.control("s"), in: &state)
        state.clock = { Self.start + 65 }
        K.press(.character("u"), in: &state)
        _ = DeckUpdate.apply(.time(Self.start + 200), to: &state)
        K.command("messages", in: &state)
        #expect(state.overlay == .messageLog(top: nil))
        let screen = K.screen(state)
        let first = screen.components(separatedBy: "09:15:07  nothing to save")
        #expect(first.count == 2, "the first message with its time:\n\(screen)")
        let second = screen.components(separatedBy: "09:16:12  nothing to undo")
        #expect(second.count == 2, "the second message with its time:\n\(screen)")
        #expect(first[0].count < second[0].count, "newest last")
        K.press(.escape, in: &state)
        #expect(state.overlay == nil)
    }

    @Test func aLongMessageIsWrappedInTheLogAndScrolls() {
        var state = demo()
        for index in 1...60 { state.message = "message \(index)" }
        let words = (1...40).map { "task-\($0) +7d" }.joined(separator: ", ")
        state.message = "moved " + words
        K.command("messages", in: &state)
        // 80 columns: the text wraps at 80 - 8 - 10 (the time and its gap) = 62.
        let screen = K.screen(state, columns: 80, rows: 24)
        #expect(screen.contains("task-40 +7d"), "the newest message is shown whole, its end included:\n\(screen)")
        #expect(!screen.contains("message 1 ") && !screen.contains("message 2 "))
        // Scrolled to the top: the oldest message.
        K.press(.character("g"), in: &state)
        #expect(state.overlay == .messageLog(top: 0))
        #expect(K.screen(state, columns: 80, rows: 24).contains("09:15:07  message 1 "))
        K.press(.character("j"), in: &state)
        #expect(state.overlay == .messageLog(top: 1))
        #expect(K.screen(state, columns: 80, rows: 24).contains("09:15:07  message 2 "))
        K.press(.character("G"), in: &state)
        #expect(state.overlay == .messageLog(top: nil))
    }

    @Test func wrappingBreaksAtSpacesAndCutsOverlongWords() {
        #expect(MessageLogOverlay.wrap("moved a +7d, b +7d, c +7d", width: 12) == ["moved a +7d,", "b +7d, c +7d"])
        #expect(MessageLogOverlay.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(MessageLogOverlay.wrap("项目经理项目", width: 5) == ["项目", "经理", "项目"])
    }

    @Test func theWindowKeepsTheLastPageFull() {
        #expect(MessageLogOverlay.window(lineCount: 50, room: 19, top: nil) == 31..<50)
        #expect(MessageLogOverlay.window(lineCount: 50, room: 19, top: 40) == 31..<50)
        #expect(MessageLogOverlay.window(lineCount: 50, room: 19, top: 3) == 3..<22)
        #expect(MessageLogOverlay.window(lineCount: 5, room: 19, top: nil) == 0..<5)
    }

    @Test func aMessageTooLongForTheBarPointsToTheLog() {
        var state = demo()
        state.message = "moved " + (1...40).map { "task-\($0) +7d" }.joined(separator: ", ")
        let screen = K.screen(state, columns: 80, rows: 24)
        let bar = (screen.split(separator: "\n").last.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
        #expect(bar.hasSuffix("… :messages"), "status bar: \(bar)")
        state.message = "saved plan.yaml"
        let short = K.screen(state, columns: 80, rows: 24).split(separator: "\n").last.map(String.init) ?? ""
        #expect(!short.contains(":messages"))
    }
}
