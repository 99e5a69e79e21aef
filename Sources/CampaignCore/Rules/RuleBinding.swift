/// What a name stands for once, before evaluating over many rows.
public enum RuleBinding: Sendable, Hashable {
    /// Read position `index` of each row's field values (a customer field).
    case slot(Int)
    /// A text field: position `index` holds the code of the row's text
    /// (`RuleTextCodes`), NaN for no data.
    case textSlot(Int)
    /// The same value for every row (a benchmark), folded at compile time.
    case constant(Double)
    /// A set-valued field (`tags`): member name → the position holding 1 when
    /// the row has that member, 0 when not, NaN when that is not known.
    case memberSlots([String: Int])

    var fieldType: RuleFieldType {
        switch self {
        case .slot, .constant: .number
        case .textSlot: .text
        case .memberSlots(let slots): .set(members: slots.keys.sorted())
        }
    }
}

extension RuleExpression {
    /// Checks the expression against `bindings` and turns it into a flat
    /// program that evaluates without dictionary lookups or string work.
    ///
    /// Throws every name and type problem (`bindings.keys` are the known names,
    /// so unknown names come with a did-you-mean). Parts that depend only on
    /// constants (`1.5 * benchmark.aov`) are computed here, once.
    ///
    /// - Parameters:
    ///   - textCodes: the codes the text slots hold; a quoted literal the
    ///     table lacks gets a code no row can hold (and distinct literals
    ///     distinct codes), so `gender == "x"` is simply false when no one is "x".
    ///   - expecting: `.boolean` (use `matches`) or `.number` (use `number`).
    public func compile(
        bindings: [String: RuleBinding], textCodes: RuleTextCodes = RuleTextCodes(),
        expecting: RuleType, subject: String? = nil
    ) throws(RuleErrorList) -> CompiledRule {
        let problems = check(fields: bindings.mapValues(\.fieldType), expecting: expecting, subject: subject)
        guard problems.isEmpty else { throw RuleErrorList(problems) }
        var compiler = RuleCompiler(bindings: bindings, textCodes: textCodes)
        compiler.emitProgram(root)
        return CompiledRule(
            instructions: compiler.instructions, resultType: expecting, fieldCount: compiler.fieldCount)
    }
}
