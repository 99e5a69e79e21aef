/// Reads a purchase amount from a CSV field exactly: the digits go straight
/// into `Money`'s integer billionths, never through Double, so totals over ten
/// million rows agree to the cent with any exact sum.
///
/// Accepted: `12`, `12.5`, `+12.50`, `.5`, `12.`, up to 1e15.
/// Digits below a billionth are rounded half to even, once, here (so float
/// noise such as `12.300000000000001` is 12.3). Thousands separators, currency
/// signs and exponents are not accepted: a CRM export that has them needs
/// cleaning, and guessing would silently change amounts.
enum PurchaseAmount {
    enum Outcome {
        case amount(Money)
        case negative
        case unparseable
        /// Above `Money.limit`.
        case outOfRange
    }

    static func parse(_ field: UnsafeRawBufferPointer) -> Outcome {
        let b = field.trimmingSpaces()
        var i = 0
        var negative = false
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        let start = i
        var sawDigit = false, sawPoint = false
        while i < b.count {
            if b[i] &- UInt8(ascii: "0") < 10 {
                sawDigit = true
            } else if b[i] == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                return .unparseable
            }
            i += 1
        }
        guard sawDigit else { return .unparseable }
        // Digits and at most one point: a shape `ScaledDecimal` reads.
        let unsigned = UnsafeBufferPointer(start: b.baseAddress!.advanced(by: start).assumingMemoryBound(to: UInt8.self),
                                           count: b.count - start)
        let outcome = ScaledDecimal.convert(unsigned, scale: Money.decimalPlaces, limit: UInt128(Money.limit.nanos),
                                            rounding: true).outcome
        switch outcome {
        case .value(let nanos):
            return negative && nanos != 0 ? .negative : .amount(Money(nanos: Int128(nanos)))
        case .tooLarge:
            return negative ? .negative : .outOfRange
        case .fraction:
            return .unparseable // not reached: rounding is on
        }
    }
}
