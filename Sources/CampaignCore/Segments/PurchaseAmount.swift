/// Reads a purchase amount from a CSV field exactly: the digits go straight
/// into `Money`'s integer micros, never through Double, so totals over ten
/// million rows agree to the cent with any exact sum (SPEC §4).
///
/// Accepted: `12`, `12.5`, `+12.50`, `.5`, `12.`; at most six decimal places
/// that are not zero (`12.3400000` is fine). Thousands separators, currency
/// signs and exponents are not: a CRM export that has them needs cleaning,
/// and guessing would silently change amounts.
enum PurchaseAmount {
    enum Outcome {
        case amount(Money)
        case negative
        case unparseable
    }

    static func parse(_ field: UnsafeRawBufferPointer) -> Outcome {
        let b = field.trimmingSpaces()
        var i = 0
        var negative = false
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var micros: Int64 = 0
        var sawDigit = false
        while i < b.count, b[i] &- UInt8(ascii: "0") < 10 {
            let (shifted, overflow1) = micros.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = shifted.addingReportingOverflow(Int64(b[i] &- UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return .unparseable }
            micros = added
            sawDigit = true
            i += 1
        }
        let (whole, overflow) = micros.multipliedReportingOverflow(by: Money.scale)
        guard !overflow else { return .unparseable }
        micros = whole
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var place = Money.scale / 10
            while i < b.count, b[i] &- UInt8(ascii: "0") < 10 {
                let digit = Int64(b[i] &- UInt8(ascii: "0"))
                if place > 0 {
                    micros += digit * place
                    place /= 10
                } else if digit != 0 {
                    return .unparseable // finer than a micro: would have to round
                }
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit, i == b.count else { return .unparseable }
        return negative && micros != 0 ? .negative : .amount(Money(micros: micros))
    }
}
