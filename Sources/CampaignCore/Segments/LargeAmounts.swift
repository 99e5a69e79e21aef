import Foundation

/// Purchase amounts in 8 bytes: rows keep an amount in billionths as an
/// `Int64` code, so a row stays 24 bytes (16 once grouped) although an amount
/// may be as large as 1e15 units, 1e24 billionths.
///
/// An amount up to `Int64.max` billionths (9.2e9 units, every real purchase) is
/// its own code. A larger one gets a negative code, its place in this table;
/// amounts are never negative (such rows are rejected), so a code cannot be
/// mistaken for an amount. Equal amounts get equal codes, so comparing codes
/// still finds exact duplicate rows.
///
/// Shared by the two halves of a file read on two threads; a lock guards the
/// table, which only the rare huge amount ever touches.
final class LargeAmounts: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int128] = []
    private var codes: [Int128: Int64] = [:]

    /// The code of a non-negative amount.
    @inline(__always)
    func code(of amount: Money) -> Int64 {
        if amount.nanos <= Int128(Int64.max) { return Int64(truncatingIfNeeded: amount.nanos) }
        return codeOfLarge(amount.nanos)
    }

    /// The amount a code stands for.
    @inline(__always)
    func amount(of code: Int64) -> Int128 {
        code >= 0 ? Int128(code) : largeAmount(code)
    }

    private func codeOfLarge(_ nanos: Int128) -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        if let code = codes[nanos] { return code }
        values.append(nanos)
        let code = -Int64(values.count)
        codes[nanos] = code
        return code
    }

    private func largeAmount(_ code: Int64) -> Int128 {
        lock.lock()
        defer { lock.unlock() }
        return values[Int(-code) - 1]
    }
}
