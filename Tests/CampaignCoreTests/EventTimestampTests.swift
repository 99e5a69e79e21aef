import Testing
@testable import CampaignCore

/// Epoch milliseconds worked out by hand: days since 1970-01-01 × 86 400 000 plus the
/// time of day in UTC. (See `EventFixture.march2at2UTC` for 2026-03-02.)
@Suite struct EventTimestampTests {
    typealias F = EventFixture

    func ts(_ text: String) -> Int64? {
        F.record(#"{"ts":"\#(text)","type":"click"}"#)?.timestamp
    }

    @Test func offsetsAllMeanTheSameInstant() {
        // 10:00 at +08:00, 02:00 at Z, and 21:30 the previous day at -04:30 are one instant.
        #expect(ts("2026-03-02T10:00:00+08:00") == F.march2at2UTC)
        #expect(ts("2026-03-02T02:00:00Z") == F.march2at2UTC)
        #expect(ts("2026-03-02T02:00:00+00:00") == F.march2at2UTC)
        #expect(ts("2026-03-02T02:00:00-00:00") == F.march2at2UTC)
        #expect(ts("2026-03-01T21:30:00-04:30") == F.march2at2UTC)
        #expect(ts("2026-03-02t02:00:00z") == F.march2at2UTC)  // RFC 3339 allows lower case
        #expect(ts("2026-03-02 02:00:00Z") == F.march2at2UTC)  // and a space
    }

    @Test func fractionalSecondsAreCutToMilliseconds() {
        #expect(ts("2026-03-02T02:00:00.5Z") == F.march2at2UTC + 500)
        #expect(ts("2026-03-02T02:00:00.12Z") == F.march2at2UTC + 120)
        #expect(ts("2026-03-02T02:00:00.123Z") == F.march2at2UTC + 123)
        #expect(ts("2026-03-02T02:00:00.123999999+00:00") == F.march2at2UTC + 123)
        #expect(ts("2026-03-02T10:00:00.999+08:00") == F.march2at2UTC + 999)
    }

    @Test func epochMilliseconds() {
        #expect(F.record(#"{"ts":1772416800000,"type":"click"}"#)?.timestamp == F.march2at2UTC)
        #expect(F.record(#"{"ts":1.7724168e12,"type":"click"}"#)?.timestamp == F.march2at2UTC)
        #expect(F.record(#"{"ts":-1,"type":"click"}"#)?.timestamp == -1)
        #expect(F.record(#"{"ts":0,"type":"click"}"#)?.timestamp == 0)
    }

    @Test func calendarEdges() {
        #expect(ts("1970-01-01T00:00:00Z") == 0)
        // One millisecond before the epoch.
        #expect(ts("1969-12-31T23:59:59.999Z") == -1)
        // 2024 is a leap year: 54 years × 365 + 13 leap days (1972 … 2020) = 19 723 days to
        // 2024-01-01, + 31 + 28 = 19 782 days → 1 709 164 800 000 ms.
        #expect(ts("2024-02-29T00:00:00Z") == 1_709_164_800_000)
        // 2000 is a leap year (divisible by 400): 30 × 365 + 7 = 10 957 days, + 31 + 29 = 11 017.
        #expect(ts("2000-03-01T00:00:00Z") == 951_868_800_000)
        // A leap second counts as the start of the next minute: 2016-12-31T23:59:59Z is
        // 1 483 228 799 000 ms, so :60 is one second later.
        #expect(ts("2016-12-31T23:59:60Z") == 1_483_228_800_000)
    }

    /// Issue 11 #19: times are accepted from 1900-01-01 to 9999-12-30 UTC, so
    /// that no zone shows them with other than a four-digit year.
    /// 1900-01-01 is 70 × 365 + 17 leap days (1904 … 1968) = 25 567 days before
    /// the epoch; 10000-01-01 is 8 030 × 365 + 1 947 leap days (2 007 years
    /// divisible by 4 from 1972 to 9996, less the 60 centuries 2100 … 9900 not
    /// divisible by 400) = 2 932 897 days after it, so 9999-12-31 is day 2 932 896.
    @Test func theAcceptedRangeIs1900To9999December30() {
        #expect(EventTimestamp.minimumMilliseconds == -25_567 * 86_400_000)
        #expect(EventTimestamp.maximumMilliseconds == 2_932_896 * 86_400_000 - 1)
        #expect(ts("1900-01-01T00:00:00Z") == -2_208_988_800_000)
        #expect(ts("9999-12-30T23:59:59.999Z") == 253_402_214_399_999)
        let outOfRange = "bad timestamp: time out of range (1900-01-01 to 9999-12-30 UTC)"
        for text in ["1899-12-31T23:59:59.999Z", "1900-01-01T00:00:00+08:00", "0000-01-01T00:00:00+23:59",
                     "9999-12-31T00:00:00Z", "9999-12-31T23:59:59.999Z", "9999-12-30T23:59:59-00:01"] {
            #expect(F.rejection(#"{"ts":"\#(text)","type":"click"}"#) == outOfRange, "\(text)")
        }
    }

    /// Issue 11 #19: a leap second is the last second of a UTC day, so :60 is
    /// accepted only where the minute is 23:59 UTC, and counts as the next
    /// minute's first instant: 2016-12-31T23:59:59Z is 1 483 228 799 000 ms.
    @Test func secondSixtyOnlyAsTheLastSecondOfAUTCDay() {
        #expect(ts("2016-12-31T23:59:60Z") == 1_483_228_800_000)
        #expect(ts("2017-01-01T07:59:60+08:00") == 1_483_228_800_000)
        #expect(ts("2016-12-31T18:29:60-05:30") == 1_483_228_800_000)
        for text in ["2026-03-02T10:00:60Z", "2016-12-31T23:59:60+08:00", "2016-12-31T23:58:60Z", "2017-01-01T00:00:60Z"] {
            #expect(F.rejection(#"{"ts":"\#(text)","type":"click"}"#) == "bad timestamp: impossible date or time", "\(text)")
        }
    }

    @Test(arguments: [
        ("2026-03-02T10:00:00", "bad timestamp: no time zone offset (add Z or ±HH:MM)"),
        ("2026-03-02T10:00:00.250", "bad timestamp: no time zone offset (add Z or ±HH:MM)"),
        ("2026-03-02", "bad timestamp: not RFC 3339 (expected e.g. 2026-03-02T10:00:00+08:00)"),
        ("2026-3-2T10:00:00Z", "bad timestamp: not RFC 3339 (expected e.g. 2026-03-02T10:00:00+08:00)"),
        ("2026-03-02T10:00Z", "bad timestamp: not RFC 3339 (expected e.g. 2026-03-02T10:00:00+08:00)"),
        ("2026-03-02T10:00:00.Z", "bad timestamp: not RFC 3339 (expected e.g. 2026-03-02T10:00:00+08:00)"),
        ("2026-03-02T10:00:00+0800", "bad timestamp: not RFC 3339 (expected e.g. 2026-03-02T10:00:00+08:00)"),
        ("2026-03-02T10:00:00+08", "bad timestamp: not RFC 3339 (expected e.g. 2026-03-02T10:00:00+08:00)"),
        ("2026-03-02T10:00:00Z ", "bad timestamp: not RFC 3339 (expected e.g. 2026-03-02T10:00:00+08:00)"),
        ("yesterday", "bad timestamp: not RFC 3339 (expected e.g. 2026-03-02T10:00:00+08:00)"),
        ("2023-02-29T00:00:00Z", "bad timestamp: impossible date or time"),
        ("2026-04-31T00:00:00Z", "bad timestamp: impossible date or time"),
        ("2026-13-01T00:00:00Z", "bad timestamp: impossible date or time"),
        ("2026-00-10T00:00:00Z", "bad timestamp: impossible date or time"),
        ("2026-03-00T00:00:00Z", "bad timestamp: impossible date or time"),
        ("2026-03-02T24:00:00Z", "bad timestamp: impossible date or time"),
        ("2026-03-02T10:60:00Z", "bad timestamp: impossible date or time"),
        ("2026-03-02T10:00:61Z", "bad timestamp: impossible date or time"),
        ("2026-03-02T10:00:00+24:00", "bad timestamp: impossible date or time"),
        ("2026-03-02T10:00:00+08:60", "bad timestamp: impossible date or time"),
    ])
    func rejectedText(text: String, message: String) {
        #expect(F.rejection(#"{"ts":"\#(text)","type":"click"}"#) == message)
    }

    @Test func rejectedNumbers() {
        #expect(F.rejection(#"{"ts":1.5,"type":"click"}"#) == "bad timestamp: epoch milliseconds must be an integer")
        let outOfRange = "bad timestamp: time out of range (1900-01-01 to 9999-12-30 UTC)"
        #expect(F.rejection(#"{"ts":1e20,"type":"click"}"#) == outOfRange)
        #expect(F.record(#"{"ts":-2208988800000,"type":"click"}"#)?.timestamp == -2_208_988_800_000)
        #expect(F.rejection(#"{"ts":-2208988800001,"type":"click"}"#) == outOfRange)
        #expect(F.record(#"{"ts":253402214399999,"type":"click"}"#)?.timestamp == 253_402_214_399_999)
        #expect(F.rejection(#"{"ts":253402214400000,"type":"click"}"#) == outOfRange)
    }

    @Test func escapedTimestampText() {
        // "\u0032" is "2": escapes are decoded before the timestamp is read.
        #expect(F.rejection(#"{"ts":"\u00326-03-02T02:00:00Z","type":"click"}"#)?.hasPrefix("bad timestamp: not RFC") == true)
        #expect(F.record(#"{"ts":"202\u0036-03-02T02:00:00Z","type":"click"}"#)?.timestamp == F.march2at2UTC)
    }
}
