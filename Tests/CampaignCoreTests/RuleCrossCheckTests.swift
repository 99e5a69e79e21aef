import Testing
@testable import CampaignCore

/// The compiled rule (NaN, text codes, arithmetic on 1 and 0) and the
/// dictionary evaluator (optionals and strings) against a third, direct
/// computation written here, over many generated rules and customers:
/// numbers with no data, texts with no data and texts the code table lacks,
/// lists, `not in`, set members known and unknown, and Kleene's and/or/not.
struct RuleCrossCheckTests {
    private struct Generator {
        var random: Xorshift
        let fields: [String: RuleFieldValue]

        static let numberLiterals: [(String, Double)] = [("0", 0), ("1", 1), ("2", 2), ("-1", -1), ("0.5", 0.5)]
        static let textLiterals = ["女", "男", "silent", "x", "a \\\"q\\\""]
        static let textValues = ["女", "男", "silent", "a \"q\""]

        mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        mutating func chance(_ outOf: UInt64) -> Bool { random.next() % outOf == 0 }

        func number(_ name: String) -> Double? {
            guard case .number(let value) = fields[name], !value.isNaN else { return nil }
            return value
        }

        func text(_ name: String) -> String? {
            guard case .text(let value) = fields[name] else { return nil }
            return value
        }

        /// A literal's value: the escapes as the lexer resolves them.
        static func unescaped(_ literal: String) -> String {
            literal.replacingOccurrences(of: "\\\"", with: "\"")
        }

        mutating func numberTerm() -> (String, Double?) {
            switch random.next() % 4 {
            case 0: let (text, value) = pick(Self.numberLiterals); return (text, value)
            case 1: let name = pick(["n1", "n2"]); return (name, number(name))
            case 2:
                let (a, b) = (pick(["n1", "n2"]), pick(["n1", "n2"]))
                let (x, y) = (number(a), number(b))
                guard let x, let y, y != 0 else { return ("\(a) / \(b)", nil) }
                return ("\(a) / \(b)", x / y)
            default:
                let name = pick(["n1", "n2"])
                let (literal, value) = pick(Self.numberLiterals)
                return ("(\(name) + \(literal))", number(name).map { $0 + value })
            }
        }

        mutating func textTerm() -> (String, String?) {
            if chance(2) { let name = pick(["t1", "t2"]); return (name, text(name)) }
            let literal = pick(Self.textLiterals)
            return ("\"\(literal)\"", Self.unescaped(literal))
        }

        mutating func condition(depth: Int) -> (String, Bool?) {
            switch depth == 0 ? random.next() % 6 : random.next() % 9 {
            case 0:
                let (a, x) = numberTerm(), (b, y) = numberTerm()
                let op = pick(["<", "<=", ">", ">=", "==", "!="])
                guard let x, let y else { return ("\(a) \(op) \(b)", nil) }
                let result = switch op {
                case "<": x < y
                case "<=": x <= y
                case ">": x > y
                case ">=": x >= y
                case "==": x == y
                default: x != y
                }
                return ("\(a) \(op) \(b)", result)
            case 1:
                let (a, x) = textTerm(), (b, y) = textTerm()
                let equal = chance(2)
                guard let x, let y else { return ("\(a) \(equal ? "==" : "!=") \(b)", nil) }
                return ("\(a) \(equal ? "==" : "!=") \(b)", equal ? x == y : x != y)
            case 2:
                let (a, x) = numberTerm()
                let items = (0...(random.next() % 3)).map { _ in pick(Self.numberLiterals) }
                let negated = chance(2)
                let text = "\(a) \(negated ? "not in" : "in") [\(items.map(\.0).joined(separator: ", "))]"
                return (text, x.map { x in items.contains { $0.1 == x } != negated })
            case 3:
                let (a, x) = textTerm()
                let items = (0...(random.next() % 3)).map { _ in pick(Self.textLiterals) }
                let negated = chance(2)
                let text = "\(a) \(negated ? "not in" : "in") [\(items.map { "\"\($0)\"" }.joined(separator: ", "))]"
                return (text, x.map { x in items.contains { Self.unescaped($0) == x } != negated })
            case 4:
                let member = pick(["m1", "m2", "m3"])
                guard case .members(let members) = fields["s"], let has = members[member] else {
                    preconditionFailure("the set has every member")
                }
                let negated = chance(2)
                return ("\"\(member)\" \(negated ? "not in" : "in") s", has.map { $0 != negated })
            case 5:
                let value = chance(2)
                return (String(value), value)
            case 6:
                let (inner, value) = condition(depth: depth - 1)
                return ("not (\(inner))", value.map { !$0 })
            default:
                let (left, x) = condition(depth: depth - 1), (right, y) = condition(depth: depth - 1)
                let isAnd = chance(2)
                let result: Bool? = if isAnd {
                    x == false || y == false ? false : (x == true && y == true ? true : nil)
                } else {
                    x == true || y == true ? true : (x == false && y == false ? false : nil)
                }
                return ("(\(left)) \(isAnd ? "and" : "or") (\(right))", result)
            }
        }
    }

    @Test func compiledAndDictionaryAgreeWithDirectComputation() throws {
        var random = Xorshift(seed: 0x16_2026_12_03)
        let numbers: [Double] = [0, 1, 2, -1, 0.5, .nan]
        let texts: [String?] = [nil, "女", "男", "silent", "a \"q\""]
        let flags: [Bool?] = [true, false, nil]
        var outcomes: [Bool?: Int] = [:]
        for round in 0..<1_500 {
            func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
            let fields: [String: RuleFieldValue] = [
                "n1": .number(pick(numbers)), "n2": .number(pick(numbers)),
                "t1": .text(pick(texts)), "t2": .text(pick(texts)),
                "s": .members(["m1": pick(flags), "m2": pick(flags), "m3": pick(flags)]),
            ]
            // Sometimes the code table knows more texts than this customer has.
            let tableTexts = random.next() % 2 == 0 ? Generator.textValues.shuffled(using: &random) : []
            var generator = Generator(random: random, fields: fields)
            let (text, expected) = generator.condition(depth: 1 + round % 4)
            random = generator.random
            outcomes[expected, default: 0] += 1

            let (dictionary, compiled) = try RuleRowLayout.bothWays(text, fields, tableTexts: tableTexts)
            #expect(dictionary == .condition(expected), "\(text) over \(fields)")
            #expect(compiled == .condition(expected), "compiled \(text) over \(fields) with table \(tableTexts)")
        }
        // Every outcome is well represented, so none of the three is untested.
        #expect(outcomes.values.allSatisfy { $0 > 200 }, "\(outcomes)")
    }
}

/// A tiny seeded generator so the randomised test is the same on every run.
struct Xorshift: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 1 : seed }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
