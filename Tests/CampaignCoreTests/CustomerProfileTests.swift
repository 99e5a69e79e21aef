@testable import CampaignCore
import Testing

/// A customers file joined to purchases: merged ids, lifecycle, attributes in
/// rules, the value × lifecycle matrix and completeness, worked out by hand.
@Suite struct CustomerProfileTests {
    // As of 2026-07-01. A: 11 days ago (new). B: Jan 1 (181 days) and May 1 (61 days): active.
    // C: 2025-12-01, 212 days (31+31+28+31+30+31+30): churned. D: Feb 15, 136 days (13+31+30+31+30+1): dormant.
    // E shares B's phone, so E's purchase of Jun 25 is B's.
    static let transactions = """
    customer_id,date,amount
    A,2026-06-20,10
    B,2026-01-01,50
    C,2025-12-01,40
    E,2026-06-25,5
    B,2026-05-01,70
    D,2026-02-15,30

    """
    static let customers = """
    customer_id,phone,gender,age
    B,138,M,30
    E,138,,
    A,139,女,150

    """
    static let asOf = Day(year: 2026, month: 7, day: 1)

    static func segmentation(rules: [(id: String, name: String, rule: String)] = []) throws -> Segmentation {
        let attributes = try CustomerAttributesReader.read(customers, mergeOn: "phone")
        var yaml = """
        campaign:
          id: c
          name: C
          start: 2026-06-01
          budget: 1
          customers: { file: people.csv, columns: { phone: text, gender: text, age: number } }
        segments:

        """
        for rule in rules { yaml += "  - { id: \(rule.id), name: \(rule.name), rule: '\(rule.rule)' }\n" }
        let loaded = PlanLoader.load(yaml: yaml)
        let plan = try #require(loaded.plan, "\(loaded.diagnostics)")
        let context = CustomerContext(attributes: attributes, declaredColumns: [("phone", false), ("gender", false), ("age", true)])
        return try Segmentation(history: try readTransactions(transactions), plan: plan, asOf: asOf, context: context)
    }

    @Test func aMergedIDsPurchasesBecomeTheStandingCustomers() throws {
        let base = try Self.segmentation().customers
        let c = base.byID()
        #expect((0..<base.count).map(base.customerID) == ["A", "B", "C", "D"], "E is B; the order is of first appearance")
        let b = try #require(c["B"])
        // 50 + 70 + 5 over three days; the last, Jun 25, is E's: 6 days before the as-of day.
        #expect(b.frequency == 3 && b.monetary == Money(micros: 125_000_000) && b.recencyDays == 6 && b.firstPurchaseDays == 181)
        #expect(b.repurchases == 1, "May 1 is 120 days after Jan 1 (no); Jun 25 is 55 after May 1 (yes)")
    }

    @Test func eachCustomerHasTheirLifecycleStage() throws {
        let segmentation = try Self.segmentation()
        let stages = try #require(segmentation.profiles).lifecycle
        #expect(stages == [.new, .active, .churned, .dormant])
    }

    @Test func theMatrixCountsValueLevelByStage() throws {
        // Monetary A 10 < D 30 < C 40 < B 125: m_score 1 + ⌊5 × smaller / 4⌋ = 1, 2, 3, 4 for A, D, C, B.
        let summary = ProfileSummary(try Self.segmentation())
        let cells = Dictionary(uniqueKeysWithValues: summary.matrix.map { ($0.level, $0.customers) })
        // Stages in order new, active, silent, churned, dormant.
        #expect(cells[.high] == [0, 1, 0, 0, 0], "B")
        #expect(cells[.mid] == [0, 0, 0, 1, 0], "C")
        #expect(cells[.low] == [1, 0, 0, 0, 1], "A and D")
        #expect(summary.lifecycle.map(\.customers) == [1, 1, 0, 1, 1])
    }

    @Test func completenessIsOverTheFilesCustomersAfterMerging() throws {
        let summary = ProfileSummary(try Self.segmentation())
        // Two customers after the merge (B with E, and A); A's age 150 was refused.
        #expect(summary.describedCustomers == 2 && summary.mergedIDs == 1)
        #expect(summary.completeness.map(\.column) == ["phone", "gender", "age"])
        #expect(summary.completeness.map(\.share) == [1, 1, 0.5])
    }

    @Test func aRuleReadsANumberColumnAndAnUnknownValueNeverMatches() throws {
        let segmentation = try Self.segmentation(rules: [("young", "Young", "age < 40"), ("all", "All", "frequency >= 1")])
        // B is 30; A's age was refused, C and D are not in the file: unknown, so not young.
        #expect((0..<4).map(segmentation.segmentID) == ["all", "young", "all", "all"])
    }

    @Test func withoutACustomersFileNothingIsMerged() throws {
        let history = try readTransactions(Self.transactions)
        let same = history.merging { _ in nil }
        #expect(same.customerCount == 5 && same.purchaseCount == history.purchaseCount)
    }

    @Test func eachSegmentsPortraitCountsItsOwnMembers() throws {
        let segmentation = try Self.segmentation(rules: [("young", "Young", "age < 40"), ("all", "All", "frequency >= 1")])
        let portraits = SegmentPortrait.of(segmentation)
        let young = try #require(portraits["young"]), all = try #require(portraits["all"])
        // young is B alone: active, 男, 30 (band 25–34). all is A (new), C (churned), D (dormant).
        #expect(young.customers == 1 && young.lifecycle == [0, 1, 0, 0, 0])
        #expect(all.customers == 3 && all.lifecycle == [1, 0, 0, 1, 1])
        #expect(young.averageCLV == nil, "no lifetime fit was asked for")
        let youngTraits = Dictionary(uniqueKeysWithValues: young.traits.map { ($0.column, $0) })
        #expect(youngTraits["gender"]?.values.map(\.value) == ["男"] && youngTraits["age"]?.values.map(\.value) == ["25–34"])
        let allTraits = Dictionary(uniqueKeysWithValues: all.traits.map { ($0.column, $0) })
        // Only A is in the file: 女, and an age that was refused.
        #expect(allTraits["gender"]?.known == 1 && allTraits["gender"]?.values.first?.value == "女")
        #expect(allTraits["age"]?.known == 0)
        #expect(portraits["unassigned"]?.customers == 0)
    }

    @Test func ageBandsAsTheTemplatesCutThem() {
        #expect([0, 17, 17.9, 18, 24.5, 25, 34, 35, 44, 45, 54, 55, 120].map(SegmentPortrait.ageBand)
                == ["0–17", "0–17", "0–17", "18–24", "18–24", "25–34", "25–34", "35–44", "35–44", "45–54", "45–54", "55+", "55+"])
    }
}
