import Foundation

/// Campaign-local days and minutes against absolute time. Foundation's time
/// zone database answers the offsets, but only a few times per simulated day;
/// the per-minute work is integer arithmetic.
struct ZoneClock: Sendable {
    let zone: TimeZone

    init(identifier: String) {
        zone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)!
    }

    /// Seconds east of UTC at an instant.
    func offset(at epoch: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }

    /// The instant local midnight starts `day`. Two rounds of guessing settle
    /// it even when the day starts next to a daylight-saving change.
    func midnight(of day: Day) -> Int64 {
        let wall = Int64(day.ordinal) * 86_400
        let guess = wall - Int64(offset(at: wall))
        return wall - Int64(offset(at: guess))
    }

    /// The offset over [start, end): its value at `start`, and where (if at
    /// all) inside the span it changes and to what. A day has at most one change.
    func offsets(from start: Int64, to end: Int64) -> (first: Int, changeAt: Int64, second: Int) {
        let first = offset(at: start)
        if let next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(start))) {
            let at = Int64(next.timeIntervalSince1970.rounded())
            if at < end { return (first, at, offset(at: at)) }
        }
        return (first, end, first)
    }
}

/// RFC 3339 text for a whole-minute instant with its offset, written by hand:
/// one per simulated minute, shared by every line of that minute.
enum RFC3339 {
    /// `2026-03-02T10:00:00+08:00`: always 25 bytes.
    static func bytes(epoch: Int64, offsetSeconds: Int) -> [UInt8] {
        let wall = epoch + Int64(offsetSeconds)
        let dayOrdinal = wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
        let secondOfDay = Int(wall - dayOrdinal * 86_400)
        let (year, month, day) = Day(ordinal: Int(dayOrdinal)).components
        var out: [UInt8] = []
        out.reserveCapacity(25)
        func two(_ value: Int) { out.append(48 + UInt8(value / 10)); out.append(48 + UInt8(value % 10)) }
        two(year / 100); two(year % 100)
        out.append(UInt8(ascii: "-")); two(month)
        out.append(UInt8(ascii: "-")); two(day)
        out.append(UInt8(ascii: "T")); two(secondOfDay / 3_600)
        out.append(UInt8(ascii: ":")); two(secondOfDay / 60 % 60)
        out.append(UInt8(ascii: ":")); two(secondOfDay % 60)
        out.append(UInt8(ascii: offsetSeconds < 0 ? "-" : "+"))
        let offsetMinutes = abs(offsetSeconds) / 60
        two(offsetMinutes / 60)
        out.append(UInt8(ascii: ":")); two(offsetMinutes % 60)
        return out
    }
}
