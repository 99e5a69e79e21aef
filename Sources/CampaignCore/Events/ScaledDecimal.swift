/// Exact conversion of a JSON number's decimal text to a scaled integer: `count`
/// (scale 0, 64 bits), `amount` in billionths (scale 9, 128 bits: the ±1e15
/// range is 1e24 billionths), epoch milliseconds (scale 0).
///
/// Why not Double: `0.1` has no exact binary value, and money summed over ten
/// million events must agree to the cent. Here every digit is used as
/// written: `19.99` is 19 990 000 000 billionths, `1.5e-3` is 1 500 000, and digits beyond the
/// scale are rounded half to even (or refused, when an integer is required).
enum ScaledDecimal {
    enum Outcome<Magnitude: FixedWidthInteger & UnsignedInteger>: Equatable {
        /// The magnitude, scaled; the sign is reported separately.
        case value(Magnitude)
        /// Nonzero digits below the scale where an exact integer was required.
        case fraction
        /// Larger than the caller's limit.
        case tooLarge
    }

    /// Converts the validated JSON number `text` (see `JSONLineScanner.scanNumber`).
    /// - Parameters:
    ///   - scale: decimal places kept (the result is `value × 10^scale`).
    ///   - limit: the largest acceptable scaled magnitude.
    ///   - rounding: round half to even below the scale; otherwise report `.fraction`.
    /// - Returns: whether the text is negative with a nonzero digit (so `-0` is not
    ///   negative), and the outcome.
    /// Generic so counts and times stay in 64-bit arithmetic on the hot path;
    /// only amounts pay for 128 bits.
    @inline(__always)
    static func convert<Magnitude: FixedWidthInteger & UnsignedInteger>(
        _ text: UnsafeBufferPointer<UInt8>, scale: Int, limit: Magnitude, rounding: Bool
    ) -> (negative: Bool, outcome: Outcome<Magnitude>) {
        let p = text.baseAddress!
        let end = text.count
        var i = 0
        let negative = p[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        let intStart = i
        while i < end, isASCIIDigit(p[i]) { i += 1 }
        let intEnd = i
        var fracStart = i
        var fracEnd = i
        if i < end, p[i] == UInt8(ascii: ".") {
            fracStart = i + 1
            i = fracStart
            while i < end, isASCIIDigit(p[i]) { i += 1 }
            fracEnd = i
        }
        var exponent = 0
        if i < end {  // e or E
            i += 1
            var exponentNegative = false
            if p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            // Saturate: beyond a million the answer (zero or too large) is the same.
            while i < end {
                exponent = min(exponent * 10 + Int(p[i] &- UInt8(ascii: "0")), 1_000_000)
                i += 1
            }
            if exponentNegative { exponent = -exponent }
        }

        // Digit k (integer digits, then fraction digits) has scaled place
        // `placeOfFirst - k`; places >= 0 are kept, place -1 decides rounding.
        let intCount = intEnd - intStart
        let digitCount = intCount + (fracEnd - fracStart)
        let placeOfFirst = intCount - 1 + exponent + scale
        @inline(__always) func digit(_ k: Int) -> Magnitude {
            Magnitude(p[k < intCount ? intStart + k : fracStart + k - intCount] &- UInt8(ascii: "0"))
        }

        var anyNonzero = false
        var kept: Magnitude = 0
        let keptCount = min(digitCount, max(placeOfFirst + 1, 0))
        for k in 0..<keptCount {
            let d = digit(k)
            if d != 0 { anyNonzero = true }
            let (times10, overflow1) = kept.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(d)
            if overflow1 || overflow2 || sum > limit { return (negative, .tooLarge) }
            kept = sum
        }
        // Places below the kept digits: the first decides rounding, the rest break ties.
        var roundDigit: Magnitude = 0
        var sticky = false
        for k in keptCount..<digitCount {
            let d = digit(k)
            if d == 0 { continue }
            anyNonzero = true
            if placeOfFirst - k == -1 { roundDigit = d } else { sticky = true }
        }
        let isNegative = negative && anyNonzero
        // Kept digits that stop above place 0 still need their trailing zeros.
        let missingZeros = keptCount == 0 ? 0 : placeOfFirst - (keptCount - 1)
        if kept != 0 && missingZeros > 0 {
            for _ in 0..<missingZeros {
                let (times10, overflow) = kept.multipliedReportingOverflow(by: 10)
                if overflow || times10 > limit { return (isNegative, .tooLarge) }
                kept = times10
            }
        }
        if roundDigit != 0 || sticky {
            guard rounding else { return (isNegative, .fraction) }
            if roundDigit > 5 || (roundDigit == 5 && (sticky || kept & 1 == 1)) {
                kept += 1
                if kept > limit { return (isNegative, .tooLarge) }
            }
        }
        return (isNegative, .value(kept))
    }
}
