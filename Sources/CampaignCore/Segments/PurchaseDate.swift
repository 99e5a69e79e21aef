/// Reads a purchase date from a CSV field: `YYYY-MM-DD`, `YYYYMMDD`, or an
/// RFC 3339 timestamp (`2026-03-14T23:30:00+08:00`).
///
/// A timestamp's date is taken as written, in its own offset: a purchase at
/// 23:30 in Shanghai happened on that Shanghai day, which is the day the shop
/// and the customer saw. Converting to UTC would move late-evening purchases
/// to the day before.
enum PurchaseDate {
    static func parse(_ field: UnsafeRawBufferPointer) -> Day? {
        let bytes = field.trimmingSpaces()
        let n = bytes.count
        if n == 8 {
            guard let y = digits(bytes, 0, 4), let m = digits(bytes, 4, 2), let d = digits(bytes, 6, 2) else { return nil }
            return day(y, m, d)
        }
        guard n >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = digits(bytes, 0, 4), let m = digits(bytes, 5, 2), let d = digits(bytes, 8, 2),
              n == 10 || isRFC3339TimeAndOffset(bytes, from: 10) else { return nil }
        return day(y, m, d)
    }

    /// `Day(year:month:day:)`, by table for the years transactions come from.
    ///
    /// Why: turning a calendar date into a day number takes a dozen divisions,
    /// once for each of ten million rows; a table of month starts makes it a
    /// lookup and an addition.
    @inline(__always)
    private static func day(_ year: Int, _ month: Int, _ day: Int) -> Day? {
        let index = (year - MonthStarts.firstYear) * 12 + month - 1
        guard month >= 1, month <= 12, index >= 0, index < MonthStarts.months else {
            return Day(year: year, month: month, day: day)
        }
        let starts = MonthStarts.ordinals
        let start = Int(starts[index]), length = Int(starts[index + 1]) - start
        guard day >= 1, day <= length else { return nil }
        return Day(ordinal: start + day - 1)
    }

    /// The ordinal of the first day of every month from 1900 to 2199, and of
    /// January 2200 (which ends the last month).
    private enum MonthStarts {
        static let firstYear = 1900
        static let months = 300 * 12
        /// Built once (lazily, by the runtime's one-time initialisation) and
        /// never changed; a raw pointer, so a lookup costs no reference counting.
        nonisolated(unsafe) static let ordinals: UnsafePointer<Int32> = {
            let table = UnsafeMutablePointer<Int32>.allocate(capacity: months + 1)
            for index in 0...months {
                table[index] = Int32(Day(year: firstYear + index / 12, month: index % 12 + 1, day: 1)!.ordinal)
            }
            return UnsafePointer(table)
        }()
    }
}

extension PurchaseDate {
    /// `THH:MM:SS[.fraction](Z|±HH:MM)`; RFC 3339 also allows `t`, `z` and a space for `T`.
    private static func isRFC3339TimeAndOffset(_ b: UnsafeRawBufferPointer, from start: Int) -> Bool {
        let n = b.count
        guard n >= start + 10 else { return false }
        let separator = b[start]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
              let hour = digits(b, start + 1, 2), b[start + 3] == UInt8(ascii: ":"),
              let minute = digits(b, start + 4, 2), b[start + 6] == UInt8(ascii: ":"),
              let second = digits(b, start + 7, 2),
              hour < 24, minute < 60, second <= 60 else { return false }
        var i = start + 9
        if i < n, b[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < n, isDigit(b[i]) { i += 1 }
            guard i > fractionStart else { return false }
        }
        guard i < n else { return false }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { return i + 1 == n }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), i + 6 == n,
              let offsetHours = digits(b, i + 1, 2), b[i + 3] == UInt8(ascii: ":"),
              let offsetMinutes = digits(b, i + 4, 2) else { return false }
        return offsetHours < 24 && offsetMinutes < 60
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    private static func digits(_ b: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<(start + count) {
            let digit = b[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes without leading and trailing spaces and tabs (spreadsheets pad cells).
    @inline(__always)
    func trimmingSpaces() -> UnsafeRawBufferPointer {
        var lower = 0, upper = count
        while lower < upper, self[lower] == 0x20 || self[lower] == 0x09 { lower += 1 }
        while upper > lower, self[upper - 1] == 0x20 || self[upper - 1] == 0x09 { upper -= 1 }
        return UnsafeRawBufferPointer(rebasing: self[lower..<upper])
    }
}
