/// Number writing for the simulator's hot loop: straight into the output
/// bytes, with no String, Foundation formatter or locale in between.
extension Array where Element == UInt8 {
    /// A non-negative integer in decimal.
    mutating func appendDecimal(_ value: Int) {
        var remaining = value
        var divisor = 1
        while divisor <= remaining / 10 { divisor *= 10 }
        while divisor > 0 {
            append(48 &+ UInt8(truncatingIfNeeded: remaining / divisor))
            remaining %= divisor
            divisor /= 10
        }
    }

    /// A non-negative amount of cents as the shortest exact decimal, the same
    /// text `Money.description` gives: `12`, `12.5`, `12.34`.
    mutating func appendCents(_ cents: Int64) {
        appendDecimal(Int(cents / 100))
        let fraction = Int(cents % 100)
        guard fraction != 0 else { return }
        append(UInt8(ascii: "."))
        append(48 &+ UInt8(truncatingIfNeeded: fraction / 10))
        if fraction % 10 != 0 { append(48 &+ UInt8(truncatingIfNeeded: fraction % 10)) }
    }

    /// A JSON string literal, escaped.
    mutating func appendJSONString(_ text: String) {
        var literal = ""
        JSONValue.writeString(text, into: &literal)
        append(contentsOf: Array(literal.utf8))
    }
}

extension Array where Element == UInt8 {
    /// Money as the stream carries it: whole cents, at most two decimals.
    mutating func appendMoney(_ money: Money) {
        assert(money.nanos >= 0 && money.nanos % 10_000_000 == 0, "simulated money is whole, non-negative cents")
        appendCents(Int64(money.nanos / 10_000_000))
    }
}

extension Array where Element == UInt8 {
    /// A community member's user id: `m` and six digits (`m000042`), so ids
    /// sort and line up; wider numbers simply get more digits.
    mutating func appendMemberID(_ member: Int) {
        append(UInt8(ascii: "m"))
        var width = 1, limit = 10
        while member >= limit && width < 18 { width += 1; limit *= 10 }
        // Only narrower numbers are padded (a range 7..<6 would trap).
        if width < 6 { for _ in width..<6 { append(UInt8(ascii: "0")) } }
        appendDecimal(member)
    }

    /// A buying customer's user id: `c`, the segment's position and five
    /// digits (`c2-00042`): customers of different segments never share an id.
    mutating func appendCustomerID(segment: Int, customer: Int) {
        append(UInt8(ascii: "c"))
        appendDecimal(segment)
        append(UInt8(ascii: "-"))
        var width = 1, limit = 10
        while customer >= limit && width < 18 { width += 1; limit *= 10 }
        if width < 5 { for _ in width..<5 { append(UInt8(ascii: "0")) } }
        appendDecimal(customer)
    }
}
