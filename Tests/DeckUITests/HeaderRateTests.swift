import CampaignCore
@testable import DeckUI
import Testing

/// The header's events-per-second figure is shown only while events flow:
/// paused or ended, the last measured rate would be a stale number.
@Suite struct HeaderRateTests {
    func header(_ stream: DeckState.StreamMode) -> String {
        var state = GoldenScreenTests.demoState
        state.stream = stream
        state.data.eventsPerSecond = 1_234
        return DeckRenderer.render(state, columns: 200, rows: 60).line(0)
    }

    @Test func liveAndReplayShowTheRate() {
        // 1234 is written compactly as 1.2k.
        #expect(header(.live).contains("1.2k ev/s"))
        #expect(header(.replay(speed: 60)).contains("1.2k ev/s"))
    }

    @Test func pausedShowsNoRate() {
        let paused = header(.paused)
        #expect(paused.contains("❚❚ paused"))
        #expect(!paused.contains("ev/s"))
        #expect(!header(.finished).contains("ev/s"))
    }
}
