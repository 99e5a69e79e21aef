import CampaignText

/// Recursive-descent parser for rule expressions.
///
/// Grammar, lowest precedence first:
///
///     or         := and ("or" and)*
///     and        := not ("and" not)*
///     not        := "not" not | comparison
///     comparison := additive ((compareOp | "in" | "not" "in") additive)?   -- non-associative
///     additive   := multiplicative (("+" | "-") multiplicative)*
///     multiplicative := unary (("*" | "/") unary)*
///     unary      := "-" unary | primary
///     primary    := number | text | name | "true" | "false" | "(" or ")" | list
///     list       := "[" item ("," item)* "]"      -- item: number, -number or text
///
/// `not` sits above comparison so that `not a > 1` means `not (a > 1)`, which
/// is what people mean when they write it; `x not in c` is `not (x in c)`.
/// Stops at the first error.
///
/// Depth is bounded: every later pass over the tree (type checking, binding,
/// evaluation, even freeing it) recurses once per level, so thousands of
/// nested parentheses would overflow the stack. Nesting — '(', 'not' and a
/// leading '-' — stops at `maximumNesting`, and a run of operators (which
/// builds a left-leaning tree one level per operator) at `maximumDepth`.
struct RuleParser {
    /// Parentheses, 'not' and unary '-' inside one another.
    static let maximumNesting = 100
    /// Levels of the tree: nesting plus operators in a row.
    static let maximumDepth = 1_000

    private var lexer: RuleLexer
    private var current: RuleToken
    /// The last token consumed: "expected an expression after 'and'" names it.
    private var previous: RuleToken?
    /// Open '(', 'not' and '-' around the current token.
    private var nesting = 0
    /// An upper bound on the depth of the node being built: nesting plus the
    /// operators chained so far on the way down.
    private var depth = 0

    static func parse(_ text: String) throws(RuleError) -> RuleNode {
        var parser = try RuleParser(text)
        if parser.current.kind == .end {
            throw RuleError(column: 1, message: Phrase.checkExpressionEmpty.text())
        }
        let node = try parser.parseOr()
        guard parser.current.kind == .end else { throw parser.unexpectedCurrent() }
        return node
    }

    private init(_ text: String) throws(RuleError) {
        lexer = RuleLexer(text)
        current = try lexer.next()
    }

    @discardableResult
    private mutating func advance() throws(RuleError) -> RuleToken {
        let consumed = current
        previous = consumed
        current = try lexer.next()
        return consumed
    }

    private func currentOperator(in accepted: Set<RuleBinaryOperator>) -> RuleBinaryOperator? {
        if case .binary(let op) = current.kind, accepted.contains(op) { return op }
        return nil
    }

    /// Parses a left-associative chain of `operators` over `operand`.
    private mutating func parseLeftAssociative(
        _ operators: Set<RuleBinaryOperator>,
        operand: (inout RuleParser) throws(RuleError) -> RuleNode
    ) throws(RuleError) -> RuleNode {
        var left = try operand(&self)
        let depthOnEntry = depth
        defer { depth = depthOnEntry }
        while let op = currentOperator(in: operators) {
            let operatorToken = try advance()
            try deepen(at: operatorToken)
            let right = try operand(&self)
            left = RuleNode(.binary(op, left, right), column: left.column, endColumn: right.endColumn)
        }
        return left
    }

    /// One level deeper for an operator in a row; throws past `maximumDepth`.
    private mutating func deepen(at token: RuleToken) throws(RuleError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw RuleError(column: token.column, message: Phrase.checkExpressionTooDeep.text(Self.maximumDepth))
        }
    }

    /// Parses `inner` one nesting level down ('(', 'not', '-' at `token`);
    /// throws past `maximumNesting`.
    private mutating func nested(
        at token: RuleToken, _ inner: (inout RuleParser) throws(RuleError) -> RuleNode
    ) throws(RuleError) -> RuleNode {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw RuleError(column: token.column, message: Phrase.checkNestingTooDeep.text(Self.maximumNesting, "not"))
        }
        try deepen(at: token)
        defer { depth -= 1 }
        return try inner(&self)
    }

    private mutating func parseOr() throws(RuleError) -> RuleNode {
        try parseLeftAssociative([.or]) { (parser: inout RuleParser) throws(RuleError) in try parser.parseAnd() }
    }

    private mutating func parseAnd() throws(RuleError) -> RuleNode {
        try parseLeftAssociative([.and]) { (parser: inout RuleParser) throws(RuleError) in try parser.parseNot() }
    }

    private mutating func parseNot() throws(RuleError) -> RuleNode {
        guard current.kind == .not else { return try parseComparison() }
        let keyword = try advance()
        let operand = try nested(at: keyword) { (parser: inout RuleParser) throws(RuleError) in try parser.parseNot() }
        return RuleNode(.unary(.not, operand), column: keyword.column, endColumn: operand.endColumn)
    }

    private static let comparisons = Set(RuleBinaryOperator.allCases.filter(\.isComparison))

    /// A comparison operator as written: one of `RuleBinaryOperator`'s, `in`, or `not in`.
    private enum Comparison {
        case binary(RuleBinaryOperator)
        case membership(negated: Bool)

        var written: String {
            switch self {
            case .binary(let op): op.rawValue
            case .membership(let negated): negated ? "not in" : "in"
            }
        }

        func node(_ left: RuleNode, _ right: RuleNode) -> RuleNode {
            switch self {
            case .binary(let op):
                return RuleNode(.binary(op, left, right), column: left.column, endColumn: right.endColumn)
            case .membership(let negated):
                let test = RuleNode(.membership(element: left, collection: right), column: left.column, endColumn: right.endColumn)
                return negated ? RuleNode(.unary(.not, test), column: left.column, endColumn: right.endColumn) : test
            }
        }
    }

    /// The comparison at the current token, if any; `not` counts only when `in` follows it.
    private func comparisonHere() -> Comparison? {
        if let op = currentOperator(in: Self.comparisons) { return .binary(op) }
        switch current.kind {
        case .in: return .membership(negated: false)
        case .not:
            // A lexical error after 'not' is left for later, so the error about
            // 'not' itself (further left) is the one reported.
            var probe = lexer
            return (try? probe.next())?.kind == .in ? .membership(negated: true) : nil
        default: return nil
        }
    }

    /// Consumes the comparison `comparisonHere()` found (two tokens for `not in`).
    private mutating func consume(_ comparison: Comparison) throws(RuleError) {
        try advance()
        if case .membership(negated: true) = comparison { try advance() }
    }

    private mutating func parseComparison() throws(RuleError) -> RuleNode {
        let left = try parseAdditive()
        guard let comparison = comparisonHere() else { return left }
        try consume(comparison)
        let right = try parseAdditive()
        if comparisonHere() != nil {
            throw try chainedComparison(left: left, written: comparison.written, middle: right)
        }
        return comparison.node(left, right)
    }

    /// `a < b < c` does not mean what it looks like in most languages, so it is
    /// an error; the message spells out the rewrite when the third operand parses.
    private mutating func chainedComparison(
        left: RuleNode, written: String, middle: RuleNode
    ) throws(RuleError) -> RuleError {
        let column = current.column
        guard let second = comparisonHere() else { preconditionFailure("called at a comparison") }
        try consume(second)
        let generic = RuleError(column: column, message: Phrase.checkChainedComparison.text("and"))
        let right: RuleNode
        do throws(RuleError) {
            right = try parseAdditive()
        } catch {
            return generic
        }
        let a = lexer.text(from: left.column, to: left.endColumn)
        let b = lexer.text(from: middle.column, to: middle.endColumn)
        let c = lexer.text(from: right.column, to: right.endColumn)
        return RuleError(
            column: column,
            message: Phrase.checkChainedComparisonRewrite.text("\(a) \(written) \(b) and \(b) \(second.written) \(c)"))
    }

    private mutating func parseAdditive() throws(RuleError) -> RuleNode {
        try parseLeftAssociative([.add, .subtract]) { (parser: inout RuleParser) throws(RuleError) in
            try parser.parseMultiplicative()
        }
    }

    private mutating func parseMultiplicative() throws(RuleError) -> RuleNode {
        try parseLeftAssociative([.multiply, .divide]) { (parser: inout RuleParser) throws(RuleError) in
            try parser.parseUnary()
        }
    }

    private mutating func parseUnary() throws(RuleError) -> RuleNode {
        guard current.kind == .binary(.subtract) else { return try parsePrimary() }
        let minus = try advance()
        let operand = try nested(at: minus) { (parser: inout RuleParser) throws(RuleError) in try parser.parseUnary() }
        return RuleNode(.unary(.negate, operand), column: minus.column, endColumn: operand.endColumn)
    }

    private mutating func parsePrimary() throws(RuleError) -> RuleNode {
        let token = current
        switch token.kind {
        case .number(let value):
            try advance()
            return RuleNode(.number(value), column: token.column, endColumn: token.endColumn)
        case .boolean(let value):
            try advance()
            return RuleNode(.boolean(value), column: token.column, endColumn: token.endColumn)
        case .text(let value):
            try advance()
            return RuleNode(.text(value), column: token.column, endColumn: token.endColumn)
        case .name(let name):
            try advance()
            return RuleNode(.name(name), column: token.column, endColumn: token.endColumn)
        case .leftBracket:
            return try parseList()
        case .leftParen:
            try advance()
            var inner = try nested(at: token) { (parser: inout RuleParser) throws(RuleError) in try parser.parseOr() }
            guard current.kind == .rightParen else {
                if current.kind == .end {
                    throw RuleError(
                        column: current.column, message: Phrase.checkMissingClose.text(token.column))
                }
                throw RuleError(
                    column: current.column,
                    message: Phrase.checkUnexpectedExpectedClose.text(current.quoted, token.column))
            }
            let close = try advance()
            // The group's span includes its parentheses, so errors about it point at '('.
            inner.column = token.column
            inner.endColumn = close.endColumn
            return inner
        case .not:
            let after = previous.map { Phrase.checkAfterToken.text($0.quoted) } ?? ""
            throw RuleError(
                column: token.column,
                message: Phrase.checkNotCannotStand.text("not", after))
        default:
            guard let previous else { throw unexpectedCurrent() }
            throw RuleError(column: token.column, message: Phrase.checkExpectedExpressionAfter.text(previous.quoted))
        }
    }

    /// `[1, 2]`, `["a", "b"]`, `[-1, 2.5%]`: literals only (the type checker
    /// sees that they are all of one type), at least one.
    private mutating func parseList() throws(RuleError) -> RuleNode {
        let open = try advance()
        if current.kind == .rightBracket {
            throw RuleError(column: open.column, message: Phrase.rulesEmptyList.text())
        }
        var items: [RuleNode] = []
        while true {
            items.append(try parseListItem())
            switch current.kind {
            case .comma:
                try advance()
            case .rightBracket:
                let close = try advance()
                return RuleNode(.list(items), column: open.column, endColumn: close.endColumn)
            case .end:
                throw RuleError(column: current.column, message: Phrase.rulesMissingCloseBracket.text(open.column))
            default:
                throw RuleError(
                    column: current.column, message: Phrase.rulesExpectedCommaOrClose.text(current.quoted, open.column))
            }
        }
    }

    private mutating func parseListItem() throws(RuleError) -> RuleNode {
        let token = current
        switch token.kind {
        case .number(let value):
            try advance()
            return RuleNode(.number(value), column: token.column, endColumn: token.endColumn)
        case .text(let value):
            try advance()
            return RuleNode(.text(value), column: token.column, endColumn: token.endColumn)
        case .binary(.subtract):
            try advance()
            guard case .number(let value) = current.kind else {
                throw RuleError(column: current.column, message: Phrase.rulesListItem.text(current.quoted))
            }
            let number = try advance()
            return RuleNode(.number(-value), column: token.column, endColumn: number.endColumn)
        case .end:
            throw RuleError(column: token.column, message: Phrase.checkExpectedExpressionAfter.text(previous?.quoted ?? ""))
        default:
            throw RuleError(column: token.column, message: Phrase.rulesListItem.text(token.quoted))
        }
    }

    /// `unexpected ')'`, with a did-you-mean when a stray word looks like a
    /// keyword (`AND`, `adn`).
    private func unexpectedCurrent() -> RuleError {
        var hint = ""
        if case .name(let word) = current.kind {
            hint = Suggestion.hint(for: word, among: RuleKeywords.all)
        }
        return RuleError(column: current.column, message: Phrase.checkUnexpectedToken.text(current.quoted, hint))
    }
}
