import CampaignText
import Foundation

/// What a new silence must be, checked the same way for the command line
/// and the dashboard: a rule the plan has (and a scope it can judge), a
/// comment, and an end in the future at most ten years away (SPEC §13).
public enum SilenceTerms {
    /// A refused silence, worded `<what> (<where>)`.
    public struct Problem: Error, CustomStringConvertible, Equatable, Sendable {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// The longest silence: ten years, like every other span.
    public static let maximumMilliseconds = Int64(PlanLimits.maximumSpanSeconds) * 1_000

    /// The end of a silence lasting `text` (`30m`, `2h`, `7d`) from `now`
    /// (epoch milliseconds). `option` names where the text came from.
    public static func end(lasting text: String, from now: Int64, option: String) throws(Problem) -> Int64 {
        guard let seconds = DurationText.seconds(text) else {
            throw Problem(Phrase.dataSilenceDuration.text(option, text.terminalSafe))
        }
        guard seconds > 0 else { throw Problem(Phrase.dataSilenceZero.text(text.terminalSafe, option)) }
        guard seconds <= PlanLimits.maximumSpanSeconds else { throw tooLong(text, option: option) }
        return now + Int64(seconds) * 1_000
    }

    /// The instant `text` names: `YYYY-MM-DD HH:mm` (or with seconds, or a
    /// `T` for the space) in the campaign's zone, or RFC 3339 with its
    /// offset; it must be after `now` and at most ten years later.
    public static func end(until text: String, from now: Int64, timeZone: String, option: String) throws(Problem) -> Int64 {
        guard let end = instant(text, timeZone: timeZone) else {
            throw Problem(Phrase.dataSilenceUntil.text(option, timeZone, text.terminalSafe))
        }
        guard end > now else { throw Problem(Phrase.dataSilencePast.text(option, text.terminalSafe)) }
        guard end - now <= maximumMilliseconds else { throw tooLong(text, option: option) }
        return end
    }

    /// Longer than ten years, whether given as a duration or an end.
    private static func tooLong(_ text: String, option: String) -> Problem {
        Problem(Phrase.dataSilenceTooLong.text(Phrase.dataSilenceLongest.text(PlanLimits.maximumSpanDays), text.terminalSafe, option))
    }

    /// Epoch milliseconds of a wall-clock text, or nil.
    static func instant(_ text: String, timeZone: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if case .success(let milliseconds) = EventTimestamp.parse(trimmed) { return milliseconds }
        // Local time: YYYY-MM-DD, a space or T, HH:mm, optional :ss.
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let day = Day(iso: parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        let second = clock.count == 3 ? Int(clock[2]) : 0
        guard let second, (0..<60).contains(second), let zone = TimeZone(identifier: timeZone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = day.components
        guard let date = calendar.date(from: DateComponents(year: components.year, month: components.month, day: components.day,
                                                           hour: hour, minute: minute, second: second)) else { return nil }
        return Int64((date.timeIntervalSince1970 * 1_000).rounded())
    }

    /// The rule must be one of the plan's, and a scope one it is judged
    /// over: a segment or channel the plan declares (a typo would silence
    /// nothing), none or `total` for a rule judged over the total.
    public static func check(rule: String, scope: String?, in plan: Plan) throws(Problem) {
        guard let found = plan.alerts.first(where: { $0.name == rule }) else {
            let known = plan.alerts.map { "'\($0.name.terminalSafe)'" }.joined(separator: ", ")
            throw Problem(Phrase.dataSilenceNoRule.text(rule.terminalSafe, known.isEmpty ? Phrase.dataNone.text() : known))
        }
        guard let scope else { return }
        let known: [String]
        switch found.per {
        case .total:
            guard scope == AlertRule.Scope.total.rawValue else {
                throw Problem(Phrase.dataSilenceTotalRule.text(rule.terminalSafe))
            }
            return
        case .segment: known = plan.segments.map(\.id)
        case .channel: known = plan.channels.map(\.id)
        case .campaign: known = []
        }
        if !known.isEmpty && !known.contains(scope) {
            throw Problem(Phrase.dataSilenceNoScope.text(rule.terminalSafe, AnomalyStatusWords.per(found.per.rawValue),
                                                        scope.terminalSafe, known.joined(separator: ", ")))
        }
    }

    /// The comment, trimmed: a silence says why, so nobody wonders later.
    public static func comment(_ text: String, option: String) throws(Problem) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Problem(Phrase.dataSilenceComment.text(option)) }
        return trimmed
    }
}
