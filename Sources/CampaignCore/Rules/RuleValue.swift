/// The result of evaluating an expression.
///
/// "No value" (`.number(nil)`, `.text(nil)`) comes from dividing by zero or
/// from a field with no data, and propagates through arithmetic. Conditions
/// have three values (SPEC §13): a comparison with no value on either side is
/// unknown (`.condition(nil)`), including `!=` and `in`; `not` unknown is
/// unknown; `and`/`or` follow Kleene (false and unknown is false, true or
/// unknown is true, otherwise unknown); and a rule matches only when it is
/// true. So `not (aov > 100)` does not match a customer without `aov`: a rule
/// never selects someone on the strength of a value that does not exist,
/// whichever way round it is written.
public enum RuleValue: Sendable, Hashable {
    case number(Double?)
    /// nil: unknown.
    case condition(Bool?)
    /// A text-valued expression (a text field or literal); nil: no data.
    case text(String?)

    /// The number, or nil when there is none or this is not a number.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The condition's truth, or nil when it is unknown or this is not a condition.
    public var condition: Bool? {
        if case .condition(let value) = self { return value }
        return nil
    }

    /// Whether a rule with this value matches: only a true condition does.
    public var matches: Bool { self == .condition(true) }
}
