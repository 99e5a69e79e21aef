/// A rule bound to field slots and constants, ready to evaluate over many rows
/// (segmentation runs every rule over a million customers).
///
/// A row is a buffer of field values laid out as the bindings' slots say; NaN
/// in a field means "no value", a text field holds its value's code and a set
/// member's slot 1, 0 or NaN. Evaluation is one forward pass over a flat
/// instruction array into registers on the stack: no allocation, no
/// dictionary lookups, no strings. A condition is true, false or unknown
/// (`RuleValue`); a rule matches a row only when it is true.
public struct CompiledRule: Sendable {
    /// One step of the program; operands are indices of earlier registers.
    enum Instruction: Sendable, Hashable {
        case load(Int)
        /// A set member's slot, as a condition (see `RuleArithmetic.flag`).
        case loadFlag(Int)
        case constant(Double)
        /// Register `a` is one of registers `start..<start + count` (the
        /// list's items, `.constant` instructions just before this one).
        case oneOf(Int, start: Int32, count: Int32)
        case negate(Int)
        case not(Int)
        case binary(RuleBinaryOperator, Int, Int)
    }

    let instructions: [Instruction]
    /// `.boolean` for a condition (use `matches`), `.number` for a value (use `number`).
    public let resultType: RuleType
    /// The shortest row accepted: one past the highest slot the rule reads.
    public let fieldCount: Int

    init(instructions: [Instruction], resultType: RuleType, fieldCount: Int) {
        precondition(!instructions.isEmpty, "a compiled rule computes at least one value")
        self.instructions = instructions
        self.resultType = resultType
        self.fieldCount = fieldCount
    }

    // MARK: - One row

    /// Whether the rule is true for the row (not false, not unknown). The
    /// rule must be a condition.
    public func matches(_ fields: UnsafeBufferPointer<Double>) -> Bool {
        precondition(resultType == .boolean, "matches(_:) needs a condition; this rule is a number")
        return withRegisters { registers in run(fields, registers) == 1 }
    }

    /// The condition's value for the row: nil when it is unknown.
    public func condition(_ fields: UnsafeBufferPointer<Double>) -> Bool? {
        precondition(resultType == .boolean, "condition(_:) needs a condition; this rule is a number")
        let value = withRegisters { registers in run(fields, registers) }
        return value.isNaN ? nil : value == 1
    }

    /// The rule's value for the row, nil for "no value". The rule must be a number.
    public func number(_ fields: UnsafeBufferPointer<Double>) -> Double? {
        precondition(resultType == .number, "number(_:) needs a number; this rule is a condition")
        let value = withRegisters { registers in run(fields, registers) }
        return value.isNaN ? nil : value
    }

    public func matches(_ fields: [Double]) -> Bool {
        fields.withUnsafeBufferPointer { matches($0) }
    }

    public func number(_ fields: [Double]) -> Double? {
        fields.withUnsafeBufferPointer { number($0) }
    }

    public func condition(_ fields: [Double]) -> Bool? {
        fields.withUnsafeBufferPointer { condition($0) }
    }

    /// Either kind of result, as the dictionary evaluator gives it.
    public func evaluate(_ fields: [Double]) -> RuleValue {
        resultType == .boolean ? .condition(condition(fields)) : .number(number(fields))
    }

    // MARK: - Many rows

    /// Evaluates a condition over consecutive rows of `fieldsPerRow` values
    /// each (row-major), writing one result per row (true only where the rule
    /// is true); the registers are set up once for the whole batch.
    public func matches(
        rows: UnsafeBufferPointer<Double>, fieldsPerRow: Int, into results: UnsafeMutableBufferPointer<Bool>
    ) {
        precondition(resultType == .boolean, "matches(rows:) needs a condition; this rule is a number")
        precondition(fieldsPerRow >= fieldCount, "rows are narrower than the slots the rule reads")
        precondition(rows.count == results.count * fieldsPerRow, "rows and results disagree in length")
        guard let base = rows.baseAddress else { return }
        withRegisters { registers in
            for row in results.indices {
                let fields = UnsafeBufferPointer(start: base + row * fieldsPerRow, count: fieldsPerRow)
                results[row] = run(fields, registers) == 1
            }
        }
    }

    // MARK: - The interpreter loop

    private func withRegisters<R>(_ body: (UnsafeMutableBufferPointer<Double>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: instructions.count, body)
    }

    @inline(__always)
    private func run(_ fields: UnsafeBufferPointer<Double>, _ registers: UnsafeMutableBufferPointer<Double>) -> Double {
        precondition(fields.count >= fieldCount, "row has \(fields.count) fields, the rule reads \(fieldCount)")
        return instructions.withUnsafeBufferPointer { program in
            for index in program.indices {
                registers[index] = switch program[index] {
                case .load(let slot): fields[slot]
                case .loadFlag(let slot): RuleArithmetic.flag(fields[slot])
                case .constant(let value): value
                case .oneOf(let a, let start, let count):
                    RuleArithmetic.isOneOf(registers[a], UnsafeBufferPointer(rebasing: registers[Int(start)..<Int(start + count)]))
                case .negate(let a): RuleArithmetic.apply(.negate, registers[a])
                case .not(let a): RuleArithmetic.apply(.not, registers[a])
                case .binary(let op, let a, let b): RuleArithmetic.apply(op, registers[a], registers[b])
                }
            }
            return registers[program.count - 1]
        }
    }
}
