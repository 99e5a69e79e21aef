/// An ISO 8601 week (`2026-W10`): Monday to Sunday, numbered within the
/// ISO year whose Thursday it holds, so 2026-W01 starts on 2025-12-29 and a
/// year has 52 or 53 weeks (53 when it starts on a Thursday, or on a
/// Wednesday in a leap year: 2026 does).
public struct ISOWeek: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var week: Int

    /// The week a day lies in.
    public init(containing day: Day) {
        let thursday = day - day.weekday + 3
        year = thursday.components.year
        week = (thursday - ISOWeek.firstMonday(of: year)) / 7 + 1
    }

    /// Only weeks that exist: `week` 1…52, or 53 in a year that has it.
    public init?(year: Int, week: Int) {
        guard Day.supportedYears.contains(year), week >= 1, week <= ISOWeek.weeks(in: year) else { return nil }
        self.year = year
        self.week = week
    }

    public var monday: Day { ISOWeek.firstMonday(of: year) + (week - 1) * 7 }
    public var sunday: Day { monday + 6 }

    /// `2026-W10`, the form `--week` takes.
    public var description: String { "\(year)-W" + (week < 10 ? "0\(week)" : "\(week)") }

    /// 52 or 53.
    public static func weeks(in year: Int) -> Int { (firstMonday(of: year + 1) - firstMonday(of: year)) / 7 }

    /// The Monday of week 1: 4 January always lies in week 1.
    static func firstMonday(of year: Int) -> Day {
        let january4 = Day(ordinal: Day.ordinal(year: year, month: 1, day: 4))
        return january4 - january4.weekday
    }
}
