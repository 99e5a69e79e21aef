import Testing
@testable import CampaignCore

/// The `ts` shortcuts (the same text again; the same minute with other
/// seconds and milliseconds) against a fresh `EventTimestamp.parse` of every
/// text: a long walk of texts that mostly stay in one minute, with seconds
/// 00–60 and beyond, fractions of every length, other offsets, leap-second
/// minutes, the ends of the accepted range and single bytes changed.
@Suite struct RecentTimestampTests {
    static let minutes = [
        "2026-03-01T08:15:", "2026-12-31T23:59:", "2026-06-30T07:59:", "1900-01-01T00:00:", "9999-12-30T23:59:",
        "9999-12-31T00:00:", "1899-12-31T23:59:", "2024-02-29T12:00:", "2026-02-29T12:00:", "2026-03-01 08:15:",
    ]
    static let offsets = ["Z", "z", "+08:00", "-00:30", "+23:59", "-14:00", "+00:00", "+24:00"]

    static func text(_ rng: inout SplitMix64, minute: String, offset: String) -> String {
        let second = ["00", "07", "59", "60", "61", "5x", "6 ", "99", "09"][Int(rng.next() % 9)]
        let digits = Int(rng.next() % 6)
        var fraction = digits == 0 && rng.next() % 3 == 0 ? "" : "."
        for _ in 0..<digits { fraction += String(rng.next() % 10) }
        if rng.next() % 40 == 0 { fraction += "a" }
        var text = minute + second + fraction + offset
        if rng.next() % 30 == 0 {
            var bytes = Array(text.utf8)
            bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(rng.next() % 128)
            text = String(decoding: bytes, as: UTF8.self)
        }
        return text
    }

    @Test func everyTextParsesAsAFreshParseWould() {
        var rng = SplitMix64(seed: 1_901)
        var recent = RecentTimestamp()
        var minute = Self.minutes[0], offset = Self.offsets[2]
        var fastShapes = 0
        for _ in 0..<200_000 {
            if rng.next() % 50 == 0 { minute = Self.minutes[Int(rng.next() % UInt64(Self.minutes.count))] }
            if rng.next() % 80 == 0 { offset = Self.offsets[Int(rng.next() % UInt64(Self.offsets.count))] }
            var text = Self.text(&rng, minute: minute, offset: offset)
            if rng.next() % 4 == 0 { text = minute + "30.123" + offset }  // lengths repeat, so the shortcuts are taken
            let expected = EventTimestamp.parse(text)
            let got = Array(text.utf8).withUnsafeBufferPointer { recent.parse($0) }
            #expect(got == expected, "\(text)")
            if case .success = expected, text.utf8.count == (minute + "30.123" + offset).utf8.count { fastShapes += 1 }
        }
        #expect(fastShapes > 10_000, "the walk must exercise texts of the shortcut's shape")
    }

    /// Worked by hand: 2026-03-01T08:15 at +08:00 is 00:15 UTC, 1,772,324,100 s after the epoch.
    @Test func aMinuteWalkedSecondBySecond() {
        var recent = RecentTimestamp()
        let minuteStart: Int64 = 1_772_324_100_000
        for (text, offset) in [("2026-03-01T08:15:00.000+08:00", 0), ("2026-03-01T08:15:00.001+08:00", 1),
                               ("2026-03-01T08:15:59.999+08:00", 59_999), ("2026-03-01T08:15:07.250+08:00", 7_250),
                               ("2026-03-01T08:15:07.25+08:00", 7_250), ("2026-03-01T08:15:31.9+08:00", 31_900)] {
            let got = Array(text.utf8).withUnsafeBufferPointer { recent.parse($0) }
            #expect(got == .success(minuteStart + Int64(offset)), "\(text)")
        }
        let leap = Array("2026-03-01T08:15:60.000+08:00".utf8).withUnsafeBufferPointer { recent.parse($0) }
        #expect(leap == .failure(.impossibleDate), "second 60 outside 23:59 UTC")
    }
}
