@testable import CampaignCore
import CampaignText
import Testing

/// The plan's customers, lifecycle, tags and tiers (issue 16): the
/// contract's example read into the model as written, the cleaning it asks
/// for applied to a small file, the names each kind of rule may read, the
/// lifecycle's bounds and order, and the tier-order warning. Every position
/// and value below is worked out from the YAML text by hand; the broken-plan
/// corpus (`cust-*`) holds the rest of the errors.
@Suite struct PlanCustomerSectionsTests {
    /// SPEC §13 / issue 16's contract, with a segment reading the new names.
    static let example = """
        campaign:
          id: spring
          name: Spring
          start: 2026-03-02
          budget: 10000
          transactions: transactions.csv
          customers:
            file: customers.csv
            id_column: customer_id
            merge_on: phone
            columns: { age: number, gender: text, city_tier: number, phone: text }
            values:
              gender: { 男性: 男, 女性: 女 }
            ranges: { age: [0, 120], city_tier: [1, 5] }
        lifecycle: { new_days: 30, silent_days: 90, churned_days: 180 }
        tags:
          - { name: price_sensitive, rule: "aov < 100 and frequency >= 3" }
        tiers:
          - { name: bronze, rule: "monetary_365d >= 500" }
          - { name: silver, rule: "monetary_365d >= 2000" }
          - { name: platinum, rule: "monetary_365d >= 5000" }
        segments:
          - id: slipping
            rule: p_alive < 0.3 and monetary >= 2000 and age >= 25 and city_tier <= 2
        """

    static func plan(_ yaml: String) throws -> (Plan, [Diagnostic]) {
        let result = Language.$override.withValue(.english) { PlanLoader.load(yaml: yaml) }
        return (try #require(result.plan, "\(result.diagnostics)"), result.diagnostics)
    }

    static func messages(_ yaml: String) -> [String] {
        Language.$override.withValue(.english) {
            PlanLoader.load(yaml: yaml).diagnostics.map { $0.formatted(file: "p.yaml") }
        }
    }

    /// A plan with `body` after a complete campaign (lines 1–5), so body line N is file line N + 5.
    static func withCampaign(_ body: String) -> String {
        "campaign:\n  id: s\n  name: S\n  start: 2026-03-02\n  budget: 100\n" + body
    }

    // MARK: The contract's example

    @Test func theContractExampleReadsAsWritten() throws {
        let (plan, diagnostics) = try Self.plan(Self.example)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let source = try #require(plan.campaign.customers)
        #expect(source.file == "customers.csv")
        #expect(source.idColumn == "customer_id")
        #expect(source.mergeOn == "phone")
        #expect(source.columns.map(\.name) == ["age", "gender", "city_tier", "phone"])
        #expect(source.columns.map(\.kind) == [.number, .text, .number, .text])
        // `    columns: { age: ...`: the brace at column 14, `age` at 16 (line 11).
        #expect(source.columns[0].location == SourceLocation(line: 11, column: 16))
        #expect(source.values.map(\.column) == ["gender"])
        #expect(source.values[0].spellings.map(\.spelling) == ["男性", "女性"])
        #expect(source.values[0].spellings.map(\.standard) == ["男", "女"])
        #expect(source.ranges.map(\.column) == ["age", "city_tier"])
        #expect(source.ranges.map(\.range) == [0...120, 1...5])
        #expect(plan.lifecycle == Lifecycle.Rules(newDays: 30, silentDays: 90, churnedDays: 180))
        #expect(plan.lifecycleFields?.element == SourceLocation(line: 15, column: 12))
        #expect(plan.tags.map(\.name) == ["price_sensitive"])
        #expect(plan.tags[0].rule == "aov < 100 and frequency >= 3")
        // `  - { name: price_sensitive, rule: "aov…`: name at 13, the rule's text after its quote at 37.
        #expect(plan.tags[0].location == SourceLocation(line: 17, column: 13))
        #expect(plan.tags[0].ruleLocation == SourceLocation(line: 17, column: 37))
        #expect(plan.tiers.map(\.name) == ["bronze", "silver", "platinum"])
        #expect(plan.tiers.map(\.rule) == ["monetary_365d >= 500", "monetary_365d >= 2000", "monetary_365d >= 5000"])
        #expect(plan.tiers[0].ruleLocation == SourceLocation(line: 19, column: 28))
    }

    @Test func aPlainPathIsACustomersFileWithTheDefaults() throws {
        let (plan, diagnostics) = try Self.plan(Self.withCampaign("").replacingOccurrences(
            of: "budget: 100\n", with: "budget: 100\n  customers: people.csv\n"))
        #expect(diagnostics.isEmpty)
        let source = try #require(plan.campaign.customers)
        #expect(source.file == "people.csv")
        #expect(source.idColumn == "customer_id")
        #expect(source.mergeOn == nil)
        #expect(source.columns.isEmpty)
        #expect(source.location == SourceLocation(line: 6, column: 14))
    }

    @Test func aPlanWithoutTheSectionsKeepsTheDefaults() throws {
        let (plan, diagnostics) = try Self.plan(Self.withCampaign(""))
        #expect(diagnostics.isEmpty)
        #expect(plan.campaign.customers == nil)
        #expect(plan.lifecycle == Lifecycle.Rules(newDays: 30, silentDays: 90, churnedDays: 180))
        #expect(plan.lifecycleFields == nil)
        #expect(plan.tags.isEmpty && plan.tiers.isEmpty)
    }

    /// The example's cleaning on a file worked through by hand: 男性 and F
    /// spelled the plan's and the standard's way, an age of 150 and a tier of
    /// 6 refused, c3 sharing c1's phone merged into c1.
    @Test func theCleaningThePlanAsksForAppliesToTheFile() throws {
        let (plan, _) = try Self.plan(Self.example)
        let source = try #require(plan.campaign.customers)
        let file = """
            customer_id,age,gender,city_tier,phone
            c1,28,男性,1,138
            c2,150,female,2,139
            c3,30,F,6,138
            c4,x,其他,2,

            """
        let customers = try CustomerAttributesReader.read(file, idColumn: source.idColumn, cleaning: source.cleaning,
                                                          mergeOn: source.mergeOn)
        #expect(customers.ids == ["c1", "c2", "c4"])
        #expect(customers.merges == [CustomerMerge(kept: "c1", merged: ["c3"], column: "phone", value: "138")])
        #expect(customers.standingID(of: "c3") == "c1")
        #expect(customers.value("gender", of: "c1") == "男")
        #expect(customers.value("gender", of: "c2") == "女")
        #expect(customers.value("age", of: "c2") == nil)
        #expect(customers.value("city_tier", of: "c3") == "1", "c3 is c1 now")
        #expect(customers.problems == [
            AttributeProblem(line: 3, column: "age", reason: .outOfRange("150", 0...120)),
            AttributeProblem(line: 4, column: "city_tier", reason: .outOfRange("6", 1...5)),
            AttributeProblem(line: 5, column: "age", reason: .notANumber("x")),
            AttributeProblem(line: 5, column: "gender", reason: .unknownSpelling("其他", allowed: ["女", "男"])),
        ])
    }

    @Test func aPlanRangeReplacesTheStandardOneAndNumberColumnsMustReadAsNumbers() throws {
        let (plan, diagnostics) = try Self.plan(Self.withCampaign("").replacingOccurrences(of: "budget: 100\n", with: """
            budget: 100
              customers: { file: c.csv, columns: { age: number, score: number }, ranges: { age: [18, 60] } }

            """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let cleaning = try #require(plan.campaign.customers).cleaning
        #expect(cleaning.clean("70", column: "age") == .failure(.outOfRange("70", 18...60)))
        #expect(cleaning.clean("18", column: "age") == .success("18"))
        #expect(cleaning.clean("high", column: "score") == .failure(.notANumber("high")))
        #expect(cleaning.clean("m", column: "gender") == .success("男"), "the standard stays")
    }

    // MARK: Lifecycle days

    @Test func lifecycleDaysAreWholeBoundedAndInOrder() {
        // Body line 1 is file line 6; `lifecycle: { new_days: ` puts the first value at column 24.
        #expect(Self.messages(Self.withCampaign("lifecycle: { churned_days: 60 }\n")) == [
            "p.yaml:6:28: 'silent_days' (90, the default) must not be greater than 'churned_days' (60): the stages need 'new_days' ≤ 'silent_days' ≤ 'churned_days'",
        ])
        #expect(Self.messages(Self.withCampaign("lifecycle: { silent_days: 200, churned_days: 100 }\n")) == [
            "p.yaml:6:46: 'silent_days' (200) must not be greater than 'churned_days' (100): the stages need 'new_days' ≤ 'silent_days' ≤ 'churned_days'",
        ])
        #expect(Self.messages(Self.withCampaign("lifecycle: { new_days: 3654 }\n")) == [
            "p.yaml:6:24: 'new_days' in 'lifecycle' must be at most 3653 (10 years), got 3654",
        ])
        #expect(Self.messages(Self.withCampaign("lifecycle: { new_days: x }\n")) == [
            "p.yaml:6:24: 'new_days' in 'lifecycle' must be a whole number, got 'x'",
        ])
        #expect(Self.messages(Self.withCampaign("lifecycle: [30, 90]\n")) == [
            "p.yaml:6:12: 'lifecycle' must be a mapping of keys to values, got a list",
        ])
    }

    @Test func lifecycleDaysAtTheLimitsAreTaken() throws {
        let (zero, _) = try Self.plan(Self.withCampaign("lifecycle: { new_days: 0, silent_days: 0, churned_days: 0 }\n"))
        #expect(zero.lifecycle == Lifecycle.Rules(newDays: 0, silentDays: 0, churnedDays: 0))
        let (top, diagnostics) = try Self.plan(Self.withCampaign("lifecycle: { new_days: 3653, silent_days: 3653, churned_days: 3653 }\n"))
        #expect(diagnostics.isEmpty)
        #expect(top.lifecycle == Lifecycle.Rules(newDays: 3653, silentDays: 3653, churnedDays: 3653))
        let (partial, _) = try Self.plan(Self.withCampaign("lifecycle: { churned_days: 365 }\n"))
        #expect(partial.lifecycle == Lifecycle.Rules(newDays: 30, silentDays: 90, churnedDays: 365))
    }

    // MARK: Columns

    @Test func standardColumnsKeepTheirKind() {
        // `  customers: { file: c.csv, columns: { age: text } }`: `age` at column 40.
        #expect(Self.messages(Self.withCampaign("").replacingOccurrences(of: "budget: 100\n", with: """
            budget: 100
              customers: { file: c.csv, columns: { age: text } }

            """)) == ["p.yaml:6:40: column 'age' is checked as a number from 0 to 120: declare it as 'number'"])
        // A plan range on a text column is refused even when the column is a standard one.
        #expect(Self.messages(Self.withCampaign("").replacingOccurrences(of: "budget: 100\n", with: """
            budget: 100
              customers: { file: c.csv, columns: { 城市: text }, ranges: { 城市: [1, 2] } }

            """)) == ["p.yaml:6:62: 'ranges' limits number columns, but column '城市' is declared as 'text'"])
    }

    /// `  customers: { file: c.csv, columns: { n: number }, ranges: { n: RANGE } }`: RANGE starts at column 66.
    static func rangeMessages(_ range: String) -> [String] {
        messages(withCampaign("").replacingOccurrences(
            of: "budget: 100\n", with: "budget: 100\n  customers: { file: c.csv, columns: { n: number }, ranges: { n: \(range) } }\n"))
    }

    @Test func rangesAreTwoPlainFiniteNumbersInOrder() throws {
        #expect(Self.rangeMessages("[5, 5]").isEmpty, "a single value is a range")
        #expect(Self.rangeMessages("[-1e3, 0.5]").isEmpty)
        let malformed = { (got: String) in "p.yaml:6:66: the range of column 'n' must be two numbers like [0, 120], got \(got)" }
        #expect(Self.rangeMessages("[1, 2, 3]") == [malformed("a list")])
        #expect(Self.rangeMessages("[1]") == [malformed("a list")])
        #expect(Self.rangeMessages("[\"1\", 2]") == [malformed("a list")], "a quoted number is text")
        #expect(Self.rangeMessages("[1e999, 2]") == [malformed("a list")], "beyond a double")
        #expect(Self.rangeMessages("{ low: 1 }") == [malformed("a mapping")])
        #expect(Self.rangeMessages("[5.5, 5]") == ["p.yaml:6:66: the range of column 'n' starts above its end: 5.5 > 5"])
    }

    @Test func controlCharactersInNamesAreShownEscaped() {
        // Double-quoted YAML escapes: the name holds a real ESC / RLO.
        #expect(Self.messages(Self.withCampaign("").replacingOccurrences(
            of: "budget: 100\n", with: "budget: 100\n  customers: { file: c.csv, columns: { \"a\\eb\": text } }\n")) == [
            "p.yaml:6:40: column 'a\\u{1B}b' cannot be named in a rule: use letters, digits and '_', starting with a letter or '_'",
        ])
        #expect(Self.messages(Self.withCampaign("tiers:\n  - { name: \"gold\\u202E\", rule: \"aov > 1\" }\n")) == [
            "p.yaml:7:13: tier name 'gold\\u{202E}' contains a control character",
        ])
    }

    @Test func columnsInAnyScriptAreRuleNames() throws {
        #expect(PlanCustomerChecks.isRuleName("城市等级"))
        #expect(PlanCustomerChecks.isRuleName("_tier2"))
        #expect(!PlanCustomerChecks.isRuleName("2tier"))
        #expect(!PlanCustomerChecks.isRuleName("a.b"))
        #expect(!PlanCustomerChecks.isRuleName(""))
        #expect(!PlanCustomerChecks.isRuleName("a\u{1B}b"))
        let (_, diagnostics) = try Self.plan(Self.withCampaign("""
            segments:
              - { id: a, rule: "城市等级 <= 2" }

            """).replacingOccurrences(of: "budget: 100\n", with: "budget: 100\n  customers: { file: c.csv, columns: { 城市等级: number } }\n"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    // MARK: Names each rule may read

    @Test func eachKindOfRuleReadsItsOwnNames() throws {
        let (plan, _) = try Self.plan(Self.example)
        func kinds(_ context: PlanRuleContext) -> [String: PlanRuleName.Kind] {
            Dictionary(uniqueKeysWithValues: PlanRuleNames.names(for: context, in: plan).map { ($0.name, $0.kind) })
        }
        let segment = kinds(.segment), tag = kinds(.tag), tier = kinds(.tier)
        #expect(segment["tags"] == .set && segment["tier"] == .text)
        #expect(tier["tags"] == .set && tier["tier"] == nil)
        #expect(tag["tags"] == nil && tag["tier"] == nil)
        for names in [segment, tag, tier] {
            #expect(names["age"] == .number && names["gender"] == .text && names["phone"] == .text)
            #expect(names["lifecycle"] == .text && names["top_category"] == .text && names["top_channel"] == .text)
            #expect(names["p_alive"] == .number && names["monetary_365d"] == .number && names["recency_days"] == .number)
            #expect(names["customer_id"] == nil, "the id is not an attribute")
        }
        // 18 fields segmenting computes + 10 still to come + 4 columns, + tags and tier for segments.
        #expect(Vocabulary.customerFields.count == 18 && Vocabulary.customerFieldsExtended.count == 10)
        #expect(Set(Vocabulary.customerFields).isDisjoint(with: Vocabulary.customerFieldsExtended))
        #expect(tag.count == 32 && tier.count == 33 && segment.count == 34)
    }

    @Test func namesWhoseValuesThePlanKnows() throws {
        let (plan, _) = try Self.plan(Self.example)
        #expect(PlanRuleNames.knownValues(of: "tags", in: plan) == ["price_sensitive"])
        #expect(PlanRuleNames.knownValues(of: "tier", in: plan) == ["bronze", "silver", "platinum"])
        #expect(PlanRuleNames.knownValues(of: "lifecycle", in: plan) == ["new", "active", "silent", "churned", "dormant"])
        // The standard's 男/女 and the plan's 男性 → 男, 女性 → 女: two values, sorted by code point.
        #expect(PlanRuleNames.knownValues(of: "gender", in: plan) == ["女", "男"])
        #expect(PlanRuleNames.knownValues(of: "phone", in: plan) == nil, "any phone number")
        #expect(PlanRuleNames.knownValues(of: "top_category", in: plan) == nil, "the data decides")
        #expect(PlanRuleNames.knownValues(of: "age", in: plan) == nil)
    }

    @Test func aRuleReadingWhatThePlanDoesNotDeclareSaysSo() {
        // `  - { id: a, rule: "tags > 1 and tier > 1" }`: the rule's text at column 21 of line 7, `tier` 13 later.
        #expect(Self.messages(Self.withCampaign("""
            segments:
              - { id: a, rule: "tags > 1 and tier > 1" }

            """)) == [
            "p.yaml:7:21: 'tags' has no values: the plan declares no 'tags'",
            "p.yaml:7:34: 'tier' has no values: the plan declares no 'tiers'",
        ])
        // `  - { name: t, rule: "tags > 0" }`: the text at column 23.
        #expect(Self.messages(Self.withCampaign("""
            tiers:
              - { name: t, rule: "tags > 0" }

            """)) == ["p.yaml:7:23: 'tags' has no values: the plan declares no 'tags'"])
    }

    @Test func theEditorChecksASegmentRuleAsTheValidatorDoes() throws {
        let (plan, _) = try Self.plan(Self.example)
        let tag = try #require(plan.tags.first?.name), tier = try #require(plan.tiers.last?.name)
        #expect(ExpressionCheck.segmentRule("p_alive < 0.3 and age >= 25 and tier == \"\(tier)\" and \"\(tag)\" in tags", plan: plan) == nil)
        // Typed as validation types it: a tier is text, so ordering it is refused at the '>' (column 33).
        let ordered = Language.$override.withValue(.english) { ExpressionCheck.segmentRule("p_alive < 0.3 and age >= 25 and tier > 0", plan: plan) }
        #expect(ordered?.column == 33)
        let (bare, _) = try Self.plan(Self.withCampaign(""))
        let error = Language.$override.withValue(.english) { ExpressionCheck.segmentRule("aov > 1 and tier > 1", plan: bare) }
        #expect(error == RuleError(column: 13, message: "'tier' has no values: the plan declares no 'tiers'"))
        let unknown = Language.$override.withValue(.english) { ExpressionCheck.segmentRule("ag >= 25", plan: plan) }
        #expect(unknown == RuleError(column: 1, message: "unknown name 'ag' (did you mean 'age'?)"))
    }

    @Test func tagAndTierRulesGetSyntaxAndKindErrorsAtTheirColumns() {
        // The text starts at column 23 (`  - { name: a, rule: "`), so the
        // parser's column 4 of `x >` is column 26, and `aov * 2` is not a condition.
        #expect(Self.messages(Self.withCampaign("""
            tags:
              - { name: a, rule: "x >" }
            tiers:
              - { name: b, rule: "aov * 2" }

            """)) == [
            "p.yaml:7:26: expected an expression after '>'",
            "p.yaml:9:23: the rule of tier 'b' must be a condition (true/false), this is a number",
        ])
    }

    @Test func aTierRuleMayReadTags() throws {
        let (_, diagnostics) = try Self.plan(Self.withCampaign("""
            tags:
              - { name: loyal, rule: "frequency >= 5" }
            tiers:
              - { name: t, rule: '"loyal" in tags and monetary_365d >= 100' }

            """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    // MARK: Tier order

    @Test func tiersWhoseThresholdsDoNotRiseAreWarned() throws {
        let (_, diagnostics) = try Self.plan(Self.withCampaign("""
            tiers:
              - { name: a, rule: "monetary_365d >= 500" }
              - { name: b, rule: "monetary_365d > 500" }
              - { name: c, rule: "clv_90d >= 10" }
              - { name: d, rule: "monetary_365d >= 400 and clv_90d >= 0" }
              - { name: e, rule: "clv_90d >= -1" }
              - { name: f, rule: "monetary_365d >= 501" }

            """))
        // b (> 500) starts above a (>= 500); d is not of the form; e drops below c; f is above b.
        #expect(diagnostics.map { $0.formatted(file: "p.yaml") } == [
            "p.yaml:11:23: warning: tier 'e' starts at or below tier 'c' ('clv_90d' >= -1 after >= 10): list tiers from low to high, a customer gets the highest whose rule matches",
        ])
    }

    @Test func theValidationSummaryCountsTagsAndTiersOnlyWhenPresent() throws {
        let (plan, _) = try Self.plan(Self.example)
        #expect(Language.$override.withValue(.english) { ValidationReport.summary(plan, file: "p.yaml", warnings: 0) }
            == "p.yaml: ok: 0 channels, 1 segment, 0 phases, 0 tasks, 0 alert rules, 1 tag, 3 tiers")
        let (bare, _) = try Self.plan(Self.withCampaign(""))
        #expect(Language.$override.withValue(.chinese) { ValidationReport.summary(plan, file: "p.yaml", warnings: 0) }
            .hasSuffix("、1 个标签、3 个会员等级"))
        #expect(!Language.$override.withValue(.english) { ValidationReport.summary(bare, file: "p.yaml", warnings: 0) }.contains("tag"))
    }
}
