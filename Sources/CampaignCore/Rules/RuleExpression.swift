/// A parsed rule expression: a segment rule
/// (`orders_180d >= 3 and aov >= 1.5 * benchmark.aov`,
/// `gender == "女" and city_tier in [1, 2]`, `"price_sensitive" in tags`) or an
/// alert threshold (`1.3 * benchmark.cpa`).
///
/// Lifecycle: `parse` (syntax, first error) → `check` (names and types, every
/// error) → `compile` (bind names to field slots or constants once) → evaluate
/// the compiled form per customer. Conditions are three-valued (see `RuleValue`). `evaluate(_:)` over a dictionary is the slow,
/// simple path for tests and one-off values.
public struct RuleExpression: Sendable, Hashable, CustomStringConvertible {
    /// The text as written.
    public let text: String
    public let root: RuleNode

    /// Parses `text`, reporting the first syntax error with its column.
    public static func parse(_ text: String) throws(RuleError) -> RuleExpression {
        RuleExpression(text: text, root: try RuleParser.parse(text))
    }

    private init(text: String, root: RuleNode) {
        self.text = text
        self.root = root
    }

    /// Fully parenthesised form, showing how the expression was grouped.
    public var description: String { root.description }

    /// Every name the expression uses, in the order written, repeats included.
    /// Lets callers ask, e.g., whether a rule uses only `r_score`, `f_score` and
    /// `m_score` (and so can be analysed over all 125 score combinations).
    public var referencedNames: [RuleNameReference] {
        var names: [RuleNameReference] = []
        func visit(_ node: RuleNode) {
            switch node.kind {
            case .number, .boolean, .text, .list: break
            case .name(let name): names.append(RuleNameReference(name: name, column: node.column))
            case .unary(_, let operand): visit(operand)
            case .binary(_, let left, let right), .membership(let left, let right):
                visit(left)
                visit(right)
            }
        }
        visit(root)
        return names
    }
}

/// One use of a name in an expression.
public struct RuleNameReference: Sendable, Hashable {
    public var name: String
    /// 1-based Unicode-scalar column where the name starts.
    public var column: Int

    public init(name: String, column: Int) {
        self.name = name
        self.column = column
    }
}
