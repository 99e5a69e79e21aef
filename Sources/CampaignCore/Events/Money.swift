import Foundation

/// An exact amount of money in billionths of the currency unit,
/// held in 128 bits.
///
/// Why billionths: an amount is kept as written down to 1e-9 (finer digits are
/// rounded once, at parse), so a hundred thousand spends of 0.0000004 add up to
/// 0.04 and float noise such as `12.300000000000001` is absorbed. Why 128 bits:
/// one amount may be as large as `Money.limit` (1e15 units, 1e24 billionths,
/// beyond Int64), and ten million of them still sum exactly, with room to spare
/// (Int128 holds 1.7e29 units). Integer arithmetic means any two exact sums agree
/// to the cent, which Double cannot promise.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Billionths per unit.
    public static let scale: Int128 = 1_000_000_000
    /// Decimal places kept.
    public static let decimalPlaces = 9
    /// The largest amount one event or one transactions row may carry
    /// (outside ±1e15 an amount is rejected at parse).
    public static let limit = Money(nanos: 1_000_000_000_000_000 * scale)

    // Two words rather than one Int128: Int128 is 16-byte aligned, which would
    // pad every EventRecord and KPICounters (and the minute ring) by 8–16 bytes
    // of memory traffic on the hot path; the words compose for free.
    private var low: UInt64
    private var high: Int64

    public var nanos: Int128 {
        @inline(__always) get { Int128(high) << 64 | Int128(low) }
        @inline(__always) set {
            low = UInt64(truncatingIfNeeded: newValue)
            high = Int64(truncatingIfNeeded: newValue >> 64)
        }
    }

    @inline(__always)
    public init(nanos: Int128) {
        low = UInt64(truncatingIfNeeded: nanos)
        high = Int64(truncatingIfNeeded: nanos >> 64)
    }
    /// An amount given in millionths (simulated and demo data, which are whole cents).
    public init(micros: Int64) { self.init(nanos: Int128(micros) * 1_000) }
    public static let zero = Money(nanos: 0)

    @inline(__always)
    private init(low: UInt64, high: Int64) {
        self.low = low
        self.high = high
    }

    // Wrapping operators: no sum of amounts within `limit` can reach Int128's
    // range (that would take 1.7e14 events at the limit), and the hot path of
    // the KPI fold should not pay for an overflow check it can never fail.
    // They work on the two words with a carry, never through Int128: its
    // generic conversions are not specialised in a debug build, where they
    // made the dashboard's replay 2.5× slower (sparklines sum every minute).
    @inline(__always)
    public static func + (lhs: Money, rhs: Money) -> Money {
        let (low, carry) = lhs.low.addingReportingOverflow(rhs.low)
        return Money(low: low, high: lhs.high &+ rhs.high &+ (carry ? 1 : 0))
    }
    @inline(__always)
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    @inline(__always)
    public static func - (lhs: Money, rhs: Money) -> Money {
        let (low, borrow) = lhs.low.subtractingReportingOverflow(rhs.low)
        return Money(low: low, high: lhs.high &- rhs.high &- (borrow ? 1 : 0))
    }
    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }

    /// Exact: Decimal keeps 38 significant digits, more than any Int128 sum of ours.
    public var decimal: Decimal { Decimal(string: description) ?? Decimal(doubleValue) }
    /// Nearest Double (ratios and rules). A whole number of millionths, which
    /// is all money in practice, is converted exactly as when money was kept in
    /// millionths (so KPI outputs did not change by a last bit), and without
    /// the generic 128-bit conversion.
    public var doubleValue: Double {
        // Fits in Int64 when the high word is only the sign extension of the low one.
        let small = Int64(bitPattern: low)
        if high == (small < 0 ? -1 : 0), small % 1_000 == 0 { return Double(small / 1_000) / 1e6 }
        return Double(nanos) / 1e9
    }

    /// Shortest exact decimal text: `12.5`, `3`, `0.000000001`.
    public var description: String {
        let negative = nanos < 0
        let magnitude = nanos.magnitude
        let whole = magnitude / UInt128(Money.scale)
        var fraction = String(magnitude % UInt128(Money.scale))
        if fraction == "0" { return (negative ? "-" : "") + String(whole) }
        fraction = String(repeating: "0", count: Money.decimalPlaces - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + String(whole) + "." + fraction
    }
}
