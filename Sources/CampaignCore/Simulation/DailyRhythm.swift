/// When in the day people are reachable, in the campaign's wall-clock time:
/// quiet at night, a lunch peak and a bigger evening peak; on weekends the
/// morning starts later and the day is flatter.
enum DailyRhythm {
    /// Relative activity for each wall-clock hour, 00 to 23.
    static let weekday: [Double] = [
        0.10, 0.06, 0.04, 0.03, 0.03, 0.05, 0.15, 0.35, 0.60, 0.75, 0.85, 0.95,
        1.30, 1.25, 0.90, 0.85, 0.85, 0.90, 1.00, 1.20, 1.45, 1.50, 1.10, 0.45,
    ]
    static let weekend: [Double] = [
        0.20, 0.12, 0.07, 0.05, 0.04, 0.05, 0.08, 0.18, 0.35, 0.60, 0.85, 1.00,
        1.20, 1.20, 1.05, 1.00, 1.00, 1.00, 1.05, 1.25, 1.45, 1.45, 1.15, 0.55,
    ]

    static let minutesPerDay = 1_440

    /// Share of a day's volume for each wall-clock minute (sums to 1). The
    /// hourly curve is interpolated between hour centres so volume does not
    /// jump on the hour; outside `openHours` the channel is silent.
    static func minuteShares(weekend isWeekend: Bool, openHours: Range<Int>?) -> [Double] {
        let hours = isWeekend ? weekend : weekday
        var shares = [Double](repeating: 0, count: minutesPerDay)
        for minute in 0..<minutesPerDay {
            if let openHours, !openHours.contains(minute / 60) { continue }
            let position = (Double(minute) + 0.5) / 60 - 0.5
            let lower = Int(position.rounded(.down))
            let fraction = position - Double(lower)
            let from = hours[(lower + 24) % 24], to = hours[(lower + 1) % 24]
            shares[minute] = from + (to - from) * fraction
        }
        let total = shares.reduce(0, +)
        return shares.map { $0 / total }
    }

    /// Saturday and Sunday (`Day.weekday` counts Monday as 0).
    static func isWeekend(_ day: Day) -> Bool { day.weekday >= 5 }
}
