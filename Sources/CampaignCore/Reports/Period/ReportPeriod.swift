import CampaignText

/// The days a period report covers, inclusive, in the campaign's time zone,
/// and the period it is compared with: the same number of days just before.
public struct ReportPeriod: Equatable, Sendable {
    public var first: Day
    public var last: Day
    /// Set when the period is an ISO week (`--week`), for its label.
    public var week: ISOWeek?

    public init(first: Day, last: Day, week: ISOWeek? = nil) {
        self.first = first
        self.last = last
        self.week = week
    }

    public init(week: ISOWeek) { self.init(first: week.monday, last: week.sunday, week: week) }

    public var length: Int { last - first + 1 }
    public var days: [Day] { (0..<length).map { first + $0 } }

    /// The same length just before (a week's previous period is the week before).
    public var previous: ReportPeriod {
        ReportPeriod(first: first - length, last: first - 1, week: week.map { ISOWeek(containing: $0.monday - 7) })
    }

    /// The longest period a report covers: the longest campaign (SPEC §13, 10 years).
    public static let maximumDays = 3_653

    /// The last complete week of the data: the latest ISO week whose Sunday
    /// ended before the day of the latest event (data that ends on a Sunday
    /// may still be arriving, so that week is not yet complete).
    public static func lastCompleteWeek(latestDataDay: Day) -> ISOWeek {
        ISOWeek(containing: latestDataDay - latestDataDay.weekday - 7)
    }

    /// The period the options choose, or nil when none is given (the plain results report).
    /// `week` is `YYYY-Www`, or `last` for the last complete week of the data.
    public static func choose(week: String?, from: Day?, to: Day?, latestDataDay: Day?) throws -> ReportPeriod? {
        if let week {
            guard from == nil && to == nil else { throw ReportPeriodError(Phrase.weekWeekAndRange.text()) }
            if week == "last" {
                guard let latestDataDay else { throw ReportPeriodError(Phrase.weekNoEventsAtAll.text("--week")) }
                return ReportPeriod(week: lastCompleteWeek(latestDataDay: latestDataDay))
            }
            return ReportPeriod(week: try parseWeek(week))
        }
        switch (from, to) {
        case (nil, nil): return nil
        case (let from?, let to?):
            guard from <= to else { throw ReportPeriodError(Phrase.weekFromAfterTo.text(from, to)) }
            guard to - from < maximumDays else { throw ReportPeriodError(Phrase.weekRangeTooLong.text(to - from + 1, maximumDays)) }
            return ReportPeriod(first: from, last: to)
        case (nil, _): throw ReportPeriodError(Phrase.weekRangeNeedsBoth.text("--to", "--from"))
        case (_, nil): throw ReportPeriodError(Phrase.weekRangeNeedsBoth.text("--from", "--to"))
        }
    }

    /// `2026-W10` exactly: four-digit year, `-W`, two-digit week that exists in that year.
    public static func parseWeek(_ text: String) throws -> ISOWeek {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count == 8, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "W"),
              let year = digits(0..<4), let number = digits(6..<8) else {
            throw ReportPeriodError(Phrase.weekBadFormat.text(text))
        }
        guard Day.supportedYears.contains(year) else {
            throw ReportPeriodError(Phrase.weekYearRange.text(text, Day.supportedYears.lowerBound, Day.supportedYears.upperBound))
        }
        guard let week = ISOWeek(year: year, week: number) else {
            throw ReportPeriodError(Phrase.weekNoSuchWeek.text(text, year, ISOWeek.weeks(in: year)))
        }
        return week
    }
}

/// A period the options cannot give; `message` is whole, `(--week)` included.
public struct ReportPeriodError: Error, Equatable {
    public var message: String
    init(_ message: String) { self.message = message }
}
