@testable import CampaignCore
import Testing

/// When each simulated minute is due, worked out by hand.
@Suite struct SimulationPacerTests {
    @Test func laterEventsAreDueTheirEventTimeOverTheSpeedAfterTheFirst() {
        var pacer = SimulationPacer(speed: 60)
        #expect(pacer.wait(before: 1_000, now: 5) == 0, "the first event is due at once")
        // 60 campaign seconds at ×60 is one wall second after the first (at 5): due at 6.
        #expect(pacer.wait(before: 1_060, now: 5.5) == 0.5)
        #expect(pacer.wait(before: 1_060, now: 7) == -1, "already late")
    }

    @Test func aNewSpeedRestartsFromTheNextEvent() {
        var pacer = SimulationPacer(speed: 60)
        _ = pacer.wait(before: 1_000, now: 0)
        pacer.set(speed: 600)
        #expect(pacer.wait(before: 1_600, now: 2) == 0, "no catching up for time played at the old speed")
        // 600 campaign seconds at ×600 after the new origin (1 600 at 2 s): due at 3.
        #expect(pacer.wait(before: 2_200, now: 2.25) == 0.75)
    }

    @Test func theSameSpeedKeepsTheOrigin() {
        var pacer = SimulationPacer(speed: 10)
        _ = pacer.wait(before: 0, now: 0)
        pacer.set(speed: 10)
        #expect(pacer.wait(before: 100, now: 4) == 6)
    }
}
