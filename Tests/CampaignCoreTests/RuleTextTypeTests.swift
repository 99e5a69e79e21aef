import Testing
@testable import CampaignCore

/// Types with text, lists and sets: every problem with its exact column,
/// counted by hand, and sound rules with none.
struct RuleTextTypeTests {
    /// Numbers, texts and a set, as a plan with customer attributes and tags declares them.
    static let fields: [String: RuleFieldType] = [
        "age": .number, "city_tier": .number, "aov": .number, "monetary": .number, "p_alive": .number,
        "benchmark.aov": .number, "gender": .text, "lifecycle": .text,
        "tags": .set(members: ["price_sensitive", "vip", "new_user"]),
    ]

    static func problems(_ text: String, expecting: RuleType = .boolean) throws -> [RuleError] {
        try RuleExpression.parse(text).check(fields: fields, expecting: expecting)
    }

    @Test(arguments: [
        #"gender == "女" and city_tier in [1, 2] and age >= 25 and age <= 35"#,
        #"lifecycle == "silent""#, #""price_sensitive" in tags"#, "p_alive < 0.3 and monetary >= 2000",
        #"gender != lifecycle"#, #""女" == gender"#, #"lifecycle not in ["new", "active"]"#, "age not in [18, 19]",
        #""vip" not in tags and not ("new_user" in tags)"#, #"("vip") in (tags)"#, "1 in [1]", #""a" in ["a"]"#,
        "aov >= 1.5 * benchmark.aov or age - 1 in [-1, 0]",
    ])
    func soundRulesHaveNoProblems(_ text: String) throws {
        #expect(try Self.problems(text).isEmpty)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var expecting: RuleType
        var errors: [RuleError]
        var testDescription: String { text.debugDescription }
        init(_ text: String, _ expecting: RuleType, _ errors: [(Int, String)]) {
            self.text = text
            self.expecting = expecting
            self.errors = errors.map { RuleError(column: $0.0, message: $0.1) }
        }
        init(_ text: String, _ errors: [(Int, String)]) { self.init(text, .boolean, errors) }
    }

    static let ordering = "needs numbers on both sides, got text; text is compared only with '==', '!=' and 'in'"
    static let listHere = "a list can only stand after 'in', as in 'city_tier in [1, 2]'"
    static let tagsHere = #"'tags' is a set of names; ask for one of them, as in '"NAME" in tags'"#

    /// Shared with `RuleTextChineseTests`, which reads each in Chinese.
    static let cases: [Case] = [
        // Text only compares for equality: gender 1-6, '<' 8, "女" 10-12.
        Case(#"gender < "女""#, [(1, "'<' " + ordering), (10, "'<' " + ordering)]),
        Case(#"age >= 1 and lifecycle >= "new""#, [(14, "'>=' " + ordering), (27, "'>=' " + ordering)]),
        // Text with a number: the left side says what is compared; the right is wrong.
        Case("gender == 1", [(11, "'==' needs text on both sides, got a number")]),
        Case(#"age == "25""#, [(8, "'==' needs numbers on both sides, got text")]),
        Case(#"age != gender"#, [(8, "'!=' needs numbers on both sides, got text")]),
        Case("gender == true", [(11, "'==' needs text on both sides, got true/false")]),
        // Arithmetic and logic on text.
        Case("gender + 1 > 2", [(1, "'+' needs numbers on both sides, got text")]),
        Case("-gender > 1", [(2, "'-' needs a number, got text")]),
        Case("not gender", [(5, "'not' needs true/false, got text")]),
        Case("gender and age > 1", [(1, "'and' needs true/false on both sides, got text")]),
        // `in` with a list of the other type points at the list: gender 1-6, in 8-9, '[' 11.
        Case("gender in [1, 2]", [(11, "'in' needs a list of text here (the left side is text), got a list of numbers")]),
        Case(#"city_tier in ["1", "2"]"#,
             [(14, "'in' needs a list of numbers here (the left side is a number), got a list of text")]),
        // Mixed lists at the first item of the other type: '[' 14, 1 15, "2" 18.
        Case(#"city_tier in [1, "2"]"#, [(18, "the items of a list must all be numbers or all text; this is text, the first is a number")]),
        // gender 1-6, not in 8-13, '[' 15, "男" 16-18, 1 at 21.
        Case(#"gender not in ["男", 1]"#, [(21, "the items of a list must all be numbers or all text; this is a number, the first is text")]),
        Case("(age > 1) in [1]", [(1, "'in' needs a number or text on its left, got true/false")]),
        Case("age in 5", [(8, "'in' needs a list such as [1, 2] or a set such as 'tags' on its right, got a number")]),
        Case(#""x" in gender"#, [(8, "'in' needs a list such as [1, 2] or a set such as 'tags' on its right, got text")]),
        // A list where a value belongs.
        Case("age + [1] > 2", [(7, listHere)]),
        Case("age == [1]", [(8, listHere)]),
        Case("[1, 2]", [(1, listHere)]),
        Case("[1] in [1]", [(1, listHere)]),
        // A set where a value belongs, or asked for something not written out.
        Case("tags", [(1, tagsHere)]),
        Case(#"tags == "vip""#, [(1, tagsHere)]),
        Case(#"tags in ["vip"]"#, [(1, tagsHere)]),
        Case("gender in tags", [(1, #"'in tags' needs a member's name in double quotes on its left, as in '"NAME" in tags'"#)]),
        Case("1 not in tags", [(1, #"'in tags' needs a member's name in double quotes on its left, as in '"NAME" in tags'"#)]),
        // Members the set cannot hold: a did-you-mean, or the members.
        Case(#""vipp" in tags"#, [(1, "tags has no member 'vipp'; did you mean 'vip'?")]),
        Case(#"age > 1 and "price_sensitiv" not in tags"#, [(13, "tags has no member 'price_sensitiv'; did you mean 'price_sensitive'?")]),
        Case(#""高价值" in tags"#, [(1, "tags has no member '高价值'; its members are 'new_user', 'price_sensitive', 'vip'")]),
        // An unknown name is reported once, without a cascade about its type.
        Case(#"gendr == "女""#, [(1, "unknown name 'gendr' (did you mean 'gender'?)")]),
        Case("x in [1]", [(1, "unknown name 'x'")]),
        Case(#""vip" in tgas"#, [(10, "unknown name 'tgas' (did you mean 'tags'?)")]),
        // The result kind.
        Case("gender", [(1, "a segment rule must be a condition (true/false), this is text")]),
        Case(#""1.3""#, .number, [(1, "a threshold must be a number, this is text")]),
        Case(#"[1]"#, .number, [(1, listHere)]),
    ]

    @Test(arguments: cases)
    func problemAtItsColumn(_ expected: Case) throws {
        #expect(try Self.problems(expected.text, expecting: expected.expecting) == expected.errors)
    }

    @Test func aSetWithoutMembersSaysSo() throws {
        let problems = try RuleExpression.parse(#""vip" in tags"#).check(fields: ["tags": .set(members: [])], expecting: .boolean)
        #expect(problems == [RuleError(column: 1, message: "tags has no member 'vip' (it has no members at all)")])
    }

    @Test func theOldAllNumbersEntryPointStillWorks() throws {
        let expression = try RuleExpression.parse(#"aov > 1 and gender == "女""#)
        // Every name a number: gender is one, so comparing it with text is wrong at the text.
        #expect(expression.check(knownNames: ["aov", "gender"], expecting: .boolean)
            == [RuleError(column: 23, message: "'==' needs numbers on both sides, got text")])
    }

    @Test func compileChecksTypesFromTheBindings() throws {
        let bindings: [String: RuleBinding] = ["gender": .textSlot(0), "tags": .memberSlots(["vip": 1])]
        #expect(throws: RuleErrorList([RuleError(column: 11, message: "'==' needs text on both sides, got a number")])) {
            try RuleExpression.parse("gender == 1").compile(bindings: bindings, expecting: .boolean)
        }
        #expect(throws: RuleErrorList([RuleError(column: 1, message: "tags has no member 'vp'; did you mean 'vip'?")])) {
            try RuleExpression.parse(#""vp" in tags"#).compile(bindings: bindings, expecting: .boolean)
        }
    }

    @Test func theEditorChecksTextsAndThresholds() throws {
        let plan = try #require(PlanLoader.load(yaml: DemoCampaign.planText()).plan)
        #expect(ExpressionCheck.segmentRule(#"gender == "女" and "vip" in tags"#, fields: Self.fields) == nil)
        #expect(ExpressionCheck.segmentRule("gender < 1", fields: Self.fields)
            == RuleError(column: 1, message: "'<' " + Self.ordering))
        // Thresholds read numbers only: text there is an error.
        #expect(ExpressionCheck.threshold(#""45""#, plan: plan)
            == RuleError(column: 1, message: "a threshold must be a number, this is text"))
        #expect(ExpressionCheck.threshold(#"1.3 * "45""#, plan: plan)
            == RuleError(column: 7, message: "'*' needs numbers on both sides, got text"))
        // The plan's rules are still all numbers.
        #expect(ExpressionCheck.segmentRule("r_score in [4, 5]", plan: plan) == nil)
    }
}
