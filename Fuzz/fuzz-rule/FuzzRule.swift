import CampaignCore
import FuzzSupport

/// Rule expressions from arbitrary text: parsing never traps (4,000 nested
/// parentheses overflowed the stack once); a parsed rule prints a form that
/// parses back to the same form; and the compiled evaluator agrees with the
/// simple dictionary evaluator on the values the input supplies.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRule(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    var input = FuzzInput(data, size)
    let values = (0..<4).map { _ in sampleValues[input.index(below: sampleValues.count)] }
    let text = String(decoding: input.rest(), as: UTF8.self)
    guard let expression = try? RuleExpression.parse(text) else { return 0 }

    let printed = expression.description
    let reparsed: RuleExpression
    do {
        reparsed = try RuleExpression.parse(printed)
    } catch {
        // Fully parenthesised, a long run of operators (a + b + c …) nests
        // deeper than the parser lets people write; anything else is a bug.
        fuzzCheck(error.message.contains("nested parentheses"), "the printed form '\(printed)' of '\(text)' does not parse: \(error)")
        return 0
    }
    fuzzCheck(reparsed.description == printed, "'\(printed)' prints again as '\(reparsed.description)'")

    // Every name gets a slot; the slot's value is one of the input's samples.
    var names: [String] = []
    for reference in expression.referencedNames where !names.contains(reference.name) { names.append(reference.name) }
    let bindings = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, RuleBinding.slot($0)) })
    let fields = names.indices.map { values[$0 % values.count] }
    let dictionary = Dictionary(uniqueKeysWithValues: zip(names, fields))
    guard let simple = try? expression.evaluate(dictionary) else { return 0 }
    let expecting: RuleType
    switch simple {
    case .condition: expecting = .boolean
    case .number: expecting = .number
    // A lone text ("a") is neither a rule nor a threshold: nothing to compile.
    case .text: return 0
    }
    guard let compiled = try? expression.compile(bindings: bindings, expecting: expecting) else {
        fatalError("'\(text)' evaluates but does not compile")
    }
    fuzzCheck(same(compiled.evaluate(fields), simple), "'\(text)': compiled \(compiled.evaluate(fields)) but simple \(simple)")
    return 0
}

private let sampleValues: [Double] = [0, 1, -1, 0.5, 3, 1e308, -1e308, .nan, .infinity, 1e-300, 180]

/// Equal, counting NaN results as equal to each other.
private func same(_ a: RuleValue, _ b: RuleValue) -> Bool {
    if case .number(let x?) = a, case .number(let y?) = b, x.isNaN, y.isNaN { return true }
    return a == b
}
