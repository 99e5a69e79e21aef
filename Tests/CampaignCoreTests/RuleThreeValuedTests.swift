import Testing
@testable import CampaignCore

/// SPEC §13: a comparison with no data is unknown, `not unknown` is unknown,
/// and/or follow Kleene, and a rule matches only when true. Every table is
/// worked out by hand and run through both evaluators.
struct RuleThreeValuedTests {
    /// true, false, nil (unknown).
    typealias Truth = Bool?

    private func expectBoth(
        _ text: String, _ fields: [String: RuleFieldValue], _ expected: Truth,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let (dictionary, compiled) = try RuleRowLayout.bothWays(text, fields, tableTexts: ["女", "男", "silent", "active"])
        #expect(dictionary == .condition(expected), "\(text) over \(fields) (dictionary)", sourceLocation: sourceLocation)
        #expect(compiled == .condition(expected), "\(text) over \(fields) (compiled)", sourceLocation: sourceLocation)
    }

    // MARK: Each operator, known and unknown

    @Test(arguments: [
        // (rule, with a = 5, with a unknown)
        ("a < 3", false, nil), ("a <= 3", false, nil), ("a > 3", true, nil), ("a >= 3", true, nil),
        ("a == 5", true, nil), ("a != 5", false, nil), ("a != 4", true, nil),
        ("not (a > 3)", false, nil), ("not (a < 3)", true, nil), ("not not (a > 3)", true, nil),
        ("a in [1, 5]", true, nil), ("a in [1, 2]", false, nil), ("a not in [1, 2]", true, nil), ("a not in [5]", false, nil),
        ("a + 1 > 5", true, nil), ("a / 0 > 0", nil, nil), ("-a < 0", true, nil),
    ] as [(String, Truth, Truth)])
    func numberOperators(rule: String, known: Truth, unknown: Truth) throws {
        try expectBoth(rule, ["a": .number(5)], known)
        try expectBoth(rule, ["a": .number(.nan)], unknown)
    }

    @Test(arguments: [
        // (rule, with g = 女, g = 男, g unknown)
        (#"g == "女""#, true, false, nil), (#"g != "女""#, false, true, nil), (#""女" == g"#, true, false, nil),
        (#"g in ["女", "x"]"#, true, false, nil), (#"g not in ["女"]"#, false, true, nil),
        // A literal no customer has compiles to a code no row holds.
        (#"g == "未知""#, false, false, nil), (#"g != "未知""#, true, true, nil), (#"g in ["x", "y"]"#, false, false, nil),
        (#"not (g == "男")"#, true, false, nil),
    ] as [(String, Truth, Truth, Truth)])
    func textOperators(rule: String, female: Truth, male: Truth, unknown: Truth) throws {
        try expectBoth(rule, ["g": .text("女")], female)
        try expectBoth(rule, ["g": .text("男")], male)
        try expectBoth(rule, ["g": .text(nil)], unknown)
    }

    @Test func textAgainstText() throws {
        // Two text fields: equal, different, one unknown.
        try expectBoth("g == h", ["g": .text("女"), "h": .text("女")], true)
        try expectBoth("g == h", ["g": .text("女"), "h": .text("男")], false)
        try expectBoth("g != h", ["g": .text("女"), "h": .text("男")], true)
        try expectBoth("g == h", ["g": .text("女"), "h": .text(nil)], nil)
        try expectBoth("g != h", ["g": .text(nil), "h": .text("男")], nil)
        // Literals only: folded at compile time.
        try expectBoth(#""a" == "a""#, [:], true)
        try expectBoth(#""a" == "b""#, [:], false)
        try expectBoth(#""x" in ["y", "x"]"#, [:], true)
        try expectBoth(#""é" == "e\#u{301}""#, [:], true)  // canonically equivalent spellings
    }

    @Test(arguments: [
        (true, true, false), (false, false, true), (nil, nil, nil),
    ] as [(Truth, Truth, Truth)])
    func setMembers(has: Truth, inTags: Truth, notInTags: Truth) throws {
        let fields: [String: RuleFieldValue] = ["tags": .members(["vip": has, "new": false])]
        try expectBoth(#""vip" in tags"#, fields, inTags)
        try expectBoth(#""vip" not in tags"#, fields, notInTags)
        try expectBoth(#"not ("vip" in tags)"#, fields, notInTags)
    }

    /// Kleene's tables, operands T, F, U (unknown) as set members.
    @Test(arguments: [
        // (p, q, p and q, p or q)
        (true, true, true, true), (true, false, false, true), (true, nil, nil, true),
        (false, true, false, true), (false, false, false, false), (false, nil, false, nil),
        (nil, true, nil, true), (nil, false, false, nil), (nil, nil, nil, nil),
    ] as [(Truth, Truth, Truth, Truth)])
    func andOr(p: Truth, q: Truth, and: Truth, or: Truth) throws {
        let fields: [String: RuleFieldValue] = ["s": .members(["p": p, "q": q])]
        try expectBoth(#""p" in s and "q" in s"#, fields, and)
        try expectBoth(#""p" in s or "q" in s"#, fields, or)
        // De Morgan holds in Kleene's logic too.
        try expectBoth(#"not ("p" not in s or "q" not in s)"#, fields, and)
    }

    @Test func trueAndFalseLiteralsMeetUnknown() throws {
        let unknown: [String: RuleFieldValue] = ["a": .number(.nan)]
        try expectBoth("a > 1 and true", unknown, nil)
        try expectBoth("a > 1 and false", unknown, false)
        try expectBoth("a > 1 or true", unknown, true)
        try expectBoth("a > 1 or false", unknown, nil)
    }

    /// The case that changed: a customer without `aov` is not "not above 100".
    @Test func notOfNoDataDoesNotMatch() throws {
        let rule = try RuleExpression.parse("not (aov > 100)").compile(bindings: ["aov": .slot(0)], expecting: .boolean)
        #expect(!rule.matches([.nan]))
        #expect(rule.condition([.nan]) == nil)
        #expect(rule.matches([50]))
        #expect(!rule.matches([150]))
        var results = [Bool](repeating: true, count: 3)
        [Double.nan, 50, 150].withUnsafeBufferPointer { rows in
            results.withUnsafeMutableBufferPointer { rule.matches(rows: rows, fieldsPerRow: 1, into: $0) }
        }
        #expect(results == [false, true, false])
    }

    // MARK: The issue's examples

    @Test(arguments: [
        // (gender, city_tier, age, value)
        ("女", 1, 30, true), ("女", 2, 25, true), ("女", 2, 35, true),
        ("女", 3, 30, false), ("男", 1, 30, false), ("女", 2, 36, false), ("女", 1, 24, false),
        (nil, 1, 30, nil), ("女", .nan, 30, nil), ("女", 1, .nan, nil),
        // Kleene: one false part makes the rule false whatever is unknown.
        (nil, 3, 30, false), ("男", .nan, .nan, false),
    ] as [(String?, Double, Double, Truth)])
    func womenInTierOneOrTwoAged25To35(gender: String?, tier: Double, age: Double, expected: Truth) throws {
        try expectBoth(#"gender == "女" and city_tier in [1, 2] and age >= 25 and age <= 35"#,
                       ["gender": .text(gender), "city_tier": .number(tier), "age": .number(age)], expected)
    }

    @Test func lifecycleIsSilent() throws {
        try expectBoth(#"lifecycle == "silent""#, ["lifecycle": .text("silent")], true)
        try expectBoth(#"lifecycle == "silent""#, ["lifecycle": .text("active")], false)
        try expectBoth(#"lifecycle == "silent""#, ["lifecycle": .text(nil)], nil)
    }

    @Test func priceSensitiveTag() throws {
        try expectBoth(#""price_sensitive" in tags"#, ["tags": .members(["price_sensitive": true, "vip": false])], true)
        try expectBoth(#""price_sensitive" in tags"#, ["tags": .members(["price_sensitive": false, "vip": true])], false)
        try expectBoth(#""price_sensitive" in tags"#, ["tags": .members(["price_sensitive": nil, "vip": true])], nil)
    }

    @Test(arguments: [
        (0.2, 2500, true), (0.3, 2500, false), (0.2, 1999.99, false), (0.29, 2000, true),
        (.nan, 2500, nil), (.nan, 100, false), (0.1, .nan, nil),
    ] as [(Double, Double, Truth)])
    func highValueSlippingAway(pAlive: Double, monetary: Double, expected: Truth) throws {
        try expectBoth("p_alive < 0.3 and monetary >= 2000", ["p_alive": .number(pAlive), "monetary": .number(monetary)], expected)
    }

    // MARK: Compiled form

    @Test func aMemberIsOneLoadAndAListOneInstruction() throws {
        let bindings: [String: RuleBinding] = ["tags": .memberSlots(["vip": 3]), "city_tier": .slot(0), "gender": .textSlot(1)]
        let codes = RuleTextCodes(["男", "女"])
        let tag = try RuleExpression.parse(#""vip" in tags"#).compile(bindings: bindings, textCodes: codes, expecting: .boolean)
        #expect(tag.instructions == [.loadFlag(3)])
        #expect(tag.fieldCount == 4)
        let tier = try RuleExpression.parse("city_tier in [1, 2]").compile(bindings: bindings, expecting: .boolean)
        // The items are constants in the registers just before the test.
        #expect(tier.instructions == [.load(0), .constant(1), .constant(2), .oneOf(0, start: 1, count: 2)])
        // 女 is code 1 in this table; "x" is not in it and gets 2, one past the table.
        let gender = try RuleExpression.parse(#"gender == "女" or gender in ["x", "男"]"#)
            .compile(bindings: bindings, textCodes: codes, expecting: .boolean)
        #expect(gender.instructions == [
            .load(1), .constant(1), .binary(.equal, 0, 1),
            .load(1), .constant(2), .constant(0), .oneOf(3, start: 4, count: 2), .binary(.or, 2, 6),
        ])
        // A constant left side folds.
        let folded = try RuleExpression.parse("2 in [1, 2] and not (3 in [1])").compile(bindings: [:], expecting: .boolean)
        #expect(folded.instructions == [.constant(1)])
    }

    @Test func distinctUnknownLiteralsGetDistinctCodes() throws {
        let rule = try RuleExpression.parse(#""a" == "b" or "a" != "a""#).compile(bindings: [:], expecting: .boolean)
        #expect(rule.instructions == [.constant(0)])
    }

    @Test func textCodes() {
        var codes = RuleTextCodes(["女", "男", "女"])
        #expect(codes.count == 2)
        #expect(codes.code(of: "男") == 1)
        #expect(codes.code(of: "x") == nil)
        #expect(codes.code(adding: "x") == 2)
        #expect(codes.text(of: 2) == "x")
        #expect(codes.text(of: .nan) == nil)
        #expect(codes.text(of: 1.5) == nil)
        #expect(codes.text(of: 3) == nil)
        #expect(codes.text(of: -1) == nil)
    }

    @Test func textResultsFromTheDictionaryEvaluator() throws {
        #expect(try RuleExpression.parse("g").evaluate(fields: ["g": .text("女")]) == .text("女"))
        #expect(try RuleExpression.parse("g").evaluate(fields: ["g": .text(nil)]) == .text(nil))
        #expect(try RuleExpression.parse(#""x""#).evaluate(fields: [:]) == .text("x"))
        #expect(throws: RuleErrorList([RuleError(column: 1, message: "a list can only stand after 'in', as in 'city_tier in [1, 2]'")])) {
            try RuleExpression.parse("[1]").evaluate(fields: [:])
        }
    }
}
