import CampaignCore
import Testing

/// Issue 11 #11: 4,000 nested parentheses overflowed the stack in
/// `RuleParser.parsePrimary`. Nesting stops at 100 levels and a run of
/// operators at 1,000, each with a clear error at the column that crossed it.
struct RuleNestingLimitTests {
    private func parseError(_ text: String) -> RuleError? {
        do {
            _ = try RuleExpression.parse(text)
            return nil
        } catch {
            return error
        }
    }

    static let nestingMessage = "more than 100 nested parentheses, 'not' or '-' here; simplify the expression"

    @Test func fourThousandParenthesesStopAtTheHundredAndFirst() {
        let text = String(repeating: "(", count: 4_000) + "1" + String(repeating: ")", count: 4_000) + " > 0"
        // The 101st '(' is the one too many: column 101.
        #expect(parseError(text) == RuleError(column: 101, message: Self.nestingMessage))
    }

    @Test func aHundredParenthesesStillParse() throws {
        let text = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100) + " > 0"
        #expect(parseError(text) == nil)
    }

    @Test func notAndMinusCountAsNesting() {
        // "not " is four columns wide: the 101st 'not' starts at column 401.
        #expect(parseError(String(repeating: "not ", count: 4_000) + "true")
            == RuleError(column: 401, message: Self.nestingMessage))
        #expect(parseError(String(repeating: "-", count: 4_000) + "1 > 0")
            == RuleError(column: 101, message: Self.nestingMessage))
        #expect(parseError(String(repeating: "not ", count: 100) + "true") == nil)
    }

    @Test func aLongRunOfOperatorsStopsAtTheThousandAndFirst() {
        // "a or " is five columns; the 1,001st 'or' follows the 1,001st 'a',
        // at column 5 × 1,000 + 3 = 5,003.
        let terms = Array(repeating: "a", count: 50_000)
        #expect(parseError(terms.joined(separator: " or ")) == RuleError(
            column: 5_003,
            message: "the expression is too deep: more than 1000 operators in a row; split it into simpler rules"))
        #expect(parseError(terms.prefix(1_001).joined(separator: " or ")) == nil)
    }

    /// Through the plan: the error lands on the rule's own line and column.
    @Test func aDeepRuleInAPlanIsAnErrorAtItsColumn() {
        let rule = String(repeating: "(", count: 4_000) + "age > 1" + String(repeating: ")", count: 4_000)
        let yaml = """
        campaign: { id: t, name: T, start: 2026-03-02, budget: 10 }
        segments:
          - { id: s, name: S, rule: "\(rule)" }
        """
        let result = PlanLoader.load(yaml: yaml)
        // The rule text starts at column 30 (after the opening quote), so its 101st '(' is column 130.
        #expect(result.diagnostics.errors.first.map { "\($0.location)" } == "3:130")
        #expect(result.diagnostics.errors.first?.message.contains("more than 100 nested parentheses") == true)
    }
}
