/// What a name stands for once, before evaluating over many rows.
public enum RuleBinding: Sendable, Hashable {
    /// Read position `index` of each row's field values (a customer field).
    case slot(Int)
    /// The same value for every row (a benchmark), folded at compile time.
    case constant(Double)
}

extension RuleExpression {
    /// Checks the expression against `bindings` and turns it into a flat
    /// program that evaluates without dictionary lookups or string work.
    ///
    /// Throws every name and type problem (`bindings.keys` are the known names,
    /// so unknown names come with a did-you-mean). Parts that depend only on
    /// constants (`1.5 * benchmark.aov`) are computed here, once.
    public func compile(
        bindings: [String: RuleBinding], expecting: RuleType, subject: String? = nil
    ) throws(RuleErrorList) -> CompiledRule {
        let problems = check(knownNames: bindings.keys, expecting: expecting, subject: subject)
        guard problems.isEmpty else { throw RuleErrorList(problems) }
        var compiler = RuleCompiler(bindings: bindings)
        compiler.emitProgram(root)
        return CompiledRule(
            instructions: compiler.instructions, resultType: expecting, fieldCount: compiler.fieldCount)
    }
}

/// Emits one instruction per operation into a register program: instruction
/// `i` writes register `i` and reads only earlier registers, so evaluation is a
/// single forward pass with no stack bookkeeping.
private struct RuleCompiler {
    /// A compiled sub-expression: a constant still free to fold, or a register.
    private enum Operand {
        case constant(Double)
        case register(Int)
    }

    let bindings: [String: RuleBinding]
    private(set) var instructions: [CompiledRule.Instruction] = []
    /// One past the highest slot read: the shortest row the program accepts.
    private(set) var fieldCount = 0

    init(bindings: [String: RuleBinding]) { self.bindings = bindings }

    /// Emits the whole expression; its value ends up in the last register.
    mutating func emitProgram(_ root: RuleNode) {
        let result = emit(root)
        // A program that folded to one constant still needs one instruction to
        // produce it; a register result is already last.
        if case .constant = result { _ = register(for: result) }
    }

    /// Compiles `node`, folding operations whose inputs are all constants
    /// (`1.5 * benchmark.aov`). Folding uses the same arithmetic as run time
    /// (`RuleArithmetic`), so it never changes a result.
    private mutating func emit(_ node: RuleNode) -> Operand {
        switch node.kind {
        case .number(let value):
            return .constant(value)
        case .boolean(let value):
            return .constant(RuleArithmetic.truth(value))
        case .name(let name):
            switch bindings[name] {
            case .slot(let slot):
                precondition(slot >= 0, "slot for '\(name)' must not be negative")
                fieldCount = max(fieldCount, slot + 1)
                return .register(append(.load(slot)))
            case .constant(let value):
                return .constant(value)
            case nil:
                preconditionFailure("'\(name)' is unbound; the check before compiling guarantees it")
            }
        case .unary(let op, let operand):
            let input = emit(operand)
            if case .constant(let value) = input {
                return .constant(RuleArithmetic.apply(op, value))
            }
            let x = register(for: input)
            return .register(append(op == .negate ? .negate(x) : .not(x)))
        case .binary(let op, let left, let right):
            let a = emit(left), b = emit(right)
            if case .constant(let x) = a, case .constant(let y) = b {
                return .constant(RuleArithmetic.apply(op, x, y))
            }
            return .register(append(.binary(op, register(for: a), register(for: b))))
        }
    }

    private mutating func register(for operand: Operand) -> Int {
        switch operand {
        case .register(let index): index
        case .constant(let value): append(.constant(value))
        }
    }

    private mutating func append(_ instruction: CompiledRule.Instruction) -> Int {
        instructions.append(instruction)
        return instructions.count - 1
    }
}
