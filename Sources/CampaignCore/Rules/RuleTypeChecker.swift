import CampaignText

extension RuleExpression {
    /// Every problem with names and types, in column order; empty when the
    /// expression is sound.
    ///
    /// - Parameters:
    ///   - fields: the names the expression may use, each with its type
    ///     (customer fields, `benchmark.*`, KPI values).
    ///   - expecting: `.boolean` for segment rules, `.number` for thresholds.
    ///   - subject: what the expression is, for the wrong-kind message;
    ///     defaults to "a segment rule" / "a threshold".
    public func check(
        fields: [String: RuleFieldType], expecting: RuleType, subject: String? = nil
    ) -> [RuleError] {
        precondition(expecting == .boolean || expecting == .number, "a rule is a condition or a number")
        var checker = RuleTypeChecker(fields: fields)
        if let type = checker.type(of: root), type != expecting {
            checker.errors.append(RuleError(
                column: root.column,
                message: checker.misuse(root, type)
                    ?? Self.wrongKindMessage(expecting: expecting, got: type, subject: subject)))
        }
        return checker.sortedErrors
    }

    /// `check(fields:…)` with every name a number (all names were, before
    /// rules had text and sets).
    public func check(
        knownNames: some Sequence<String>, expecting: RuleType, subject: String? = nil
    ) -> [RuleError] {
        check(fields: RuleFieldType.numbers(knownNames), expecting: expecting, subject: subject)
    }

    /// Names and types only, whatever the result kind (for `evaluate`); a
    /// list or a set cannot be a result.
    func problems(fields: [String: RuleFieldType]) -> [RuleError] {
        var checker = RuleTypeChecker(fields: fields)
        if let type = checker.type(of: root), let misuse = checker.misuse(root, type) {
            checker.errors.append(RuleError(column: root.column, message: misuse))
        }
        return checker.sortedErrors
    }

    private static func wrongKindMessage(expecting: RuleType, got: RuleType, subject: String?) -> String {
        switch (expecting, got) {
        case (.number, .boolean):
            Phrase.checkWrongKindNumber.text(subject ?? Phrase.checkSubjectThresholdDefault.text(), "true/false")
        case (.number, _):
            Phrase.rulesWrongKindNumber.text(subject ?? Phrase.checkSubjectThresholdDefault.text(), got)
        default:
            Phrase.checkWrongKindCondition.text(subject ?? Phrase.checkSubjectSegmentRuleDefault.text(), "true/false", got)
        }
    }
}

/// Infers the type of every node, collecting problems instead of stopping.
///
/// After a problem the node still gets the type its operator produces, so one
/// mistake does not cascade into errors about everything around it; an
/// unknown name has no type (nil), which every operator accepts.
struct RuleTypeChecker {
    private let fields: [String: RuleFieldType]
    /// Sorted so that a tie between equally close suggestions always resolves
    /// the same way (a dictionary's order differs between runs).
    private let candidates: [String]
    var errors: [RuleError] = []

    init(fields: [String: RuleFieldType]) {
        self.fields = fields
        candidates = fields.keys.sorted()
    }

    var sortedErrors: [RuleError] {
        // Stable: errors at one column keep the order they were found in.
        errors.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }.map(\.element)
    }

    /// The message for a list or a set where a value belongs, nil for other types.
    func misuse(_ node: RuleNode, _ type: RuleType) -> String? {
        switch type {
        case .numberList, .textList: Phrase.rulesListOnlyAfterIn.text("in", "city_tier in [1, 2]")
        case .set: Phrase.rulesSetOnlyAfterIn.text(Self.name(of: node), "in")
        default: nil
        }
    }

    private static func name(of node: RuleNode) -> String {
        if case .name(let name) = node.kind { return name }
        return ""
    }

    private mutating func report(_ node: RuleNode, _ message: String) {
        errors.append(RuleError(column: node.column, message: message))
    }

    mutating func type(of node: RuleNode) -> RuleType? {
        switch node.kind {
        case .number:
            return .number
        case .boolean:
            return .boolean
        case .text:
            return .text
        case .name(let name):
            guard let field = fields[name] else {
                report(node, Phrase.checkUnknownName.text(name, Suggestion.hint(for: name, among: candidates)))
                return nil
            }
            return field.ruleType
        case .list(let items):
            return listType(items)
        case .unary(.negate, let operand):
            if let actual = type(of: operand), actual != .number {
                report(operand, misuse(operand, actual) ?? Phrase.checkNegateNeedsNumber.text(actual))
            }
            return .number
        case .unary(.not, let operand):
            if let actual = type(of: operand), actual != .boolean {
                report(operand, misuse(operand, actual) ?? (actual == .number
                    ? Phrase.checkNotNeedsCondition.text("not", RuleType.boolean)
                    : Phrase.rulesNotNeedsCondition.text("not", RuleType.boolean, actual)))
            }
            return .boolean
        case .binary(let op, let left, let right) where op == .equal || op == .notEqual:
            checkEquality(op, left, right)
            return .boolean
        case .binary(let op, let left, let right):
            let needed = op.operandType
            for operand in [left, right] {
                guard let actual = type(of: operand), actual != needed else { continue }
                let message = misuse(operand, actual) ?? (actual == .text && op.isComparison
                    ? Phrase.rulesTextOrdering.text(op.rawValue, "in")
                    : Phrase.checkOperatorNeeds.text(op.rawValue, Self.wanted(needed), actual))
                report(operand, message)
            }
            return op.resultType
        case .membership(let element, let collection):
            checkMembership(element, collection)
            return .boolean
        }
    }

    /// "numbers", "true/false" or "text", as in "'+' needs numbers on both sides".
    private static func wanted(_ type: RuleType) -> String {
        switch type {
        case .number: Phrase.checkWantedNumbers.text()
        case .text: Phrase.rulesWantedText.text()
        default: type.description
        }
    }

    /// All items of one type; the list's type is its first item's.
    private mutating func listType(_ items: [RuleNode]) -> RuleType {
        var first: RuleType?
        for item in items {
            // The parser admits only number and text literals.
            let itemType: RuleType = if case .text = item.kind { .text } else { .number }
            if let first, itemType != first {
                report(item, Phrase.rulesMixedList.text(itemType, first))
            }
            first = first ?? itemType
        }
        return first == .text ? .textList : .numberList
    }

    /// `==`, `!=`: two numbers or two texts. The left side says which (it is
    /// what the rule is about: `gender == 1` is wrong at the 1), unless it is
    /// neither; then the right side does.
    private mutating func checkEquality(_ op: RuleBinaryOperator, _ left: RuleNode, _ right: RuleNode) {
        let types = (type(of: left), type(of: right))
        let comparable: Set<RuleType> = [.number, .text]
        let wanted: RuleType = if let l = types.0, comparable.contains(l) { l }
            else if let r = types.1, comparable.contains(r) { r } else { .number }
        for (operand, actual) in [(left, types.0), (right, types.1)] {
            guard let actual, actual != wanted else { continue }
            report(operand, misuse(operand, actual)
                ?? Phrase.checkOperatorNeeds.text(op.rawValue, Self.wanted(wanted), actual))
        }
    }

    /// `x in [1, 2]`, `lifecycle in ["new", "active"]`, `"vip" in tags`.
    private mutating func checkMembership(_ element: RuleNode, _ collection: RuleNode) {
        let elementType = type(of: element)
        guard let collectionType = type(of: collection) else {
            if let elementType, let misuse = misuse(element, elementType) { report(element, misuse) }
            return
        }
        switch collectionType {
        case .set:
            checkMember(element, elementType, of: Self.name(of: collection))
        case .numberList, .textList:
            guard let elementType else { return }
            if let misuse = misuse(element, elementType) {
                report(element, misuse)
            } else if elementType == .boolean {
                report(element, Phrase.rulesInNeedsValue.text("in", elementType))
            } else if elementType != collectionType.listElement {
                let fitting: RuleType = elementType == .text ? .textList : .numberList
                report(collection, Phrase.rulesInListType.text("in", fitting, elementType, collectionType))
            }
        case .number, .text, .boolean:
            if let elementType, let misuse = misuse(element, elementType) { report(element, misuse) }
            report(collection, Phrase.rulesInNeedsCollection.text("in", collectionType, "tags"))
        }
    }

    /// The left of `in tags` is a member's name, written out and among the set's members.
    private mutating func checkMember(_ element: RuleNode, _ elementType: RuleType?, of set: String) {
        guard case .text(let member) = element.kind else {
            if elementType != nil { report(element, Phrase.rulesMemberNeedsName.text("in", set)) }
            return
        }
        guard case .set(let members) = fields[set], !members.contains(member) else { return }
        if let close = Suggestion.closest(to: member, among: members.sorted()) {
            report(element, Phrase.rulesNoMemberDidYouMean.text(set, member, close))
        } else if members.isEmpty {
            report(element, Phrase.rulesNoMemberEmpty.text(set, member))
        } else {
            let shown = members.sorted().prefix(10).map { "'\($0)'" }.joined(separator: Phrase.checkListSeparator.text())
            report(element, Phrase.rulesNoMemberKnown.text(set, member, shown + (members.count > 10 ? " …" : "")))
        }
    }
}
