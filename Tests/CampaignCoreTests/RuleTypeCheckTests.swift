import Testing
import CampaignCore

/// Names and types: every problem, in column order, with exact columns.
struct RuleTypeCheckTests {
    /// The customer fields (`Vocabulary.customerFields`) plus the plan's benchmarks.
    static let known = [
        "recency_days", "frequency", "monetary", "aov", "orders_30d", "orders_90d", "orders_180d",
        "orders_365d", "first_purchase_days", "repurchase_rate", "r_score", "f_score", "m_score",
        "benchmark.cpa", "benchmark.aov", "benchmark.ctr",
    ]

    private func problems(_ text: String, expecting: RuleType = .boolean, subject: String? = nil) throws -> [RuleError] {
        try RuleExpression.parse(text).check(knownNames: Self.known, expecting: expecting, subject: subject)
    }

    @Test func soundRulesAndThresholdsHaveNoProblems() throws {
        #expect(try problems("orders_180d >= 3 and aov >= 1.5 * benchmark.aov and repurchase_rate >= 0.6").isEmpty)
        #expect(try problems("recency_days > 90 and recency_days <= 180").isEmpty)
        #expect(try problems("r_score == 5 and not (f_score < 4) or true").isEmpty)
        #expect(try problems("1.3 * benchmark.cpa", expecting: .number).isEmpty)
        #expect(try problems("-(benchmark.ctr / 2)", expecting: .number).isEmpty)
    }

    @Test func unknownNamesGetSuggestions() throws {
        #expect(try problems("recncy_days > 90") == [
            RuleError(column: 1, message: "unknown name 'recncy_days' (did you mean 'recency_days'?)"),
        ])
        // orders_180d 1-11, >= 13, 3 at 16, and 18, aov 22, >= 26, 1.5 29, * 33, benchmark.aoc 35.
        #expect(try problems("orders_180d >= 3 and aov >= 1.5 * benchmark.aoc") == [
            RuleError(column: 35, message: "unknown name 'benchmark.aoc' (did you mean 'benchmark.aov'?)"),
        ])
        #expect(try problems("1.3 * benchmark.CPA", expecting: .number) == [
            RuleError(column: 7, message: "unknown name 'benchmark.CPA' (did you mean 'benchmark.cpa'?)"),
        ])
    }

    @Test func unknownNamesWithNothingCloseGetNoSuggestion() throws {
        #expect(try problems("zzz > 1") == [RuleError(column: 1, message: "unknown name 'zzz'")])
    }

    @Test func everyUseOfAnUnknownNameIsReported() throws {
        // x at 1 and at 11.
        #expect(try problems("x > 1 and x < 5") == [
            RuleError(column: 1, message: "unknown name 'x'"),
            RuleError(column: 11, message: "unknown name 'x'"),
        ])
    }

    @Test func columnsAfterWideCharactersCountScalars() throws {
        // 销量 1-2, > 4, 1 at 6, and 8-10, recncy_days at 12 (UTF-8 bytes would say 16).
        #expect(try problems("销量 > 1 and recncy_days > 2") == [
            RuleError(column: 1, message: "unknown name '销量'"),
            RuleError(column: 12, message: "unknown name 'recncy_days' (did you mean 'recency_days'?)"),
        ])
    }

    @Test func logicalOperatorsNeedConditions() throws {
        #expect(try problems("1 and 2") == [
            RuleError(column: 1, message: "'and' needs true/false on both sides, got a number"),
            RuleError(column: 7, message: "'and' needs true/false on both sides, got a number"),
        ])
        // aov 1-3, > 5, 1 at 7, and 9-11, 5 at 13.
        #expect(try problems("aov > 1 and 5") == [
            RuleError(column: 13, message: "'and' needs true/false on both sides, got a number"),
        ])
        #expect(try problems("aov or aov > 1") == [
            RuleError(column: 1, message: "'or' needs true/false on both sides, got a number"),
        ])
        #expect(try problems("not aov") == [RuleError(column: 5, message: "'not' needs true/false, got a number")])
    }

    @Test func arithmeticAndComparisonsNeedNumbers() throws {
        // The parenthesised operand starts at its '('.
        #expect(try problems("(aov > 1) + 2", expecting: .number) == [
            RuleError(column: 1, message: "'+' needs numbers on both sides, got true/false"),
        ])
        #expect(try problems("(1 < 2) < 3") == [
            RuleError(column: 1, message: "'<' needs numbers on both sides, got true/false"),
        ])
        #expect(try problems("aov == true") == [
            RuleError(column: 8, message: "'==' needs numbers on both sides, got true/false"),
        ])
        #expect(try problems("2 * false", expecting: .number) == [
            RuleError(column: 5, message: "'*' needs numbers on both sides, got true/false"),
        ])
    }

    @Test func wrongResultKind() throws {
        #expect(try problems("aov * 2") == [
            RuleError(column: 1, message: "a segment rule must be a condition (true/false), this is a number"),
        ])
        // Points at where the expression starts, after leading blanks.
        #expect(try problems("  aov * 2") == [
            RuleError(column: 3, message: "a segment rule must be a condition (true/false), this is a number"),
        ])
        #expect(try problems("aov > 1", expecting: .number) == [
            RuleError(column: 1, message: "a threshold must be a number, this is a condition (true/false)"),
        ])
        #expect(try problems("aov > 1", expecting: .number, subject: "a recovery level") == [
            RuleError(column: 1, message: "a recovery level must be a number, this is a condition (true/false)"),
        ])
    }

    @Test func reportsEveryProblemInColumnOrder() throws {
        // recncy_days 1-11, > 13, 1 at 15, and 17-19, 3 at 21, or 23-24, not 26-28, aov 30.
        #expect(try problems("recncy_days > 1 and 3 or not aov") == [
            RuleError(column: 1, message: "unknown name 'recncy_days' (did you mean 'recency_days'?)"),
            RuleError(column: 21, message: "'and' needs true/false on both sides, got a number"),
            RuleError(column: 30, message: "'not' needs true/false, got a number"),
        ])
        // '-' (1) negates a condition that starts at '(' (2); the rule as a whole is a number.
        #expect(try problems("-(aov > 1)") == [
            RuleError(column: 1, message: "a segment rule must be a condition (true/false), this is a number"),
            RuleError(column: 2, message: "'-' needs a number, got true/false"),
        ])
    }
}
