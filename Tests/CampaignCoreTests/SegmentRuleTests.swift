@testable import CampaignCore
import Testing

@Suite struct SegmentRuleTests {
    static let rfmPlan = PlanLoader.load(yaml: DemoCampaign.planText(segments: .rfm)).plan!

    static func customer(r: Int, f: Int, m: Int = 3) -> CustomerFeatures {
        CustomerFeatures(recencyDays: 10, frequency: 2, monetary: Money(micros: 1), orders30d: 0, orders90d: 0,
                         orders180d: 0, orders365d: 0, firstPurchaseDays: 10, repurchases: 0, rScore: r, fScore: f, mScore: m)
    }

    /// The classic RFM map, cell by cell.
    static func expected(r: Int, f: Int) -> String {
        switch (r, f) {
        case (5, 4...5): "champions"
        case (3...4, 4...5): "loyal"
        case (4...5, 2...3): "potential_loyalists"
        case (5, 1): "new_customers"
        case (4, 1): "promising"
        case (3, 3): "need_attention"
        case (3, 1...2): "about_to_sleep"
        case (1...2, 5): "cant_lose"
        case (1...2, 3...4): "at_risk"
        default: "hibernating"
        }
    }

    @Test func everyOneOfTheTwentyFiveRFCellsLandsInExactlyOneSegment() throws {
        let plan = Self.rfmPlan
        // Each rule on its own, so "exactly one" is checked, not just "first match".
        let single = try plan.segments.map { segment in
            try SegmentAssigner(segments: [(segment.id, segment.name, segment.rule)], benchmarks: [])
        }
        let assigner = try SegmentAssigner(plan: plan)
        for r in 1...5 {
            for f in 1...5 {
                for m in 1...5 {
                    let customer = Self.customer(r: r, f: f, m: m)
                    let matching = plan.segments.indices.filter { single[$0].assign(customer) != nil }.map { plan.segments[$0].id }
                    #expect(matching == [Self.expected(r: r, f: f)], "cell r=\(r) f=\(f) m=\(m)")
                    #expect(assigner.assign(customer).map { plan.segments[$0].id } == Self.expected(r: r, f: f))
                }
            }
        }
    }

    @Test func firstMatchingSegmentWinsAndNoMatchIsUnassigned() throws {
        let assigner = try SegmentAssigner(segments: [("big", "Big", "monetary >= 2 * benchmark.aov"), ("any", "Any", "frequency >= 2")],
                                           benchmarks: [("aov", 0.5)])
        var customer = Self.customer(r: 1, f: 1)
        customer.monetary = Money(micros: 1_000_000)
        #expect(assigner.assign(customer) == 0, "matches both; the first wins")
        customer.monetary = Money(micros: 999_999)
        #expect(assigner.assign(customer) == 1)
        customer.frequency = 1
        #expect(assigner.assign(customer) == nil)
    }

    @Test func theCompiledRowAgreesWithTheNamedFields() {
        var customer = CustomerFeatures(recencyDays: 1, frequency: 2, monetary: Money(micros: 3_500_000), orders30d: 4, orders90d: 5,
                                        orders180d: 6, orders365d: 7, firstPurchaseDays: 8, repurchases: 1, rScore: 2, fScore: 3, mScore: 4)
        customer.monetary30d = Money(micros: 1_000_000)
        customer.monetary90d = Money(micros: 2_000_000)
        customer.monetary180d = Money(micros: 3_000_000)
        customer.monetary365d = Money(micros: 3_500_000)
        var row = [Double](repeating: .nan, count: Vocabulary.customerFields.count)
        row.withUnsafeMutableBufferPointer { SegmentAssigner.fill($0, with: customer) }
        #expect(row == Vocabulary.customerFields.map { customer.value(of: $0)! })
        // growth_90d = 2 / (3 − 2) − 1 by hand; with nothing spent in days 91–180 it is no data (NaN in the row).
        #expect(customer.value(of: "growth_90d") == 1)
        customer.monetary180d = customer.monetary90d
        row.withUnsafeMutableBufferPointer { SegmentAssigner.fill($0, with: customer) }
        #expect(customer.value(of: "growth_90d") == nil)
        #expect(row[Vocabulary.customerFields.firstIndex(of: "growth_90d")!].isNaN)
    }

    // MARK: - plan validate: shadowed segments (ShadowedSegments, all 125 score cells)

    static func planWithExtraSegments(_ lines: String) -> PlanLoader.Result {
        let anchor = "  - { id: hibernating,         name: 休眠客户,     rule: r_score <= 2 and f_score <= 2 }\n"
        let text = DemoCampaign.planText(segments: .rfm)
        precondition(text.contains(anchor))
        return PlanLoader.load(yaml: text.replacingOccurrences(of: anchor, with: anchor + lines))
    }

    @Test func aLaterScoreOnlyRuleThatEarlierRulesCoverIsReported() throws {
        let result = Self.planWithExtraSegments("  - { id: big_spenders, name: 高消费, rule: m_score >= 4 }\n")
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message == "segment 'big_spenders' can never match: earlier rules (champions, loyal, potential_loyalists, "
            + "new_customers, promising, need_attention, about_to_sleep, cant_lose, at_risk, hibernating) already take every customer it would")
        #expect(!result.diagnostics.hasErrors)
        // The warning points at the rule text.
        let line = DemoCampaign.planText(segments: .rfm).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("id: hibernating") }! + 2
        #expect(warnings.first?.location.line == line)
    }

    @Test func aRuleNoScoreCellSatisfiesIsReported() throws {
        let result = Self.planWithExtraSegments("  - { id: impossible, name: 不可能, rule: r_score > 5 or f_score < 1 }\n")
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.message) == ["segment 'impossible' can never match: no combination of r_score, f_score and m_score (1-5) satisfies its rule"])
    }

    @Test func aSegmentReachingAnyUncoveredCellIsNotReported() throws {
        // Drop hibernating so (1-2, 1-2) is free again: a later rule there is reachable.
        let text = DemoCampaign.planText(segments: .rfm)
            .replacingOccurrences(of: "rule: r_score <= 2 and f_score <= 2 }", with: "rule: r_score <= 2 and f_score <= 1 }")
        let result = PlanLoader.load(yaml: text.replacingOccurrences(
            of: "rule: r_score <= 2 and f_score <= 1 }\n", with: "rule: r_score <= 2 and f_score <= 1 }\n  - { id: dozing, name: 打盹, rule: f_score <= 2 }\n"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test func rulesReadingOtherFieldsAreNotJudged() throws {
        // Whether `recency_days > 1000` catches anyone depends on the data, so nothing after it is judged.
        let result = Self.planWithExtraSegments("  - { id: ancient, name: 远古, rule: recency_days > 1000 }\n  - { id: never, name: 从不, rule: r_score > 9 }\n")
        #expect(result.diagnostics.isEmpty)
    }
}
