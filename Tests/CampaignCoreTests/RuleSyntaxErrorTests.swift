import Testing
import CampaignCore

/// Syntax errors: the first one, with its exact 1-based column counted in
/// Unicode scalars. Each column below is counted by hand from the text.
struct RuleSyntaxErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var column: Int
        var message: String
        var testDescription: String { "\(text.debugDescription) → \(column): \(message)" }
        init(_ text: String, _ column: Int, _ message: String) {
            self.text = text
            self.column = column
            self.message = message
        }
    }

    private func parseError(_ text: String) -> RuleError? {
        do {
            _ = try RuleExpression.parse(text)
            return nil
        } catch {
            return error
        }
    }

    /// Shared with `PlanMessagesInChineseTests`, which reads each in Chinese.
    static let cases: [Case] = [
        // Nothing there at all.
        Case("", 1, "the expression is empty"),
        Case("   ", 1, "the expression is empty"),
        // A missing operand points just after the operator, even with trailing blanks.
        Case("a and", 6, "expected an expression after 'and'"),
        Case("a and   ", 6, "expected an expression after 'and'"),
        Case("a and and b", 7, "expected an expression after 'and'"),
        Case("a and )", 7, "expected an expression after 'and'"),
        Case("x >", 4, "expected an expression after '>'"),
        Case("1 +", 4, "expected an expression after '+'"),
        Case("-", 2, "expected an expression after '-'"),
        Case("not", 4, "expected an expression after 'not'"),
        Case("()", 2, "expected an expression after '('"),
        // Tokens that cannot start or continue an expression.
        Case("a > 1)", 6, "unexpected ')'"),
        Case(")", 1, "unexpected ')'"),
        Case("* 3", 1, "unexpected '*'"),
        Case("and a", 1, "unexpected 'and'"),
        Case("a b", 3, "unexpected 'b'"),
        Case("3 4", 3, "unexpected '4'"),
        Case("(a) (b)", 5, "unexpected '('"),
        Case("a > 1 AND b > 2", 7, "unexpected 'AND' (did you mean 'and'?)"),
        Case("a > 1 adn b > 2", 7, "unexpected 'adn' (did you mean 'and'?)"),
        Case("a > 1 o b > 2", 7, "unexpected 'o' (did you mean 'or'?)"),
        Case("1 + not b", 5, "'not' cannot stand here after '+'; put it in parentheses: (not ...)"),
        Case("a < not b", 5, "'not' cannot stand here after '<'; put it in parentheses: (not ...)"),
        // Parentheses.
        Case("a > (b + 1 * 2", 15, "missing ')' to close '(' at column 5"),
        Case("(a > 1 and b", 13, "missing ')' to close '(' at column 1"),
        Case("((a)", 5, "missing ')' to close '(' at column 1"),
        Case("(a > 1 b)", 8, "unexpected 'b'; expected ')' to close '(' at column 1"),
        // Comparisons do not chain; the error sits on the second operator.
        Case("a < b < c", 7, "comparisons cannot be chained; write 'a < b and b < c'"),
        Case("1 <= x + 1 == 3", 12, "comparisons cannot be chained; write '1 <= x + 1 and x + 1 == 3'"),
        Case("a<b>=(c)", 4, "comparisons cannot be chained; write 'a < b and b >= (c)'"),
        Case("a < b < )", 7, "comparisons cannot be chained; join two comparisons with 'and'"),
        // Characters.
        Case("a @ b", 3, "unexpected character '@'"),
        Case("a = 1", 3, "unexpected character '=' (did you mean '=='?)"),
        Case("a => 1", 3, "unexpected character '=' (did you mean '>='?)"),
        Case("a =< 1", 3, "unexpected character '=' (did you mean '<='?)"),
        Case("a ≥ 1", 3, "unexpected character '≥' (did you mean '>='?)"),
        Case("a ≠ 1", 3, "unexpected character '≠' (did you mean '!='?)"),
        Case("a > 1 && b", 7, "unexpected character '&' (write 'and')"),
        Case("a > 1 || b", 7, "unexpected character '|' (write 'or')"),
        Case("!a", 1, "unexpected character '!' (write 'not')"),
        Case("ctr% > 1", 4, "unexpected character '%' ('%' only follows a number, as in 5%)"),
        Case("a . b", 3, "unexpected character '.'"),
        Case("a ＞ 1", 3, "unexpected character '＞' (a full-width character; did you mean '>'?)"),
        Case("（a > 1)", 1, "unexpected character '（' (a full-width character; did you mean '('?)"),
        // Numbers and names that are glued together wrongly.
        Case("1.2.3 > a", 1, "malformed number '1.2.3'"),
        Case("x > 3abc", 5, "malformed number '3abc'"),
        Case("x > 1.", 5, "malformed number '1.'"),
        Case("1e > 2", 1, "malformed number '1e'"),
        Case("x > 1%5", 5, "malformed number '1%5'"),
        Case("2 > 1e999", 5, "number '1e999' is out of range"),
        Case("2 > 1e99999", 5, "number '1e99999' is out of range"),
        Case("benchmark. > 1", 1, "malformed name 'benchmark.'"),
        Case("a.5 > 1", 1, "malformed name 'a.5'"),
        Case("x > a..b", 5, "malformed name 'a..b'"),
        // Columns count Unicode scalars. 销量: 2 scalars (6 UTF-8 bytes) → '@' at 12, not 16.
        Case("销量 > 1 and @", 12, "unexpected character '@'"),
        // नि is one character but two scalars (न + vowel sign ि) → '@' at 12, not 11.
        Case("नि > 1 and @", 12, "unexpected character '@'"),
        // The message shows the whole character; the column is where it starts.
        Case("a > 1 and 👍🏽", 11, "unexpected character '👍🏽'"),
        Case("x > 🚀", 5, "unexpected character '🚀'"),
        // An emoji can only be an error itself, so scalar counting after a
        // multi-scalar character is shown with the two-scalar name नि: ')' at 8.
        Case("नि and )", 8, "expected an expression after 'and'"),
    ]

    @Test(arguments: cases)
    func firstSyntaxError(_ expected: Case) {
        let error = parseError(expected.text)
        #expect(error == RuleError(column: expected.column, message: expected.message))
    }

    @Test func reportsTheLeftmostProblemWhetherLexicalOrSyntactic() {
        // The '@' at 11 is never reached: the doubled 'and' at 7 comes first.
        #expect(parseError("a and and @") == RuleError(column: 7, message: "expected an expression after 'and'"))
        #expect(parseError("a @ and and") == RuleError(column: 3, message: "unexpected character '@'"))
    }

    @Test func errorDescriptionNamesTheColumn() {
        #expect(RuleError(column: 4, message: "unexpected ')'").description == "column 4: unexpected ')'")
    }
}
