import CampaignText
import CampaignCore

/// The anomaly log's times as people read them, all in the campaign's zone.
///
/// A timeline mixes two clocks (see `AnomalyNote.Clock`): each time is
/// followed by its clock's name, and the year is written out whenever it is
/// not the campaign's, so a wall-clock `2026-12-02 05:57 wall` is never taken
/// for a moment of an April campaign. Entries stay in the order they were
/// written: sorting event times among wall times would interleave two clocks
/// that do not run together (a replayed day is months behind the wall).
public struct AnomalyTimeText: Sendable {
    public private(set) var clock: CampaignClock
    /// The campaign's year: times in it drop the year. Nil: always written out.
    public let campaignYear: Int?

    public init(timeZone: String, campaignYear: Int?) {
        clock = CampaignClock(timeZoneIdentifier: timeZone)
        self.campaignYear = campaignYear
    }

    /// `04-22 12:00` in the campaign's year, `2026-12-02 05:57` otherwise.
    public mutating func short(_ ms: Int64) -> String {
        let full = String(clock.rfc3339(ms).prefix(16)).replacingOccurrences(of: "T", with: " ")
        guard let campaignYear, full.hasPrefix(String(campaignYear) + "-") else { return full }
        return String(full.dropFirst(5))
    }

    /// What a timeline line calls each clock.
    public static func label(_ clock: AnomalyNote.Clock) -> String {
        switch clock {
        case .event: return aligned(Phrase.timelineEvent.text())
        case .wall: return aligned(Phrase.timelineWall.text())
        }
    }

    /// Both labels padded to one display width, so the authors line up.
    private static func aligned(_ label: String) -> String {
        let width = max(DisplayWidth.of(Phrase.timelineEvent.text()), DisplayWidth.of(Phrase.timelineWall.text()))
        return DisplayWidth.pad(label, toWidth: width)
    }

    /// `04-22 12:00 event alert: fired again: …` — one timeline entry.
    public mutating func line(_ note: AnomalyNote, marker: String = "") -> String {
        "\(short(note.at)) \(Self.label(note.clock)) \(AnomalyNoteWords.author(of: note)): \(marker)\(AnomalyNoteWords.text(of: note))"
    }

    /// The legend a timeline starts with.
    public static var legend: String { Phrase.timelineLegend.text() }
}
