import Testing
@testable import CampaignCore

/// Evaluation: every operator, "no value", the compiled form, and a randomised
/// comparison of both evaluators against a straightforward computation.
struct RuleEvaluationTests {
    private func value(_ text: String, _ values: [String: Double] = [:]) throws -> RuleValue {
        try RuleExpression.parse(text).evaluate(values)
    }

    @Test(arguments: [
        ("a + b", RuleValue.number(10)), ("a - b", .number(2)), ("a * b", .number(24)),
        ("a / b", .number(1.5)), ("-a", .number(-6)), ("b - a", .number(-2)),
        ("a < b", .condition(false)), ("a <= b", .condition(false)), ("a > b", .condition(true)),
        ("a >= b", .condition(true)), ("a == b", .condition(false)), ("a != b", .condition(true)),
        ("b < b", .condition(false)), ("b <= b", .condition(true)), ("b > b", .condition(false)),
        ("b >= b", .condition(true)), ("b == b", .condition(true)), ("b != b", .condition(false)),
    ])
    func arithmeticAndComparisons(text: String, expected: RuleValue) throws {
        #expect(try value(text, ["a": 6, "b": 4]) == expected)
    }

    @Test(arguments: [
        ("true and true", true), ("true and false", false), ("false and true", false), ("false and false", false),
        ("true or true", true), ("true or false", true), ("false or true", true), ("false or false", false),
        ("not true", false), ("not false", true),
    ])
    func logic(text: String, expected: Bool) throws {
        #expect(try value(text) == .condition(expected))
    }

    @Test func divisionByZeroIsNoValue() throws {
        #expect(try value("1 / 0") == .number(nil))
        #expect(try value("0 / 0") == .number(nil))
        #expect(try value("1 / -0") == .number(nil))
        #expect(try value("x / y", ["x": 3, "y": 0]) == .number(nil))
        // No value propagates through arithmetic.
        #expect(try value("1 / 0 + 1") == .number(nil))
        #expect(try value("-(1 / 0)") == .number(nil))
        #expect(try value("0 * (1 / 0)") == .number(nil))
    }

    /// SPEC §13: a comparison with no value is unknown, `not unknown` is
    /// unknown, and and/or follow Kleene. (Before three-valued logic these were
    /// false, and `not (1 / 0 > 0)` was true.)
    @Test func comparisonsWithNoValueAreUnknown() throws {
        for op in ["<", "<=", ">", ">=", "==", "!="] {
            #expect(try value("1 / 0 \(op) 0") == .condition(nil), "1/0 \(op) 0")
            #expect(try value("0 \(op) 1 / 0") == .condition(nil), "0 \(op) 1/0")
        }
        #expect(try value("1 / 0 == 1 / 0") == .condition(nil))
        #expect(try value("not (1 / 0 > 0)") == .condition(nil))
        #expect(try value("1 / 0 > 0 or 1 > 0") == .condition(true))
        #expect(try value("1 / 0 > 0 and 1 > 2") == .condition(false))
        #expect(try value("1 / 0 > 0 and 1 > 0") == .condition(nil))
        #expect(try value("1 / 0 > 0 or 1 > 2") == .condition(nil))
    }

    @Test func nanFieldIsNoValue() throws {
        #expect(try value("aov + 1", ["aov": .nan]) == .number(nil))
        #expect(try value("aov >= 0", ["aov": .nan]) == .condition(nil))
        #expect(try value("aov != 5", ["aov": .nan]) == .condition(nil))
        #expect(try value("not (aov > 100)", ["aov": .nan]) == .condition(nil))
        #expect(try value("not (aov > 100)", ["aov": .nan]).matches == false)
        #expect(try value("not (aov > 100)", ["aov": 50]).matches)
    }

    @Test func dictionaryEvaluatorRejectsUnknownNamesAndBadTypes() throws {
        let expression = try RuleExpression.parse("aov > 1 and recncy > 2")
        #expect(throws: RuleErrorList([RuleError(column: 13, message: "unknown name 'recncy' (did you mean 'recency'?)")])) {
            try expression.evaluate(["aov": 1, "recency": 3])
        }
        #expect(throws: RuleErrorList([
            RuleError(column: 1, message: "'and' needs true/false on both sides, got a number"),
        ])) {
            try RuleExpression.parse("1 and true").evaluate([:])
        }
    }

    // MARK: - Compiled form

    private static let vipBindings: [String: RuleBinding] = [
        "orders_180d": .slot(0), "aov": .slot(1), "repurchase_rate": .slot(2), "benchmark.aov": .constant(180),
    ]

    @Test func compiledSegmentRule() throws {
        let rule = try RuleExpression.parse(
            "orders_180d >= 3 and aov >= 1.5 * benchmark.aov and repurchase_rate >= 0.6"
        ).compile(bindings: Self.vipBindings, expecting: .boolean)
        #expect(rule.resultType == .boolean)
        #expect(rule.fieldCount == 3)
        // 1.5 × 180 = 270 is the bar for aov.
        #expect(rule.matches([3, 270, 0.6]))
        #expect(!rule.matches([3, 269.5, 0.6]))
        #expect(!rule.matches([2, 500, 0.9]))
        #expect(!rule.matches([3, 300, 0.5]))
        #expect(!rule.matches([3, .nan, 0.9]))
        #expect(rule.evaluate([4, 271, 1]) == .condition(true))
        // Extra fields beyond the rule's slots are fine.
        #expect(rule.matches([3, 270, 0.6, 99, 99]))
    }

    @Test func benchmarksAreFoldedAtCompileTime() throws {
        let rule = try RuleExpression.parse("aov >= 1.5 * benchmark.aov")
            .compile(bindings: Self.vipBindings, expecting: .boolean)
        #expect(rule.instructions == [.load(1), .constant(270), .binary(.greaterOrEqual, 0, 1)])
    }

    @Test func compiledThreshold() throws {
        let threshold = try RuleExpression.parse("1.3 * benchmark.cpa")
            .compile(bindings: ["benchmark.cpa": .constant(45)], expecting: .number)
        #expect(threshold.resultType == .number)
        #expect(threshold.fieldCount == 0)
        #expect(threshold.number([]) == 1.3 * 45)
        #expect(threshold.evaluate([]) == .number(1.3 * 45))
    }

    @Test func compiledDivisionByZero() throws {
        let bindings: [String: RuleBinding] = ["x": .slot(0), "y": .slot(1)]
        let ratio = try RuleExpression.parse("x / y").compile(bindings: bindings, expecting: .number)
        #expect(ratio.number([1, 4]) == 0.25)
        #expect(ratio.number([1, 0]) == nil)
        #expect(ratio.number([0, 0]) == nil)
        let notEqual = try RuleExpression.parse("x / y != 1").compile(bindings: bindings, expecting: .boolean)
        #expect(notEqual.matches([1, 2]))
        #expect(!notEqual.matches([1, 0]))
        let negated = try RuleExpression.parse("not (x / y > 1)").compile(bindings: bindings, expecting: .boolean)
        // Unknown, and `not unknown` is unknown: no match (it matched before three-valued logic).
        #expect(!negated.matches([1, 0]))
        #expect(negated.condition([1, 0]) == nil)
        #expect(negated.matches([1, 2]))
        // Folded at compile time, same answer.
        let constant = try RuleExpression.parse("1 / 0").compile(bindings: [:], expecting: .number)
        #expect(constant.number([]) == nil)
    }

    @Test func compileReportsEveryProblem() throws {
        let expression = try RuleExpression.parse("aov * 2 > benchmark.aow")
        #expect(throws: RuleErrorList([
            RuleError(column: 11, message: "unknown name 'benchmark.aow' (did you mean 'benchmark.aov'?)"),
        ])) {
            try expression.compile(bindings: Self.vipBindings, expecting: .boolean)
        }
        #expect(throws: RuleErrorList([
            RuleError(column: 1, message: "a threshold must be a number, this is a condition (true/false)"),
        ])) {
            try RuleExpression.parse("aov > 1").compile(bindings: Self.vipBindings, expecting: .number)
        }
    }

    @Test func batchOverRows() throws {
        let rule = try RuleExpression.parse("r_score >= 4 and f_score > 1")
            .compile(bindings: ["f_score": .slot(0), "r_score": .slot(1)], expecting: .boolean)
        // Rows of 3 fields (f, r, unused): only rows 0 and 3 have r ≥ 4 and f > 1.
        let rows: [Double] = [2, 4, 0, /**/ 1, 5, 0, /**/ 5, 3, 0, /**/ 5, 5, 0]
        var results = [Bool](repeating: false, count: 4)
        rows.withUnsafeBufferPointer { rows in
            results.withUnsafeMutableBufferPointer { results in
                rule.matches(rows: rows, fieldsPerRow: 3, into: results)
            }
        }
        #expect(results == [true, false, false, true])
    }

    // MARK: - Randomised cross-check

    /// Builds random well-typed expressions as text, printed with as few
    /// parentheses as the precedence table allows (sometimes more), together
    /// with the value computed directly with `Double?` for "no value".
    private struct Generator {
        var random: SplitMix64
        let values: [String: Double]

        /// Precedence levels as in the grammar: higher binds tighter.
        enum Level: Int, Comparable {
            case or = 1, and, not, comparison, additive, multiplicative, unary, primary
            static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        }

        struct Piece {
            var text: String
            var level: Level
        }

        static let literals: [(text: String, value: Double)] = [
            ("0", 0), ("1", 1), ("2", 2), ("3", 3), ("2.5", 2.5), (".5", 0.5), ("1e1", 10), ("50%", 0.5), ("4e-1", 0.4),
        ]
        static let names = ["a", "b", "c", "d.e"]

        /// Wraps `piece` in parentheses when it binds more loosely than `minimum`,
        /// and now and then when it does not need to.
        mutating func operand(_ piece: Piece, atLeast minimum: Level) -> String {
            if piece.level < minimum || random.next() % 8 == 0 { return "(\(piece.text))" }
            return piece.text
        }

        mutating func space() -> String { random.next() % 2 == 0 ? " " : "" }

        mutating func number(depth: Int) -> (Piece, Double?) {
            let choice = depth == 0 ? random.next() % 2 : random.next() % 7
            switch choice {
            case 0:
                let literal = Self.literals[Int(random.next() % UInt64(Self.literals.count))]
                return (Piece(text: literal.text, level: .primary), literal.value)
            case 1:
                let name = Self.names[Int(random.next() % UInt64(Self.names.count))]
                let value = values[name]!
                return (Piece(text: name, level: .primary), value.isNaN ? nil : value)
            case 2:
                let (inner, value) = number(depth: depth - 1)
                return (Piece(text: "-" + space() + operand(inner, atLeast: .unary), level: .unary), value.map { -$0 })
            default:
                let (left, x) = number(depth: depth - 1)
                let (right, y) = number(depth: depth - 1)
                let (symbol, level): (String, Level) = switch choice {
                case 3: ("+", .additive)
                case 4: ("-", .additive)
                case 5: ("*", .multiplicative)
                default: ("/", .multiplicative)
                }
                // Left-associative: the right operand must bind strictly tighter.
                let text = operand(left, atLeast: level) + space() + symbol + space()
                    + operand(right, atLeast: Level(rawValue: level.rawValue + 1)!)
                var result: Double?
                if let x, let y {
                    switch symbol {
                    case "+": result = x + y
                    case "-": result = x - y
                    case "*": result = x * y
                    default: result = y == 0 ? nil : x / y
                    }
                }
                return (Piece(text: text, level: level), result)
            }
        }

        /// nil: unknown (three-valued, Kleene `and`/`or`).
        mutating func condition(depth: Int) -> (Piece, Bool?) {
            let choice = depth == 0 ? random.next() % 2 : random.next() % 6
            switch choice {
            case 0:
                let value = random.next() % 2 == 0
                return (Piece(text: String(value), level: .primary), value)
            case 1, 2:
                let (left, x) = number(depth: max(0, depth - 1))
                let (right, y) = number(depth: max(0, depth - 1))
                let symbols = ["<", "<=", ">", ">=", "==", "!="]
                let symbol = symbols[Int(random.next() % 6)]
                // Non-associative: neither side may itself be a comparison.
                let text = operand(left, atLeast: .additive) + space() + symbol + space()
                    + operand(right, atLeast: .additive)
                guard let x, let y else { return (Piece(text: text, level: .comparison), nil) }
                let result = switch symbol {
                case "<": x < y
                case "<=": x <= y
                case ">": x > y
                case ">=": x >= y
                case "==": x == y
                default: x != y
                }
                return (Piece(text: text, level: .comparison), result)
            case 3:
                let (inner, value) = condition(depth: depth - 1)
                return (Piece(text: "not " + operand(inner, atLeast: .not), level: .not), value.map { !$0 })
            default:
                let (left, x) = condition(depth: depth - 1)
                let (right, y) = condition(depth: depth - 1)
                let isAnd = choice == 4
                let level: Level = isAnd ? .and : .or
                let text = operand(left, atLeast: level) + (isAnd ? " and " : " or ")
                    + operand(right, atLeast: Level(rawValue: level.rawValue + 1)!)
                let result: Bool? = if isAnd {
                    x == false || y == false ? false : (x == true && y == true ? true : nil)
                } else {
                    x == true || y == true ? true : (x == false && y == false ? false : nil)
                }
                return (Piece(text: text, level: level), result)
            }
        }
    }

    @Test func compiledAndDictionaryEvaluatorsAgreeWithDirectComputation() throws {
        var random = SplitMix64(seed: 20_260_302)
        let samples: [Double] = [0, 1, -1, 2, 0.5, 3, -2.5, 10, .nan]
        // c is a field in slot 0, a in slot 2, b in slot 1; d.e is a constant.
        for round in 0..<300 {
            var values: [String: Double] = [:]
            for name in Generator.names { values[name] = samples[Int(random.next() % UInt64(samples.count))] }
            let fields = [values["c"]!, values["b"]!, values["a"]!]
            let bindings: [String: RuleBinding] = [
                "a": .slot(2), "b": .slot(1), "c": .slot(0), "d.e": .constant(values["d.e"]!),
            ]
            var generator = Generator(random: random, values: values)
            let depth = 1 + round % 4
            let (text, expected): (String, RuleValue)
            if round % 2 == 0 {
                let (piece, value) = generator.condition(depth: depth)
                (text, expected) = (piece.text, .condition(value))
            } else {
                let (piece, value) = generator.number(depth: depth)
                (text, expected) = (piece.text, .number(value))
            }
            random = generator.random

            let expression = try RuleExpression.parse(text)
            let type: RuleType = round % 2 == 0 ? .boolean : .number
            #expect(try expression.evaluate(values) == expected, "\(text) with \(values)")
            let compiled = try expression.compile(bindings: bindings, expecting: type)
            #expect(compiled.evaluate(fields) == expected, "compiled \(text) with \(values)")
        }
    }
}

/// A tiny seeded generator so the randomised test is the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
