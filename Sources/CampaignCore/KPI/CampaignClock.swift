import Foundation

/// Event time as the campaign counts it: epoch minutes for rolling windows,
/// and calendar days in the campaign's time zone (the current day of every daily
/// KPI is the campaign's, not the machine's). Zone offsets are cached with the
/// instant they stop being valid, so the hot path is two comparisons.
public struct CampaignClock: Sendable {
    public let timeZone: TimeZone
    private var offsetMilliseconds: Int64 = 0
    private var validFrom: Int64 = .max
    private var validUntil: Int64 = .min

    public init(timeZoneIdentifier: String) {
        timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")!
    }

    @inline(__always)
    public static func minute(of timestamp: Int64) -> Int64 { floorDivide(timestamp, 60_000) }

    /// The campaign-zone calendar day of an instant.
    @inline(__always)
    public mutating func day(of timestamp: Int64) -> Day {
        Day(ordinal: Int(CampaignClock.floorDivide(timestamp + offset(at: timestamp), 86_400_000)))
    }

    public mutating func offset(at timestamp: Int64) -> Int64 {
        if timestamp >= validFrom && timestamp < validUntil { return offsetMilliseconds }
        let date = Date(timeIntervalSince1970: Double(timestamp) / 1000)
        offsetMilliseconds = Int64(timeZone.secondsFromGMT(for: date)) * 1000
        // The offset holds from the last transition at or before this instant
        // until the next one (a year either way for zones without DST).
        let yearMillis: Int64 = 366 * 86_400_000
        validUntil = timeZone.nextDaylightSavingTimeTransition(after: date)
            .map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? timestamp + yearMillis
        var from = timestamp - yearMillis
        var probe = Date(timeIntervalSince1970: Double(from) / 1000)
        while let transition = timeZone.nextDaylightSavingTimeTransition(after: probe),
              Int64((transition.timeIntervalSince1970 * 1000).rounded()) <= timestamp {
            from = Int64((transition.timeIntervalSince1970 * 1000).rounded())
            probe = transition
        }
        validFrom = from
        return offsetMilliseconds
    }

    /// The instant a campaign-zone day starts.
    public func start(of day: Day) -> Int64 {
        let naive = Int64(day.ordinal) * 86_400_000
        let date = Date(timeIntervalSince1970: Double(naive) / 1000)
        let offset = Int64(timeZone.secondsFromGMT(for: date)) * 1000
        return naive - offset
    }

    /// RFC 3339 with the campaign's offset: `2026-03-02T10:00:00+08:00`.
    public mutating func rfc3339(_ timestamp: Int64) -> String {
        let offset = offset(at: timestamp)
        let local = timestamp + offset
        let day = Day(ordinal: Int(CampaignClock.floorDivide(local, 86_400_000)))
        let millisOfDay = local - Int64(day.ordinal) * 86_400_000
        let seconds = millisOfDay / 1000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(day)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        let millis = millisOfDay % 1000
        if millis != 0 { text += "." + String(String(millis + 1000).dropFirst()) }
        if offset == 0 { return text + "Z" }
        let minutes = abs(offset) / 60_000
        return text + (offset < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
    }

    @inline(__always)
    public static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }
}
