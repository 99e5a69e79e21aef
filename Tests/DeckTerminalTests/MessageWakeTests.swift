@testable import DeckTerminal
import Foundation
import Testing

/// The loop sleeps in `poll` until something happens; a status message due
/// to go is the only timer it sets.
@Suite struct MessageWakeTests {
    @Test func withoutAMessageTheLoopWaitsForever() {
        #expect(TerminalDashboard.timeout(until: nil) == -1)
    }

    @Test func itWakesWhenTheMessageIsDue() {
        let wait = TerminalDashboard.timeout(until: Date() + 2.5)
        #expect(wait > 2_400 && wait <= 2_500)
        #expect(TerminalDashboard.timeout(until: Date() - 1) == 0, "already due: no wait")
    }
}
