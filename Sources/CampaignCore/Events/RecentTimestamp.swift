/// Remembers the last `ts` text that parsed and its value.
///
/// Why: event streams are written in time order and many lines share a second
/// (over 90 % of consecutive lines in the ingest benchmark carry the same `ts`
/// bytes), so comparing the text with the previous one is far cheaper than
/// parsing and validating the date again. Only successes are remembered, and
/// `EventTimestamp.parse` depends on nothing but the bytes, so the result is
/// exactly what a fresh parse would return.
struct RecentTimestamp: Sendable {
    /// The remembered text (up to 32 bytes; longer texts are never remembered).
    private var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Byte count of `text`; -1 while nothing is remembered.
    private var length = -1
    private var value: Int64 = 0

    @inline(__always)
    mutating func parse(_ s: UnsafeBufferPointer<UInt8>) -> Result<Int64, TimestampProblem> {
        let n = s.count
        if n == length, let base = s.baseAddress {
            let same = withUnsafeBytes(of: text) {
                memoryEqual($0.baseAddress!.assumingMemoryBound(to: UInt8.self), base, n)
            }
            if same { return .success(value) }
        }
        let result = EventTimestamp.parse(s)
        if case .success(let parsed) = result, n > 0, n <= MemoryLayout.size(ofValue: text) {
            withUnsafeMutableBytes(of: &text) { $0.copyMemory(from: UnsafeRawBufferPointer(s)) }
            length = n
            value = parsed
        }
        return result
    }
}
