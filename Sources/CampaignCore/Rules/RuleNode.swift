import CampaignText

/// The two kinds of value a rule expression can have.
public enum RuleType: Sendable, Hashable, CustomStringConvertible {
    case number
    case boolean

    /// Wording for messages aimed at planners, not programmers.
    public var description: String {
        switch self {
        case .number: Phrase.checkTypeNumber.text()
        case .boolean: Phrase.checkTypeCondition.text("true/false")
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
        case name(String)
        case unary(RuleUnaryOperator, RuleNode)
        case binary(RuleBinaryOperator, RuleNode, RuleNode)
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
        case .name(let name): return name
        case .unary(.negate, let operand): return "(-\(operand))"
        case .unary(.not, let operand): return "(not \(operand))"
        case .binary(let op, let left, let right): return "(\(left) \(op.rawValue) \(right))"
        }
    }
}
