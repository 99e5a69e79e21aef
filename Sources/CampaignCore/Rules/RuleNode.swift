import CampaignText

/// The kinds of value a rule expression can have. A rule or a threshold is
/// a `.boolean` or a `.number`; the other kinds exist inside one: `.text`
/// compares with `==`, `!=` and `in`, and the lists and sets only stand on
/// the right of `in`.
public enum RuleType: Sendable, Hashable, CustomStringConvertible {
    case number
    case boolean
    case text
    /// `[1, 2]`
    case numberList
    /// `["new", "active"]`
    case textList
    /// A set-valued field such as `tags`, asked one member at a time.
    case set

    /// Wording for messages aimed at planners, not programmers.
    public var description: String {
        switch self {
        case .number: Phrase.checkTypeNumber.text()
        case .boolean: Phrase.checkTypeCondition.text("true/false")
        case .text: Phrase.rulesTypeText.text()
        case .numberList: Phrase.rulesTypeNumberList.text()
        case .textList: Phrase.rulesTypeTextList.text()
        case .set: Phrase.rulesTypeSet.text()
        }
    }

    /// The type of one item of a list of this type.
    var listElement: RuleType? {
        switch self {
        case .numberList: .number
        case .textList: .text
        default: nil
        }
    }
}

public enum RuleUnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case not
}

public enum RuleBinaryOperator: String, Sendable, Hashable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case equal = "==", notEqual = "!="
    case and, or

    /// The type both operands must have.
    public var operandType: RuleType {
        switch self {
        case .and, .or: .boolean
        default: .number
        }
    }

    public var resultType: RuleType {
        switch self {
        case .add, .subtract, .multiply, .divide: .number
        default: .boolean
        }
    }

    public var isComparison: Bool {
        switch self {
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual: true
        default: false
        }
    }
}

/// A node of the parsed expression, with the span of text it came from.
///
/// `column` is where the node's text starts (for a parenthesised expression,
/// the opening parenthesis), `endColumn` is one past where it ends; both are
/// 1-based Unicode-scalar columns, so errors about a sub-expression can point
/// at it exactly.
public struct RuleNode: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case number(Double)
        case boolean(Bool)
        /// A quoted literal, escapes resolved: `"女"`.
        case text(String)
        case name(String)
        /// `[1, 2]`, `["a", "b"]`: literals only, at least one.
        case list([RuleNode])
        case unary(RuleUnaryOperator, RuleNode)
        case binary(RuleBinaryOperator, RuleNode, RuleNode)
        /// `element in collection`; `x not in c` parses as `not (x in c)`.
        case membership(element: RuleNode, collection: RuleNode)
    }

    public var kind: Kind
    public var column: Int
    public var endColumn: Int

    public init(_ kind: Kind, column: Int, endColumn: Int) {
        self.kind = kind
        self.column = column
        self.endColumn = endColumn
    }
}

extension RuleNode: CustomStringConvertible {
    /// Fully parenthesised, so that tests and debug output show how the
    /// expression was grouped: `1 + 2 * 3` reads back as `(1 + (2 * 3))`.
    public var description: String {
        switch kind {
        case .number(let value):
            // Whole numbers print without ".0" so that the text reads like what was typed.
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        case .boolean(let value): return String(value)
        case .text(let value): return RuleNode.quoted(value)
        case .name(let name): return name
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .membership(let element, let collection): return "(\(element) in \(collection))"
        case .unary(.negate, let operand): return "(-\(operand))"
        case .unary(.not, let operand): return "(not \(operand))"
        case .binary(let op, let left, let right): return "(\(left) \(op.rawValue) \(right))"
        }
    }
}

extension RuleNode {
    /// `value` as a literal reads back: in double quotes, `"` and `\` escaped.
    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
