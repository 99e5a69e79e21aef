@testable import CampaignCore
import Foundation
import Testing

/// Days and event timestamps share one civil-date computation; it is checked
/// here against Foundation's Gregorian calendar, an independent one.
@Suite struct CivilDateTests {
    static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Foundation's count of days from 1970-01-01 to a date.
    static func foundationOrdinal(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let date = gregorian.date(from: DateComponents(year: year, month: month, day: day))!
        return Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// Every day that needs care (century and leap days, the ends of the
    /// accepted event range), then a stride across the whole range.
    static let dates: [(Int, Int, Int)] = {
        var dates = [(1900, 1, 1), (1900, 2, 28), (1900, 3, 1), (1970, 1, 1), (1969, 12, 31), (2000, 2, 29),
                     (2000, 3, 1), (2100, 2, 28), (2100, 3, 1), (2400, 2, 29), (9999, 12, 30), (9999, 12, 31)]
        var ordinal = foundationOrdinal(1900, 1, 1)
        let last = foundationOrdinal(9999, 12, 31)
        while ordinal <= last {
            let parts = gregorian.dateComponents([.year, .month, .day],
                                                 from: Date(timeIntervalSince1970: Double(ordinal) * 86_400))
            dates.append((parts.year!, parts.month!, parts.day!))
            ordinal += 367   // walks through every month and weekday across the years
        }
        return dates
    }()

    @Test func dayAgreesWithFoundationFrom1900To9999() {
        for (year, month, day) in Self.dates {
            let expected = Self.foundationOrdinal(year, month, day)
            let parsed = Day(year: year, month: month, day: day)
            #expect(parsed?.ordinal == expected, "\(year)-\(month)-\(day)")
            let back = Day(ordinal: expected).components
            #expect(back.year == year && back.month == month && back.day == day, "\(year)-\(month)-\(day)")
        }
    }

    @Test func eventTimestampsAgreeWithFoundation() throws {
        for (year, month, day) in Self.dates where (year, month, day) != (9999, 12, 31) {
            let text = String(format: "%04d-%02d-%02dT12:34:56Z", year, month, day)
            let expected = Int64(Self.foundationOrdinal(year, month, day)) * 86_400_000 + (12 * 3_600 + 34 * 60 + 56) * 1_000
            #expect(try EventTimestamp.parse(text).get() == expected, "\(text)")
        }
    }

    @Test func impossibleDatesAreRejectedByBoth() {
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 2, day: 30) == nil)
        #expect(throws: TimestampProblem.self) { try EventTimestamp.parse("1900-02-29T00:00:00Z").get() }
        #expect(throws: TimestampProblem.self) { try EventTimestamp.parse("2026-04-31T00:00:00Z").get() }
    }
}
