@testable import CampaignCore
@testable import CampaignStore
import Foundation
import Testing

/// One timeline, two clocks: an alert's entries carry event time (the
/// stream's), people's wall time; each is shown with its clock, the year
/// written out when it is not the campaign's.
@Suite struct AnomalyTimelineClockTests {
    let folder = TemporaryFolder()

    @Test func alertEntriesAreEventTimeAndPeoplesAreWallTime() throws {
        let database = try DeckDatabase(path: folder.file("clock.deck.sqlite"))
        let fire = AlertTransition(at: StoreFixtures.at(4), rule: "CTR low", per: .channel, scope: "douyin", from: .pending,
                                   to: .firing, value: 0.005, threshold: 0.01, severity: .warning)
        let recover = AlertTransition(at: StoreFixtures.at(9), rule: "CTR low", per: .channel, scope: "douyin", from: .firing,
                                      to: .ok, value: 0.02, threshold: 0.01, severity: .warning)
        try AlertAnomalies(plan: StoreFixtures.plan()).record([fire], in: database)
        let log = AnomalyLog(database: database)
        _ = try log.acknowledge(id: 1, by: "bo", at: 1_800_000_000_000)
        try AlertAnomalies(plan: StoreFixtures.plan()).record([recover], in: database)
        _ = try log.note(id: 1, text: "swapped creatives", author: "bo", at: 1_800_000_060_000)

        let notes = try log.anomaly(id: 1).notes
        // In the order written, not sorted across the two clocks.
        #expect(notes.map(\.clock) == [.event, .wall, .event, .wall])
        #expect(notes.map(\.at) == [StoreFixtures.at(4), 1_800_000_000_000, StoreFixtures.at(9), 1_800_000_060_000])
        // The dashboard reads every anomaly's notes at once: the same clocks.
        #expect(try log.listWithNotes().first?.notes.map(\.clock) == [.event, .wall, .event, .wall])
    }

    @Test func acknowledgingSetsNoOwner() throws {
        let database = try DeckDatabase(path: folder.file("owner.deck.sqlite"))
        let log = AnomalyLog(database: database)
        let id = try log.open(ManualAnomaly(title: "outage"), author: "ana", at: 1_000).id
        let acked = try log.acknowledge(id: id, by: "bo", at: 2_000)
        #expect(acked.status == .acknowledged)
        #expect(acked.owner == nil)
        #expect(acked.notes.last?.text == "acknowledged")
    }

    /// Campaign zone Asia/Shanghai (UTC+8), campaign year 2026.
    @Test func timesShowTheirClockAndTheYearOutsideTheCampaigns() {
        var text = AnomalyTimeText(timeZone: "Asia/Shanghai", campaignYear: 2026)
        // 2026-04-22T04:00Z is 12:00 in Shanghai, in the campaign's year.
        let april = Int64(Day(year: 2026, month: 4, day: 22)!.ordinal) * 86_400_000 + 4 * 3_600_000
        #expect(text.short(april) == "04-22 12:00")
        // 2026-12-01T21:57Z is already 12-02 05:57 in Shanghai.
        let december = Int64(Day(year: 2026, month: 12, day: 1)!.ordinal) * 86_400_000 + (21 * 60 + 57) * 60_000
        #expect(text.short(december) == "12-02 05:57")
        // 2026-12-31T16:30Z is 2027-01-01 00:30 in Shanghai: not the campaign's year.
        let newYear = Int64(Day(year: 2026, month: 12, day: 31)!.ordinal) * 86_400_000 + (16 * 60 + 30) * 60_000
        #expect(text.short(newYear) == "2027-01-01 00:30")

        #expect(text.line(AnomalyNote(at: april, author: "alert", kind: .event, text: "fired again", clock: .event))
                == "04-22 12:00 event alert: fired again")
        #expect(text.line(AnomalyNote(at: december, author: "bo", kind: .event, text: "acknowledged"))
                == "12-02 05:57 wall  bo: acknowledged")
        #expect(text.line(AnomalyNote(at: newYear, author: "bo", kind: .note, text: "still low"))
                == "2027-01-01 00:30 wall  bo: still low")

        var anyYear = AnomalyTimeText(timeZone: "Asia/Shanghai", campaignYear: nil)
        #expect(anyYear.short(april) == "2026-04-22 12:00")
    }
}
