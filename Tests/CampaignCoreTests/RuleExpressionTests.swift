import Testing
@testable import CampaignCore

/// Parsing: grouping, literals, whitespace. Expected groupings and values are
/// worked out by hand from the precedence table in `RuleParser`.
struct RuleExpressionTests {
    private func grouping(_ text: String) throws -> String {
        try RuleExpression.parse(text).description
    }

    private func value(_ text: String, _ values: [String: Double] = [:]) throws -> RuleValue {
        try RuleExpression.parse(text).evaluate(values)
    }

    @Test(arguments: [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("not a > 1 and b", "((not (a > 1)) and b)"),
        ("-2 * -3", "((-2) * (-3))"),
        ("a or b and c", "(a or (b and c))"),
        ("a and b or c and d", "((a and b) or (c and d))"),
        ("1 - 2 - 3", "((1 - 2) - 3)"),
        ("8 / 4 / 2", "((8 / 4) / 2)"),
        ("8 / 4 * 2", "((8 / 4) * 2)"),
        ("-a + b", "((-a) + b)"),
        ("- -a", "(-(-a))"),
        ("a - -b", "(a - (-b))"),
        ("not not x > 1", "(not (not (x > 1)))"),
        ("(1 + 2) * 3", "((1 + 2) * 3)"),
        ("a + b < c * d", "((a + b) < (c * d))"),
        ("x == 1 or y != 2 and not z <= 3", "((x == 1) or ((y != 2) and (not (z <= 3))))"),
        ("not (a or b)", "(not (a or b))"),
        ("orders_180d >= 3 and aov >= 1.5 * benchmark.aov and repurchase_rate >= 0.6",
         "(((orders_180d >= 3) and (aov >= (1.5 * benchmark.aov))) and (repurchase_rate >= 0.6))"),
        ("1.3 * benchmark.cpa", "(1.3 * benchmark.cpa)"),
        ("a > 1 and true or false", "(((a > 1) and true) or false)"),
    ])
    func grouping(text: String, expected: String) throws {
        #expect(try grouping(text) == expected)
    }

    @Test func whitespaceAnywhereIncludingIdeographicSpace() throws {
        #expect(try grouping("  1+2*3  ") == "(1 + (2 * 3))")
        #expect(try grouping("\t(a>=1)\nand\u{3000}b<2") == "((a >= 1) and (b < 2))")
        #expect(try grouping("a<=-1") == "(a <= (-1))")
    }

    @Test func precedenceShowsInValues() throws {
        #expect(try value("1 + 2 * 3") == .number(7))
        #expect(try value("1 + 2 * 3 == 7") == .condition(true))
        #expect(try value("(1 + 2) * 3") == .number(9))
        #expect(try value("-2 * -3") == .number(6))
        #expect(try value("1 - 2 - 3") == .number(-4))
        #expect(try value("8 / 4 / 2") == .number(1))
        // not binds looser than the comparison: not (5 > 1) = false; false and … = false.
        #expect(try value("not a > 1 and b > 0", ["a": 5, "b": 1]) == .condition(false))
        // With a = 0: not (0 > 1) = true; true and (1 > 0) = true.
        #expect(try value("not a > 1 and b > 0", ["a": 0, "b": 1]) == .condition(true))
        // or binds looser than and: true or (false and false) = true.
        #expect(try value("1 < 2 or 1 > 2 and 1 > 3") == .condition(true))
    }

    @Test(arguments: [
        ("3", 3.0), ("1.5", 1.5), (".5", 0.5), ("1e3", 1000), ("1E3", 1000), ("2.5e-2", 0.025),
        ("1e+2", 100), ("007", 7), ("1%", 0.01), ("50%", 0.5), ("1.5%", 0.015), ("0.1%", 0.001),
        (".5%", 0.005), ("1e3%", 10), ("120%", 1.2),
    ])
    func numberLiterals(text: String, expected: Double) throws {
        #expect(try value(text) == .number(expected))
    }

    @Test func percentIsHundredths() throws {
        #expect(try value("1% == 0.01") == .condition(true))
        #expect(try value("ctr < 1%", ["ctr": 0.009]) == .condition(true))
        #expect(try value("ctr < 1%", ["ctr": 0.01]) == .condition(false))
    }

    @Test func booleanLiterals() throws {
        #expect(try value("true") == .condition(true))
        #expect(try value("false") == .condition(false))
        #expect(try value("not false") == .condition(true))
    }

    @Test func namesWithDotsUnderscoresAndDigits() throws {
        let names = try RuleExpression.parse("benchmark.cpa + orders_30d + _x + 客单价").referencedNames.map(\.name)
        #expect(names == ["benchmark.cpa", "orders_30d", "_x", "客单价"])
    }

    @Test func keywordsAreWholeWordsOnly() throws {
        // "andy", "order", "nothing", "trueish" are names that merely start with keywords.
        #expect(try grouping("andy > order and not nothing < trueish")
            == "((andy > order) and (not (nothing < trueish)))")
    }

    @Test func referencedNamesCarryColumns() throws {
        // r_score 1-7, >= 9-10, 4 at 12, and 14-16, ( 18, f_score 19-25, + 27,
        // r_score 29-35, ) 36, / 38, 2 at 40, > 42, m_score 44-50.
        let expression = try RuleExpression.parse("r_score >= 4 and (f_score + r_score) / 2 > m_score")
        #expect(expression.referencedNames == [
            RuleNameReference(name: "r_score", column: 1),
            RuleNameReference(name: "f_score", column: 19),
            RuleNameReference(name: "r_score", column: 29),
            RuleNameReference(name: "m_score", column: 44),
        ])
    }

    @Test func referencedNamesTellScoreOnlyRules() throws {
        let scores: Set = ["r_score", "f_score", "m_score"]
        func usesOnlyScores(_ text: String) throws -> Bool {
            Set(try RuleExpression.parse(text).referencedNames.map(\.name)).isSubset(of: scores)
        }
        #expect(try usesOnlyScores("r_score == 5 and f_score >= 4"))
        #expect(try usesOnlyScores("r_score <= 2 and f_score <= 2 or 1 > 2"))
        #expect(try !usesOnlyScores("r_score == 5 and aov > benchmark.aov"))
        #expect(try RuleExpression.parse("1 < 2").referencedNames.isEmpty)
    }

    @Test func nodesKnowTheirSpans() throws {
        // "a + (b * c)": a at 1, ( at 5, ) at 11.
        let root = try RuleExpression.parse("a + (b * c)").root
        guard case .binary(.add, let left, let right) = root.kind else {
            Issue.record("expected an addition, got \(root)")
            return
        }
        #expect((root.column, root.endColumn) == (1, 12))
        #expect((left.column, left.endColumn) == (1, 2))
        #expect((right.column, right.endColumn) == (5, 12))
    }
}

/// Evaluates a segment rule over named field values, for tests elsewhere in
/// this target (DemoCampaignTests walks the RFM map with it). Throws on any
/// syntax, name or type problem, and when the rule is a number, not a condition.
enum RuleTestSupport {
    struct NotACondition: Error, CustomStringConvertible {
        var rule: String
        var description: String { "'\(rule)' is a number, not a condition" }
    }

    static func matches(_ rule: String, fields: [String: Double]) throws -> Bool {
        guard let condition = try RuleExpression.parse(rule).evaluate(fields).condition else {
            throw NotACondition(rule: rule)
        }
        return condition
    }
}

struct RuleTestSupportTests {
    @Test func matchesEvaluatesConditions() throws {
        #expect(try RuleTestSupport.matches("r_score == 5 and f_score >= 4", fields: ["r_score": 5, "f_score": 4]))
        #expect(try !RuleTestSupport.matches("r_score == 5 and f_score >= 4", fields: ["r_score": 4, "f_score": 5]))
        #expect(throws: RuleTestSupport.NotACondition.self) {
            try RuleTestSupport.matches("r_score + 1", fields: ["r_score": 5])
        }
        #expect(throws: RuleErrorList.self) {
            try RuleTestSupport.matches("r_scor == 5", fields: ["r_score": 5])
        }
    }
}
