import Foundation

/// An exact amount of money in millionths of the currency unit. Integer
/// arithmetic means ten million summed events agree to the cent with any
/// independent sum, which Double cannot promise (SPEC §4).
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let scale: Int64 = 1_000_000
    public var micros: Int64

    public init(micros: Int64) { self.micros = micros }
    public static let zero = Money(micros: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(micros: lhs.micros &+ rhs.micros) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.micros &+= rhs.micros }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(micros: lhs.micros &- rhs.micros) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.micros < rhs.micros }

    public var decimal: Decimal { Decimal(micros) / Decimal(Money.scale) }
    public var doubleValue: Double { Double(micros) / Double(Money.scale) }

    /// Shortest exact decimal text: `12.5`, `3`, `0.000001`.
    public var description: String {
        let negative = micros < 0
        let magnitude = micros.magnitude
        let whole = magnitude / UInt64(Money.scale)
        var fraction = String(magnitude % UInt64(Money.scale))
        if fraction == "0" { return (negative ? "-" : "") + String(whole) }
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + String(whole) + "." + fraction
    }
}
