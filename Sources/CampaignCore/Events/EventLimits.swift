import CampaignText

/// The bounds every event reader applies in stream order, so one
/// bad producer can neither exhaust memory nor silence the alerts:
///
/// - at most `maxScopes` distinct values per scope dimension (channel,
///   segment, campaign): a line that would add one more is rejected as
///   `too many distinct channels` (or segments, campaigns), so the rejected
///   count stays exact and everything already known keeps being counted;
/// - a `time jump`: an event more than `maxTimeJump` milliseconds after the
///   latest accepted event time is rejected. Without it one stray timestamp
///   years ahead would move every window past all later data;
/// - lines of at most `maximumLineLength` bytes (`--max-line-bytes`): a longer
///   one is rejected with its length without ever being held in memory.
public struct EventLimits: Sendable, Hashable {
    public static let defaultMaxScopes = 10_000
    public static let defaultMaxTimeJump: Int64 = 7 * 86_400_000

    public var maxScopes: Int
    /// Milliseconds; `Int64.max` turns the rule off.
    public var maxTimeJump: Int64
    /// Bytes, without the line break.
    public var maximumLineLength: Int

    public init(maxScopes: Int = EventLimits.defaultMaxScopes, maxTimeJump: Int64 = EventLimits.defaultMaxTimeJump,
                maximumLineLength: Int = EventLineParser.defaultMaximumLineLength) {
        precondition(maxScopes >= 0 && maxTimeJump >= 0 && maximumLineLength >= 1)
        self.maxScopes = maxScopes
        self.maxTimeJump = maxTimeJump
        self.maximumLineLength = maximumLineLength
    }

    public static let standard = EventLimits()

    /// `30s`, `15m`, `12h`, `7d` (or `off`): the `--max-time-jump` syntax, in
    /// milliseconds. The same duration syntax as a plan's `for:` (DurationText);
    /// one too long to count is refused here rather than capped.
    public static func timeJump(parsing text: String) -> Int64? {
        if text == "off" { return .max }
        guard let seconds = DurationText.seconds(text), seconds != .max else { return nil }
        let (milliseconds, overflow) = Int64(seconds).multipliedReportingOverflow(by: 1_000)
        return overflow ? nil : milliseconds
    }

    /// The limit as `--max-time-jump` takes it, in its largest whole unit.
    public static func timeJumpText(_ milliseconds: Int64) -> String {
        if milliseconds == .max { return "off" }
        for (unit, scale) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("m", 60_000), ("s", 1_000)]
        where milliseconds % scale == 0 {
            return "\(milliseconds / scale)\(unit)"
        }
        return "\(milliseconds)ms"
    }

    /// A gap in words, to the second: `7 days 1 minute`.
    static func gapText(_ milliseconds: Int64) -> String {
        var rest = milliseconds / 1_000
        var parts: [String] = []
        let units: [(one: Phrase, many: Phrase, seconds: Int64)] = [
            (.dataGapDay, .dataGapDays, 86_400), (.dataGapHour, .dataGapHours, 3_600),
            (.dataGapMinute, .dataGapMinutes, 60), (.dataGapSecond, .dataGapSeconds, 1),
        ]
        for unit in units {
            let count = rest / unit.seconds
            rest %= unit.seconds
            if count > 0 { parts.append((count == 1 ? unit.one : unit.many).text(count)) }
        }
        return parts.isEmpty ? "\(milliseconds) ms" : parts.joined(separator: " ")
    }
}
