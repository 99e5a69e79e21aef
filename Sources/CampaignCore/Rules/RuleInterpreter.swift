extension RuleExpression {
    /// Evaluates by walking the tree, looking names up in `values`.
    ///
    /// Convenient for tests and cold paths; for many rows use `compile`. A NaN
    /// in `values` means "no value". Throws every name and type problem
    /// (`values.keys` are the known names) before evaluating anything.
    public func evaluate(_ values: [String: Double]) throws(RuleErrorList) -> RuleValue {
        let problems = problems(knownNames: values.keys)
        guard problems.isEmpty else { throw RuleErrorList(problems) }
        let interpreter = RuleInterpreter(values: values)
        switch root.typeWhenSound {
        case .number: return .number(interpreter.number(root))
        case .boolean: return .condition(interpreter.condition(root))
        }
    }
}

extension RuleNode {
    /// The node's type, read off its top operator; only meaningful once the
    /// type check has passed.
    var typeWhenSound: RuleType {
        switch kind {
        case .number, .name, .unary(.negate, _): .number
        case .boolean, .unary(.not, _): .boolean
        case .binary(let op, _, _): op.resultType
        }
    }
}

/// A deliberately plain tree-walking evaluator with `Double?` for "no value".
/// It is written independently of `CompiledRule` (which encodes "no value" as
/// NaN) so that tests comparing the two catch mistakes in either.
private struct RuleInterpreter {
    let values: [String: Double]

    func number(_ node: RuleNode) -> Double? {
        switch node.kind {
        case .number(let value):
            return value
        case .name(let name):
            guard let value = values[name], !value.isNaN else { return nil }
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
        case .boolean, .unary(.not, _):
            preconditionFailure("a condition where a number belongs; the type check guarantees it")
        }
    }

    func condition(_ node: RuleNode) -> Bool {
        switch node.kind {
        case .boolean(let value):
            return value
        case .unary(.not, let operand):
            return !condition(operand)
        case .binary(.and, let left, let right):
            return condition(left) && condition(right)
        case .binary(.or, let left, let right):
            return condition(left) || condition(right)
        case .binary(let op, let left, let right):
            // See `RuleValue`: a comparison with no value is false.
            guard let a = number(left), let b = number(right) else { return false }
            switch op {
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            case .equal: return a == b
            case .notEqual: return a != b
            default: preconditionFailure("'\(op.rawValue)' is not a comparison; the type check guarantees it")
            }
        case .number, .name, .unary(.negate, _):
            preconditionFailure("a number where a condition belongs; the type check guarantees it")
        }
    }
}
