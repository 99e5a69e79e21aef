import Foundation

extension Day {
    /// The calendar day it is now in the given IANA time zone (the campaign's).
    public static func today(inTimeZone identifier: String, now: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
