/// Operator semantics for compiled rules, shared by run time and constant
/// folding so the two can never disagree.
///
/// Everything is a Double. "No value" is NaN; a condition is 1 (true), 0
/// (false) or NaN (unknown), and every operator keeps conditions to exactly
/// those three values (which `not` and the Kleene `and`/`or` rely on). A text
/// is its code (`RuleTextCodes`). See `RuleValue` for the semantics.
enum RuleArithmetic {
    @inline(__always)
    static func truth(_ condition: Bool) -> Double { condition ? 1 : 0 }

    /// Division by zero (IEEE: ±∞, or NaN for 0/0) is "no value".
    @inline(__always)
    static func divide(_ a: Double, _ b: Double) -> Double { b == 0 ? .nan : a / b }

    /// A comparison with no value on either side is unknown (IEEE would say
    /// false, and true for `!=`).
    @inline(__always)
    static func compare(_ a: Double, _ b: Double, _ holds: Bool) -> Double {
        a.isNaN || b.isNaN ? .nan : truth(holds)
    }

    /// Kleene: false wins over unknown; 1·1 = 1 and anything with NaN is NaN.
    @inline(__always)
    static func and(_ a: Double, _ b: Double) -> Double { a == 0 || b == 0 ? 0 : a * b }

    /// Kleene: true wins over unknown; 0+0 = 0 and anything with NaN is NaN.
    @inline(__always)
    static func or(_ a: Double, _ b: Double) -> Double { a == 1 || b == 1 ? 1 : a + b }

    /// A member slot's value as a condition: NaN stays unknown, anything but
    /// 0 is true (the caller promises 1 or 0; this keeps the three values exact).
    @inline(__always)
    static func flag(_ a: Double) -> Double { a.isNaN ? a : truth(a != 0) }

    @inline(__always)
    static func apply(_ op: RuleUnaryOperator, _ a: Double) -> Double {
        switch op {
        case .negate: -a
        // 1 - 1 = 0, 1 - 0 = 1, 1 - NaN = NaN: `not unknown` is unknown.
        case .not: 1 - a
        }
    }

    @inline(__always)
    static func apply(_ op: RuleBinaryOperator, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: divide(a, b)
        case .less: compare(a, b, a < b)
        case .lessOrEqual: compare(a, b, a <= b)
        case .greater: compare(a, b, a > b)
        case .greaterOrEqual: compare(a, b, a >= b)
        case .equal: compare(a, b, a == b)
        case .notEqual: compare(a, b, a != b)
        case .and: and(a, b)
        case .or: or(a, b)
        }
    }

    /// `a in items`: unknown when `a` is; the items are literals, never NaN.
    @inline(__always)
    static func isOneOf(_ a: Double, _ items: UnsafeBufferPointer<Double>) -> Double {
        a.isNaN ? a : truth(items.contains(a))
    }
}
