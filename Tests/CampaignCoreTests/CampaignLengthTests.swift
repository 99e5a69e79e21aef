import CampaignCore
import Foundation
import Testing

/// Campaign length is one number, from the campaign start to the schedule's
/// end, inclusive; pacing's elapsed time and `plan schedule` use it.
@Suite struct CampaignLengthTests {
    /// Two phases, ten weeks (70 days), but the tasks end after 20 days:
    /// a 03-02..03-11 (10 days), b 03-12..03-21 (10 days).
    static let planText = """
    campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1000 }
    phases:
      - { id: one, name: One, weeks: 1-5 }
      - { id: two, name: Two, weeks: 6-10 }
    tasks:
      - { id: a, name: A, phase: one, days: 10 }
      - { id: b, name: B, phase: two, after: [a], days: 10 }
    """

    func plan(_ text: String = Self.planText) throws -> Plan { try #require(PlanLoader.load(yaml: text).plan) }

    @Test func theScheduleEndsTheCampaignNotThePhases() throws {
        let plan = try plan()
        let length = plan.campaignLength
        #expect(length.lastDay == Day(year: 2026, month: 3, day: 21))
        #expect(length.days == 20)
        #expect(length.dayNumber(of: Day(iso: "2026-03-02")!) == 1)
        #expect(length.dayNumber(of: Day(iso: "2026-03-21")!) == 20)
    }

    @Test func pacingCountsTheSameDays() throws {
        let context = KPIContext(plan: try plan())
        // UTC: 20 days of 86 400 000 ms from midnight on 03-02.
        #expect(context.end - context.start == 20 * 86_400_000)
        // Ten days in, half the campaign is gone (the phases would have said a seventh).
        #expect(context.elapsedShare(at: context.start + 10 * 86_400_000) == 0.5)
    }

    @Test func aPlanThatCannotBeScheduledEndsWithItsLastPhase() throws {
        // a and b wait for each other: no schedule, so the phases' 70 days count.
        let cyclic = Self.planText.replacingOccurrences(of: "{ id: a, name: A, phase: one, days: 10 }",
                                                        with: "{ id: a, name: A, phase: one, after: [b], days: 10 }")
        let plan = try #require(PlanLoader.load(yaml: cyclic).plan)
        #expect(plan.campaignLength.days == 70)
    }
}
