import CampaignText
import CampaignCore

/// The header's place in the campaign: `day 12/65` while it runs, counted
/// over the campaign's one length (start to the schedule's end); before and
/// after, the date it starts or ended, never `day 70/65`.
enum CampaignDayText {
    static func text(_ length: CampaignLength, today: Day) -> String {
        let day = length.dayNumber(of: today)
        if day < 1 { return Phrase.campaignStarts.text(monthDay(length.start)) }
        if day > length.days { return Phrase.campaignEnded.text(monthDay(length.lastDay)) }
        return Phrase.campaignDay.text(day, length.days)
    }

    /// `05-05`: the year is the campaign's.
    private static func monthDay(_ day: Day) -> String { String(day.description.dropFirst(5)) }
}
