import Testing
import CampaignCore

/// Text literals, lists, `in` and `not in`: how they group, and every syntax
/// error with its 1-based column (Unicode scalars), each counted by hand.
struct RuleTextSyntaxTests {
    private func grouped(_ text: String) throws -> String {
        try RuleExpression.parse(text).description
    }

    @Test func theIssuesExamplesParse() throws {
        #expect(try grouped(#"gender == "女" and city_tier in [1, 2] and age >= 25 and age <= 35"#)
            == #"((((gender == "女") and (city_tier in [1, 2])) and (age >= 25)) and (age <= 35))"#)
        #expect(try grouped(#"lifecycle == "silent""#) == #"(lifecycle == "silent")"#)
        #expect(try grouped(#""price_sensitive" in tags"#) == #"("price_sensitive" in tags)"#)
        #expect(try grouped("p_alive < 0.3 and monetary >= 2000") == "((p_alive < 0.3) and (monetary >= 2000))")
    }

    @Test func inBindsLikeTheComparisons() throws {
        // Tighter than and/or/not, looser than arithmetic.
        #expect(try grouped("a + 1 in [2, 3]") == "((a + 1) in [2, 3])")
        #expect(try grouped(#""vip" in tags or x < 1"#) == #"(("vip" in tags) or (x < 1))"#)
        #expect(try grouped("not x in [1]") == "(not (x in [1]))")
        // `x not in c` is `not (x in c)`.
        #expect(try grouped("x not in [1, 2]") == "(not (x in [1, 2]))")
        #expect(try grouped(#"lifecycle not in ["new", "active"] and a > 1"#)
            == #"((not (lifecycle in ["new", "active"])) and (a > 1))"#)
        #expect(try grouped(#""vip" not in tags"#) == #"(not ("vip" in tags))"#)
    }

    @Test func listItemsAreLiterals() throws {
        // Negative numbers, percent and exponents as elsewhere.
        #expect(try grouped("x in [-1, 2.5%, 1e1]") == "(x in [-1, 0.025, 10])")
        #expect(try grouped("x in [7]") == "(x in [7])")
        #expect(try grouped("x in[1,2]") == "(x in [1, 2])")
    }

    @Test func textHoldsAnyUnicodeAndTwoEscapes() throws {
        // The value has the escapes resolved; the description writes them back.
        let expression = try RuleExpression.parse(#"x == "a\"b\\c""#)
        guard case .binary(_, _, let right) = expression.root.kind, case .text(let value) = right.kind else {
            Issue.record("not a comparison with a text: \(expression)")
            return
        }
        #expect(value == "a\"b\\c")
        #expect(expression.description == #"(x == "a\"b\\c")"#)
        #expect(try grouped(#"x == "" or x == " ""#) == #"((x == "") or (x == " "))"#)
        // A tab in the text is kept as it is.
        #expect(try grouped("x == \"👍🏽 女\tand\"") == "(x == \"👍🏽 女\tand\")")
        // Keywords and operators inside quotes are text.
        #expect(try grouped(#"x == "a and b < c""#) == #"(x == "a and b < c")"#)
    }

    @Test func columnsAfterTextCountScalars() throws {
        // " 1, 👍 2, 🏽 3, " 4, == 6-7, zz at 9.
        let problems = try RuleExpression.parse(#""👍🏽" == zz"#).check(fields: ["x": .text], expecting: .boolean)
        #expect(problems.map(\.column) == [9])
    }

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

    /// Shared with `RuleTextChineseTests`, which reads each in Chinese.
    static let cases: [Case] = [
        // Unterminated text points at its opening quote: gender 1-6, == 8-9, '"' 11.
        Case(#"gender == "女"#, 11, #"text starting here has no closing '"'"#),
        Case(#""abc"#, 1, #"text starting here has no closing '"'"#),
        // The escaped quote at 8-9 does not close the text that opens at 6.
        Case(#"x == "a\""#, 6, #"text starting here has no closing '"'"#),
        // A backslash at the very end escapes nothing.
        Case(#"x == "a\"#, 6, #"text starting here has no closing '"'"#),
        Case(#"x == "a\n""#, 8, #"unknown escape '\n' in text (write \" for a quote, \\ for a backslash)"#),
        // Curly and single quotes, as Chinese input methods type them.
        Case("gender == “女”", 11, #"unexpected character '“' (write text in straight double quotes, as in "女")"#),
        Case("gender == '女'", 11, #"unexpected character ''' (write text in straight double quotes, as in "女")"#),
        Case("gender == ＂女＂", 11, #"unexpected character '＂' (a full-width character; did you mean '"'?)"#),
        // Lists: x 1, in 3-4, '[' 6.
        Case("x in []", 6, "a list needs at least one item, as in [1, 2]"),
        Case("x in [1, 2", 11, "missing ']' to close '[' at column 6"),
        Case("x in [1 2]", 9, "unexpected '2'; expected ',' or ']' to close '[' at column 6"),
        Case("x in [1, aov]", 10, "a list holds only numbers and text in double quotes, got 'aov'"),
        Case("x in [1,]", 9, "a list holds only numbers and text in double quotes, got ']'"),
        Case("x in [1,", 9, "expected an expression after ','"),
        Case("x in [-aov]", 8, "a list holds only numbers and text in double quotes, got 'aov'"),
        Case("x in [true]", 7, "a list holds only numbers and text in double quotes, got 'true'"),
        Case("x in [(1)]", 7, "a list holds only numbers and text in double quotes, got '('"),
        Case("x in [[1]]", 7, "a list holds only numbers and text in double quotes, got '['"),
        // `in`, `not in`.
        Case("x in", 5, "expected an expression after 'in'"),
        Case("x not in", 9, "expected an expression after 'in'"),
        Case("not in [1]", 5, "expected an expression after 'not'"),
        Case("x IN [1]", 3, "unexpected 'IN' (did you mean 'in'?)"),
        Case("a not b", 3, "unexpected 'not'"),
        // Non-associative like the comparisons: in 10-11 / == 14-15.
        Case("x in [1] in [2]", 10, "comparisons cannot be chained; write 'x in [1] and [1] in [2]'"),
        Case("x not in [1] == true", 14, "comparisons cannot be chained; write 'x not in [1] and [1] == true'"),
        Case("a < 2 not in [1]", 7, "comparisons cannot be chained; write 'a < 2 and 2 not in [1]'"),
        Case("a in [1] <", 10, "comparisons cannot be chained; join two comparisons with 'and'"),
    ]

    @Test(arguments: cases)
    func syntaxErrorAtItsColumn(_ expected: Case) {
        do {
            let expression = try RuleExpression.parse(expected.text)
            Issue.record("parsed as \(expression)")
        } catch {
            #expect(error == RuleError(column: expected.column, message: expected.message))
        }
    }
}
