/// What kind of value a name a rule may read holds, for checking a rule
/// before any data is read (`plan validate`, the editor).
public enum RuleFieldType: Sendable, Hashable {
    /// A number per customer (`aov`), or a constant (`benchmark.cpa`).
    case number
    /// A text per customer (`gender`, `lifecycle`): compared with `==`, `!=`, `in`.
    case text
    /// A set per customer (`tags`), asked one member at a time with
    /// `"price_sensitive" in tags`; `members` are the names it can hold, so a
    /// misspelt one is an error at validation rather than a rule that never matches.
    case set(members: [String])

    /// Every name a number: the rule language before it had text and sets.
    public static func numbers(_ names: some Sequence<String>) -> [String: RuleFieldType] {
        Dictionary(names.map { ($0, RuleFieldType.number) }, uniquingKeysWith: { first, _ in first })
    }

    var ruleType: RuleType {
        switch self {
        case .number: .number
        case .text: .text
        case .set: .set
        }
    }
}

/// One field's value for the dictionary evaluator
/// (`RuleExpression.evaluate(fields:)`).
public enum RuleFieldValue: Sendable, Hashable {
    /// NaN: no data.
    case number(Double)
    /// nil: no data.
    case text(String?)
    /// Each member the set can hold: true when the customer has it, false
    /// when not, nil when that is not known.
    case members([String: Bool?])

    var fieldType: RuleFieldType {
        switch self {
        case .number: .number
        case .text: .text
        case .members(let members): .set(members: members.keys.sorted())
        }
    }
}
