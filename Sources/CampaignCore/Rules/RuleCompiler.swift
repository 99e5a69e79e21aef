/// Emits one instruction per operation into a register program: instruction
/// `i` writes register `i` and reads only earlier registers, so evaluation is a
/// single forward pass with no stack bookkeeping. Runs only on expressions the
/// type check passed.
struct RuleCompiler {
    /// A compiled sub-expression: a constant still free to fold, or a register.
    private enum Operand {
        case constant(Double)
        case register(Int)
    }

    private let bindings: [String: RuleBinding]
    private var textCodes: RuleTextCodes
    private(set) var instructions: [CompiledRule.Instruction] = []
    /// One past the highest slot read: the shortest row the program accepts.
    private(set) var fieldCount = 0

    init(bindings: [String: RuleBinding], textCodes: RuleTextCodes) {
        self.bindings = bindings
        self.textCodes = textCodes
    }

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
        case .text(let value):
            return .constant(code(of: value))
        case .name(let name):
            switch bindings[name] {
            case .slot(let slot), .textSlot(let slot):
                return .register(append(.load(read(slot, for: name))))
            case .constant(let value):
                return .constant(value)
            case .memberSlots, nil:
                preconditionFailure("'\(name)' is unbound or a set; the check before compiling guarantees it is neither")
            }
        case .list:
            preconditionFailure("a list outside 'in'; the check before compiling rules it out")
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
        case .membership(let element, let collection):
            return emitMembership(element, collection)
        }
    }

    /// `"vip" in tags` is a load of the member's slot; `x in [1, 2]` one
    /// instruction over the list's items, each a constant in a register just
    /// before it. (A separate array of items made every rule, list or not,
    /// about a fifth slower per row in `deck-bench rules`: one more buffer to
    /// retain per call.)
    private mutating func emitMembership(_ element: RuleNode, _ collection: RuleNode) -> Operand {
        switch (element.kind, collection.kind) {
        case (.text(let member), .name(let name)):
            guard case .memberSlots(let slots) = bindings[name], let slot = slots[member] else {
                preconditionFailure("'\(member)' in '\(name)': the check guarantees a set with that member")
            }
            return .register(append(.loadFlag(read(slot, for: name))))
        case (_, .list(let items)):
            let values = items.map { item -> Double in
                switch item.kind {
                case .number(let value): value
                case .text(let value): code(of: value)
                default: preconditionFailure("a list holds only literals; the parser guarantees it")
                }
            }
            let input = emit(element)
            if case .constant(let value) = input {
                return .constant(values.withUnsafeBufferPointer { RuleArithmetic.isOneOf(value, $0) })
            }
            let x = register(for: input)
            let start = instructions.count
            for value in values { _ = append(.constant(value)) }
            return .register(append(.oneOf(x, start: Int32(start), count: Int32(values.count))))
        default:
            preconditionFailure("'in' needs a list or a set; the check guarantees it")
        }
    }

    /// The code of a literal: the table's, or for a text no row holds, one past
    /// the table (distinct for distinct literals, never equal to a row's code).
    private mutating func code(of text: String) -> Double {
        textCodes.code(adding: text)
    }

    private mutating func read(_ slot: Int, for name: String) -> Int {
        precondition(slot >= 0, "slot for '\(name)' must not be negative")
        fieldCount = max(fieldCount, slot + 1)
        return slot
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
