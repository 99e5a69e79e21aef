/// Which simulated minute a batch of lines belongs to: what a caller pacing
/// the output by event time (`--speed`) needs, without the lines themselves.
public struct MinuteStamp: Hashable, Sendable {
    /// The minute's start, seconds since 1970 UTC; every line in it carries this time.
    public var epochSeconds: Int64
    /// The campaign time zone's offset at that instant.
    public var utcOffsetSeconds: Int
    /// The campaign-local calendar day and wall-clock minute (0…1439).
    public var day: Day
    public var minuteOfDay: Int
    public var lineCount: Int

    /// `2026-03-02T10:00:00+08:00`, as in the lines.
    public var timestamp: String { String(decoding: RFC3339.bytes(epoch: epochSeconds, offsetSeconds: utcOffsetSeconds), as: UTF8.self) }
}

/// One simulated minute: its stamp and its JSON Lines (each ends in a newline).
public struct SimulatedMinute: Sendable {
    public var stamp: MinuteStamp
    /// UTF-8 JSON Lines text.
    public var bytes: [UInt8]

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
