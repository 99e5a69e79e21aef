/// Operator semantics for compiled rules, shared by run time and constant
/// folding so the two can never disagree.
///
/// Everything is a Double: "no value" is NaN, and a condition is 1 (true) or
/// 0 (false). IEEE arithmetic already propagates NaN and makes `<`, `<=`, `>`,
/// `>=` and `==` false on it; only division by zero and `!=` need care to give
/// the documented semantics (see `RuleValue`).
enum RuleArithmetic {
    @inline(__always)
    static func truth(_ condition: Bool) -> Double { condition ? 1 : 0 }

    /// Division by zero (IEEE: ±∞, or NaN for 0/0) is "no value".
    @inline(__always)
    static func divide(_ a: Double, _ b: Double) -> Double { b == 0 ? .nan : a / b }

    /// IEEE `!=` is true when either side is NaN; a comparison with no value
    /// must be false, and `a < b || a > b` is exactly "different and both present".
    @inline(__always)
    static func notEqual(_ a: Double, _ b: Double) -> Double { truth(a < b || a > b) }

    @inline(__always)
    static func apply(_ op: RuleUnaryOperator, _ a: Double) -> Double {
        switch op {
        case .negate: -a
        case .not: truth(a == 0)
        }
    }

    @inline(__always)
    static func apply(_ op: RuleBinaryOperator, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: divide(a, b)
        case .less: truth(a < b)
        case .lessOrEqual: truth(a <= b)
        case .greater: truth(a > b)
        case .greaterOrEqual: truth(a >= b)
        case .equal: truth(a == b)
        case .notEqual: notEqual(a, b)
        case .and: truth(a != 0 && b != 0)
        case .or: truth(a != 0 || b != 0)
        }
    }
}
