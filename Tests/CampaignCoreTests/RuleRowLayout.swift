@testable import CampaignCore

/// Lays one customer's fields out as a compiled rule reads them, the way a
/// caller does: numbers in slots, texts as codes of a table built from the
/// data, each set member in a slot of its own. Lets a test run the same
/// customer through the dictionary evaluator and the compiled rule.
struct RuleRowLayout {
    var bindings: [String: RuleBinding] = [:]
    var row: [Double] = []
    var textCodes = RuleTextCodes()

    /// `tableTexts` go into the code table first (texts other customers have).
    init(_ fields: [String: RuleFieldValue], tableTexts: [String] = []) {
        for text in tableTexts { _ = textCodes.code(adding: text) }
        for name in fields.keys.sorted() {
            switch fields[name]! {
            case .number(let value):
                bindings[name] = .slot(row.count)
                row.append(value)
            case .text(let value):
                bindings[name] = .textSlot(row.count)
                row.append(value.map { textCodes.code(adding: $0) } ?? .nan)
            case .members(let members):
                var slots: [String: Int] = [:]
                for member in members.keys.sorted() {
                    slots[member] = row.count
                    row.append(members[member]!.map { $0 ? 1 : 0 } ?? .nan)
                }
                bindings[name] = .memberSlots(slots)
            }
        }
    }

    /// The value of `text` for these fields, (dictionary evaluator, compiled rule).
    static func bothWays(
        _ text: String, _ fields: [String: RuleFieldValue], tableTexts: [String] = [], expecting: RuleType = .boolean
    ) throws -> (dictionary: RuleValue, compiled: RuleValue) {
        let expression = try RuleExpression.parse(text)
        let layout = RuleRowLayout(fields, tableTexts: tableTexts)
        let compiled = try expression.compile(bindings: layout.bindings, textCodes: layout.textCodes, expecting: expecting)
        return (try expression.evaluate(fields: fields), compiled.evaluate(layout.row))
    }
}
