extension RuleExpression {
    /// Evaluates by walking the tree, looking names up in `values`, all numbers.
    ///
    /// Convenient for tests and cold paths; for many rows use `compile`. A NaN
    /// in `values` means "no value". Throws every name and type problem
    /// (`values.keys` are the known names) before evaluating anything.
    public func evaluate(_ values: [String: Double]) throws(RuleErrorList) -> RuleValue {
        try evaluate(fields: values.mapValues(RuleFieldValue.number))
    }

    /// Evaluates by walking the tree over fields of any type (numbers, texts,
    /// sets); the names and types are checked first, every problem thrown.
    public func evaluate(fields: [String: RuleFieldValue]) throws(RuleErrorList) -> RuleValue {
        let problems = problems(fields: fields.mapValues(\.fieldType))
        guard problems.isEmpty else { throw RuleErrorList(problems) }
        let interpreter = RuleInterpreter(fields: fields)
        switch interpreter.type(of: root) {
        case .number: return .number(interpreter.number(root))
        case .text: return .text(interpreter.text(root))
        default: return .condition(interpreter.condition(root))
        }
    }
}

/// A deliberately plain tree-walking evaluator with optionals for "no value"
/// and "unknown", and strings for texts. It is written independently of
/// `CompiledRule` (NaN, codes, arithmetic on 1 and 0) so that tests comparing
/// the two catch mistakes in either.
private struct RuleInterpreter {
    let fields: [String: RuleFieldValue]

    /// Only number, text and condition: the type check rules out the rest.
    func type(of node: RuleNode) -> RuleType {
        switch node.kind {
        case .number, .unary(.negate, _): .number
        case .text: .text
        case .boolean, .unary(.not, _), .membership: .boolean
        case .binary(let op, _, _): op.resultType
        case .name(let name):
            if case .text = fields[name] { .text } else { .number }
        case .list: preconditionFailure("a list outside 'in'; the type check rules it out")
        }
    }

    func number(_ node: RuleNode) -> Double? {
        switch node.kind {
        case .number(let value):
            return value
        case .name(let name):
            guard case .number(let value) = fields[name], !value.isNaN else { return nil }
            return value
        case .unary(.negate, let operand):
            return number(operand).map { -$0 }
        case .binary(let op, let left, let right):
            guard let a = number(left), let b = number(right) else { return nil }
            let result: Double
            switch op {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply: result = a * b
            case .divide:
                guard b != 0 else { return nil }
                result = a / b
            default: preconditionFailure("'\(op.rawValue)' is not arithmetic; the type check guarantees it")
            }
            // Only overflow gets here (∞ - ∞, 0 × ∞), but NaN is never a value.
            return result.isNaN ? nil : result
        default:
            preconditionFailure("not a number where a number belongs; the type check guarantees it")
        }
    }

    func text(_ node: RuleNode) -> String? {
        switch node.kind {
        case .text(let value): return value
        case .name(let name):
            guard case .text(let value) = fields[name] else { preconditionFailure("'\(name)' is not text") }
            return value
        default: preconditionFailure("not a text where a text belongs; the type check guarantees it")
        }
    }

    /// nil: unknown.
    func condition(_ node: RuleNode) -> Bool? {
        switch node.kind {
        case .boolean(let value):
            return value
        case .unary(.not, let operand):
            return condition(operand).map { !$0 }
        case .binary(.and, let left, let right):
            switch (condition(left), condition(right)) {
            case (false, _), (_, false): return false
            case (true, true): return true
            default: return nil
            }
        case .binary(.or, let left, let right):
            switch (condition(left), condition(right)) {
            case (true, _), (_, true): return true
            case (false, false): return false
            default: return nil
            }
        case .binary(let op, let left, let right) where type(of: left) == .text:
            guard let a = text(left), let b = text(right) else { return nil }
            switch op {
            case .equal: return a == b
            case .notEqual: return a != b
            default: preconditionFailure("'\(op.rawValue)' on text; the type check rules it out")
            }
        case .binary(let op, let left, let right):
            guard let a = number(left), let b = number(right) else { return nil }
            switch op {
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            case .equal: return a == b
            case .notEqual: return a != b
            default: preconditionFailure("'\(op.rawValue)' is not a comparison; the type check guarantees it")
            }
        case .membership(let element, let collection):
            return membership(element, collection)
        default:
            preconditionFailure("not a condition where a condition belongs; the type check guarantees it")
        }
    }

    private func membership(_ element: RuleNode, _ collection: RuleNode) -> Bool? {
        switch collection.kind {
        case .list(let items):
            if type(of: element) == .text {
                guard let value = text(element) else { return nil }
                return items.contains { text($0) == value }
            }
            guard let value = number(element) else { return nil }
            return items.contains { number($0) == value }
        case .name(let name):
            guard case .members(let members) = fields[name], case .text(let member) = element.kind,
                  let has = members[member] else { preconditionFailure("'in \(name)': the type check guarantees a member") }
            return has
        default:
            preconditionFailure("'in' needs a list or a set; the type check guarantees it")
        }
    }
}
