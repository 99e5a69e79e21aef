import CampaignText

extension RuleExpression {
    /// Every problem with names and types, in column order; empty when the
    /// expression is sound.
    ///
    /// - Parameters:
    ///   - knownNames: the names the expression may use; all are numbers
    ///     (customer fields, `benchmark.*`, KPI values).
    ///   - expecting: `.boolean` for segment rules, `.number` for thresholds.
    ///   - subject: what the expression is, for the wrong-kind message;
    ///     defaults to "a segment rule" / "a threshold".
    public func check(
        knownNames: some Sequence<String>, expecting: RuleType, subject: String? = nil
    ) -> [RuleError] {
        var checker = RuleTypeChecker(knownNames: knownNames)
        let type = checker.type(of: root)
        if type != expecting {
            checker.errors.append(RuleError(
                column: root.column, message: Self.wrongKindMessage(expecting: expecting, got: type, subject: subject)))
        }
        return checker.sortedErrors
    }

    /// Names and types only, whatever the result kind (for `evaluate`).
    func problems(knownNames: some Sequence<String>) -> [RuleError] {
        var checker = RuleTypeChecker(knownNames: knownNames)
        _ = checker.type(of: root)
        return checker.sortedErrors
    }

    private static func wrongKindMessage(expecting: RuleType, got: RuleType, subject: String?) -> String {
        switch expecting {
        case .boolean: Phrase.checkWrongKindCondition.text(subject ?? Phrase.checkSubjectSegmentRuleDefault.text(), "true/false", got)
        case .number: Phrase.checkWrongKindNumber.text(subject ?? Phrase.checkSubjectThresholdDefault.text(), "true/false")
        }
    }
}

/// Infers the type of every node, collecting problems instead of stopping.
///
/// After a problem the node still gets the type its operator produces (an
/// unknown name is still a number), so one mistake does not cascade into
/// errors about everything around it.
struct RuleTypeChecker {
    private let known: Set<String>
    /// Sorted so that a tie between equally close suggestions always resolves
    /// the same way (a Set's order differs between runs).
    private let candidates: [String]
    var errors: [RuleError] = []

    init(knownNames: some Sequence<String>) {
        known = Set(knownNames)
        candidates = known.sorted()
    }

    var sortedErrors: [RuleError] {
        // Stable: errors at one column keep the order they were found in.
        errors.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }.map(\.element)
    }

    mutating func type(of node: RuleNode) -> RuleType {
        switch node.kind {
        case .number:
            return .number
        case .boolean:
            return .boolean
        case .name(let name):
            if !known.contains(name) {
                let hint = Suggestion.hint(for: name, among: candidates)
                errors.append(RuleError(column: node.column, message: Phrase.checkUnknownName.text(name, hint)))
            }
            return .number
        case .unary(.negate, let operand):
            if type(of: operand) != .number {
                errors.append(RuleError(column: operand.column, message: Phrase.checkNegateNeedsNumber.text(RuleType.boolean)))
            }
            return .number
        case .unary(.not, let operand):
            if type(of: operand) != .boolean {
                errors.append(RuleError(column: operand.column, message: Phrase.checkNotNeedsCondition.text("not", RuleType.boolean)))
            }
            return .boolean
        case .binary(let op, let left, let right):
            let needed = op.operandType
            let wanted = needed == .number ? Phrase.checkWantedNumbers.text() : RuleType.boolean.description
            for operand in [left, right] {
                let actual = type(of: operand)
                if actual != needed {
                    errors.append(RuleError(
                        column: operand.column, message: Phrase.checkOperatorNeeds.text(op.rawValue, wanted, actual)))
                }
            }
            return op.resultType
        }
    }
}
