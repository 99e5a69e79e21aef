import CampaignCore
import CampaignText

/// `--since` / `--until`: a calendar day in the campaign's zone, or an exact instant.
enum AnomalyDates {
    /// The instant a bound stands for: the start of a day (or, for `--until`,
    /// the start of the next day, so the day itself is included).
    static func instant(_ text: String?, option: String, clock: CampaignClock, endOfDay: Bool) throws -> Int64? {
        guard let text else { return nil }
        if let day = Day(iso: text) { return clock.start(of: endOfDay ? day.adding(days: 1) : day) }
        if case .success(let ms) = EventTimestamp.parse(text) { return ms }
        throw CLIError(Phrase.cliDateOrInstant.text(option, text))
    }
}
