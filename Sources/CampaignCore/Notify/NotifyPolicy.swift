/// When transitions become messages (the plan's `notify_policy:`). Every
/// time here but `maxAge` is judged on the events' clock, so replaying a
/// stream sends what the live run sent.
public struct NotifyPolicy: Sendable, Equatable {
    /// Transitions of one rule within this many seconds of the first go in one message.
    public var groupWaitSeconds: Int
    /// A firing, unacknowledged anomaly is announced again after this long.
    public var repeatIntervalSeconds: Int
    public var sendResolved: Bool
    /// Held while inside these hours of the campaign's zone; sent when they end if still relevant.
    public var quietHours: QuietHours?
    /// Transitions whose event time is older than this on the wall clock are logged, not sent.
    public var maxAgeSeconds: Int

    public static let standard = NotifyPolicy(groupWaitSeconds: 30, repeatIntervalSeconds: 4 * 3_600,
                                              sendResolved: true, quietHours: nil, maxAgeSeconds: 3_600)

    public init(groupWaitSeconds: Int, repeatIntervalSeconds: Int, sendResolved: Bool, quietHours: QuietHours?,
                maxAgeSeconds: Int) {
        self.groupWaitSeconds = groupWaitSeconds
        self.repeatIntervalSeconds = repeatIntervalSeconds
        self.sendResolved = sendResolved
        self.quietHours = quietHours
        self.maxAgeSeconds = maxAgeSeconds
    }
}

/// A daily span of wall-clock time in the campaign's zone, `HH:MM-HH:MM`;
/// it may run past midnight (`22:00-08:00`).
public struct QuietHours: Sendable, Equatable, CustomStringConvertible {
    /// Minutes after midnight; `start == end` is refused when read (a whole
    /// day of quiet would never send).
    public var startMinute: Int
    public var endMinute: Int

    public init?(_ text: String) {
        let halves = text.split(separator: "-", omittingEmptySubsequences: false)
        guard halves.count == 2, let start = Self.minute(halves[0]), let end = Self.minute(halves[1]), start != end
        else { return nil }
        startMinute = start
        endMinute = end
    }

    /// `HH:MM` with 00 ≤ HH ≤ 24 and 00 ≤ MM ≤ 59; `24:00` is the end of the day.
    private static func minute(_ text: Substring) -> Int? {
        let pieces = text.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 2, pieces[1].count == 2,
              pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(pieces[0]), let minute = Int(pieces[1]), minute < 60,
              hour < 24 || (hour == 24 && minute == 0) else { return nil }
        return hour * 60 + minute
    }

    /// True when `minuteOfDay` (0..<1440, campaign zone) is inside the span; the
    /// start is inside, the end is not.
    public func contains(minuteOfDay: Int) -> Bool {
        startMinute < endMinute
            ? minuteOfDay >= startMinute && minuteOfDay < endMinute
            : minuteOfDay >= startMinute || minuteOfDay < endMinute
    }

    /// When the quiet span holding `timestamp` (event time, epoch ms) ends,
    /// or nil when `timestamp` is outside the span. The end is the first
    /// instant whose campaign-zone minute is the span's end minute.
    public func end(holding timestamp: Int64, clock: inout CampaignClock) -> Int64? {
        let local = timestamp + clock.offset(at: timestamp)
        let localMinute = CampaignClock.floorDivide(local, 60_000)
        let minuteOfDay = Int(localMinute - CampaignClock.floorDivide(localMinute, 1_440) * 1_440)
        guard contains(minuteOfDay: minuteOfDay) else { return nil }
        let minutesLeft = Int64((endMinute - minuteOfDay + 1_440) % 1_440)
        let localEnd = (localMinute + minutesLeft) * 60_000
        return localEnd - clock.offset(at: localEnd - clock.offset(at: timestamp))
    }

    public var description: String {
        func text(_ minute: Int) -> String {
            let hour = minute / 60, rest = minute % 60
            return (hour < 10 ? "0" : "") + "\(hour):" + (rest < 10 ? "0" : "") + "\(rest)"
        }
        return "\(text(startMinute))-\(text(endMinute))"
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
