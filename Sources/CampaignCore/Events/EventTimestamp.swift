import CampaignText

/// The `ts` field: an RFC 3339 date-time with offset, or integer epoch
/// milliseconds, to epoch milliseconds UTC.
///
/// Accepted text: `YYYY-MM-DD` `T` `HH:MM:SS` [`.` digits] (`Z` | `±HH:MM`), with
/// `t`, `z` or a space also accepted where RFC 3339 allows them. Fractions are cut
/// to milliseconds (not rounded, so an event never moves into the next second).
/// Second 60 is a leap second, which is only ever inserted as the last second
/// of a UTC day: it is accepted only at 23:59 UTC (07:59 at +08:00) and counts
/// as the first instant of the next minute, which is what Unix time does with
/// it; at any other minute it is an impossible time.
///
/// Instants from 1900-01-01 to 9999-12-30 (UTC) are accepted. Why: outside
/// them the time, shown in the campaign's zone, prints in other than four
/// digits (`0000-01-01T00:00+23:59` is year -1; the last day of 9999 is year
/// 10000 east of Greenwich); the last day of 9999 is left out so that no
/// zone's offset (at most ±14 h) can carry a time past 9999.
public enum EventTimestamp {
    /// 1900-01-01T00:00:00Z in epoch milliseconds.
    public static let minimumMilliseconds: Int64 = -2_208_988_800_000
    /// 9999-12-30T23:59:59.999Z in epoch milliseconds.
    public static let maximumMilliseconds: Int64 = 253_402_214_399_999
    /// How the accepted range reads in messages and README.
    public static var rangeText: String { Phrase.dataTimestampRange.text("1900-01-01", "9999-12-30") }

    /// Parses RFC 3339 text.
    public static func parse(_ text: String) -> Result<Int64, TimestampProblem> {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    @inline(__always)
    static func parse(_ s: UnsafeBufferPointer<UInt8>) -> Result<Int64, TimestampProblem> {
        let n = s.count
        // The fixed-width part: "YYYY-MM-DDTHH:MM:SS" is 19 bytes.
        guard n >= 19,
            let year = digits(s, 0, 4), s[4] == UInt8(ascii: "-"),
            let month = digits(s, 5, 2), s[7] == UInt8(ascii: "-"),
            let day = digits(s, 8, 2),
            s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t") || s[10] == UInt8(ascii: " "),
            let hour = digits(s, 11, 2), s[13] == UInt8(ascii: ":"),
            let minute = digits(s, 14, 2), s[16] == UInt8(ascii: ":"),
            let second = digits(s, 17, 2)
        else { return .failure(.notRFC3339) }

        var i = 19
        var millis = 0
        if i < n, s[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < n, isASCIIDigit(s[i]) {
                if i - start < 3 { millis = millis * 10 + Int(s[i] &- UInt8(ascii: "0")) }
                i += 1
            }
            guard i > start else { return .failure(.notRFC3339) }
            for _ in min(i - start, 3)..<3 { millis *= 10 }
        }
        guard i < n else { return .failure(.missingOffset) }

        var offsetMinutes = 0
        switch s[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            i += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == n, let offsetHour = digits(s, i + 1, 2), s[i + 3] == UInt8(ascii: ":"),
                let offsetMinute = digits(s, i + 4, 2)
            else { return .failure(.notRFC3339) }
            guard offsetHour <= 23, offsetMinute <= 59 else { return .failure(.impossibleDate) }
            offsetMinutes = offsetHour * 60 + offsetMinute
            if s[i] == UInt8(ascii: "-") { offsetMinutes = -offsetMinutes }
            i += 6
        default:
            return .failure(.notRFC3339)
        }
        guard i == n else { return .failure(.notRFC3339) }

        guard month >= 1, month <= 12, day >= 1, day <= Day.daysInMonth(year: year, month: month),
            hour <= 23, minute <= 59, second <= 60
        else { return .failure(.impossibleDate) }
        // A leap second ends a UTC day: its local minute is 23:59 less the offset.
        if second == 60, ((hour * 60 + minute - offsetMinutes) % 1_440 + 1_440) % 1_440 != 1_439 {
            return .failure(.impossibleDate)
        }

        let days = Day.ordinal(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        let milliseconds = Int64(seconds) * 1_000 + Int64(millis)
        guard milliseconds >= minimumMilliseconds, milliseconds <= maximumMilliseconds else {
            return .failure(.outOfRange)
        }
        return .success(milliseconds)
    }

    /// Checks integer epoch milliseconds given as a JSON number.
    static func epochMilliseconds(_ number: UnsafeBufferPointer<UInt8>) -> Result<Int64, TimestampProblem> {
        let limit = UInt64(maximumMilliseconds)
        let (negative, outcome) = ScaledDecimal.convert(number, scale: 0, limit: limit, rounding: false)
        switch outcome {
        case .fraction: return .failure(.fractionalMilliseconds)
        case .tooLarge: return .failure(.outOfRange)
        case .value(let magnitude):
            let value = negative ? -Int64(magnitude) : Int64(magnitude)
            return value < minimumMilliseconds ? .failure(.outOfRange) : .success(value)
        }
    }

    /// `count` ASCII digits at `start`, as a number.
    @inline(__always)
    private static func digits(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for k in start..<(start + count) {
            let d = s[k] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }

}
