/// Remembers the last `ts` text that parsed and its value.
///
/// Why: event streams are written in time order and many lines share a second
/// (over 90 % of consecutive lines in the ingest benchmark carry the same `ts`
/// bytes), so comparing the text with the previous one is far cheaper than
/// parsing and validating the date again. Only successes are remembered, and
/// `EventTimestamp.parse` depends on nothing but the bytes, so the result is
/// exactly what a fresh parse would return.
///
/// Streams with milliseconds rarely repeat a text but keep to one minute for
/// many lines (the generic benchmark file: every line differs, 46 lines a
/// minute; the full parse was 4 % of `kpi`'s CPU). A text that differs from
/// the remembered one only in its seconds (00–59) and fraction digits, the
/// fraction as long and the offset the same, is in the same minute of the
/// same date and zone: its value is the minute's start plus those seconds and
/// milliseconds, which is what the parse computes (its value is linear in
/// them, and a whole minute lies inside the accepted range whenever one
/// instant of it does, offsets being whole minutes). Second 60 and every
/// other shape take the full parse.
struct RecentTimestamp: Sendable {
    /// The remembered text (up to 32 bytes; longer texts are never remembered).
    private var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Byte count of `text`; -1 while nothing is remembered.
    private var length = -1
    private var value: Int64 = 0
    /// Where the remembered text's offset (`Z` or `±HH:MM`) begins, after the
    /// seconds and any fraction; -1 when the minute shortcut does not apply.
    private var offsetStart = -1
    /// The remembered value less its seconds and milliseconds.
    private var minuteStart: Int64 = 0

    @inline(__always)
    mutating func parse(_ s: UnsafeBufferPointer<UInt8>) -> Result<Int64, TimestampProblem> {
        let n = s.count
        if n == length, let base = s.baseAddress {
            let (same, inMinute) = withUnsafeBytes(of: text) { raw -> (Bool, Int64?) in
                let remembered = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                if memoryEqual(remembered, base, n) { return (true, nil) }
                return (false, sameMinute(remembered, base, n))
            }
            if same { return .success(value) }
            if let inMinute {
                remember(s, inMinute)
                return .success(inMinute)
            }
        }
        let result = EventTimestamp.parse(s)
        if case .success(let parsed) = result, n > 0, n <= MemoryLayout.size(ofValue: text) {
            remember(s, parsed)
            offsetStart = -1
            if let (offset, secondsAndMillis) = Self.secondsAndMillis(s) {
                offsetStart = offset
                minuteStart = parsed - secondsAndMillis
            }
        }
        return result
    }

    @inline(__always)
    private mutating func remember(_ s: UnsafeBufferPointer<UInt8>, _ parsed: Int64) {
        withUnsafeMutableBytes(of: &text) { $0.copyMemory(from: UnsafeRawBufferPointer(s)) }
        length = s.count
        value = parsed
    }

    /// The value of `s` (as long as the remembered text) when it is the
    /// remembered text with other seconds (00–59) and fraction digits.
    @inline(__always)
    private func sameMinute(_ remembered: UnsafePointer<UInt8>, _ s: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        let offset = offsetStart
        guard offset >= 19, memoryEqual(remembered, s, 17),
              memoryEqual(remembered + offset, s + offset, n - offset) else { return nil }
        let tens = s[17] &- UInt8(ascii: "0"), ones = s[18] &- UInt8(ascii: "0")
        guard tens < 6, ones < 10 else { return nil }
        var millis: Int64 = 0
        if offset > 19 {
            // The remembered text has "." and at least one digit here; the
            // byte at `offset` is its offset's first, never a digit, so equal
            // bytes there end the fraction where it ended.
            guard s[19] == UInt8(ascii: ".") else { return nil }
            for k in 20..<offset {
                let d = s[k] &- UInt8(ascii: "0")
                guard d < 10 else { return nil }
                if k < 23 { millis = millis * 10 + Int64(d) }
            }
            for _ in min(offset - 20, 3)..<3 { millis *= 10 }
        }
        return minuteStart + Int64(tens * 10 + ones) * 1_000 + millis
    }

    /// For a text that parsed: where its offset begins and its seconds and
    /// milliseconds (as the parse counts them); nil for second 60.
    private static func secondsAndMillis(_ s: UnsafeBufferPointer<UInt8>) -> (Int, Int64)? {
        let seconds = Int64(s[17] &- UInt8(ascii: "0")) * 10 + Int64(s[18] &- UInt8(ascii: "0"))
        guard seconds < 60 else { return nil }
        var i = 19
        var millis: Int64 = 0
        if s[i] == UInt8(ascii: ".") {
            i += 1
            while isASCIIDigit(s[i]) {
                if i < 23 { millis = millis * 10 + Int64(s[i] &- UInt8(ascii: "0")) }
                i += 1
            }
            for _ in min(i - 20, 3)..<3 { millis *= 10 }
        }
        return (i, seconds * 1_000 + millis)
    }
}
