/// The result of evaluating an expression.
///
/// "No value" (`.number(nil)`) comes from dividing by zero or from a field that
/// has no value (NaN), and propagates through arithmetic. A comparison with no
/// value on either side is false, including `!=`: a customer whose `aov` is
/// unknown is neither above nor below any threshold, so a rule never selects
/// someone on the strength of a value that does not exist. The consequence to
/// keep in mind: `not (aov > 100)` *is* true for such a customer.
public enum RuleValue: Sendable, Hashable {
    case number(Double?)
    case condition(Bool)

    /// The number, or nil when there is none or this is a condition.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The condition, or nil when this is a number.
    public var condition: Bool? {
        if case .condition(let value) = self { return value }
        return nil
    }
}
