@testable import CampaignCore
import CampaignText
import Testing

/// Each segment's top categories and channels, counted by hand: the
/// portrait, `segment --summary`'s JSON and its table in both languages.
@Suite struct SegmentTopLabelTests {
    // Per customer, as `top_category` decides (most rows, then larger total, then smaller name):
    // A shoes (2 rows of 3), app (2 of 3); total 120.
    // B bags (2 rows); web 60 and store 70, one row each: store (larger total); total 130.
    // C toys, web; 100.   D Hats, app; 200.
    // E no category or channel (both empty); 20.
    // F toys 10 and shoes 10, one row each, same total: shoes (smaller name); app; 20.
    // G toys, web; 5.
    static let transactions = """
    customer_id,date,amount,category,channel
    A,2026-03-01,50,shoes,app
    A,2026-03-02,30,shoes,app
    A,2026-03-03,40,bags,web
    B,2026-03-01,60,bags,web
    B,2026-03-02,70,bags,store
    C,2026-03-04,100,toys,web
    D,2026-03-05,200,Hats,app
    E,2026-03-05,20,,
    F,2026-03-06,10,toys,app
    F,2026-03-07,10,shoes,app
    G,2026-03-08,5,toys,web

    """

    static func plan(_ rules: [(String, String)]) throws -> Plan {
        var yaml = "campaign: { id: c, name: C, start: 2026-03-01, budget: 1 }\nsegments:\n"
        for (id, rule) in rules { yaml += "  - { id: \(id), name: \(id.uppercased()), rule: '\(rule)' }\n" }
        let loaded = PlanLoader.load(yaml: yaml)
        return try #require(loaded.plan, "\(loaded.diagnostics)")
    }

    /// `big` (monetary ≥ 100): A, B, C, D. `small` (the rest): E, F, G.
    static func segmentation(_ text: String = transactions) throws -> (Segmentation, PurchaseHistory) {
        let history = try readTransactions(text)
        let plan = try plan([("big", "monetary >= 100"), ("small", "frequency >= 1")])
        return (try Segmentation(history: history, plan: plan), history)
    }

    static func named(_ trait: SegmentPortrait.Trait?) -> [String] {
        trait?.values.map { "\($0.value) \($0.customers)" } ?? ["nil"]
    }

    @Test func theLargestThreeWithTiesByNameInByteOrder() throws {
        let portraits = SegmentPortrait.of(try Self.segmentation().0)
        let big = try #require(portraits["big"]), small = try #require(portraits["small"])
        // big: bags, Hats, shoes, toys once each: by bytes 'H' (0x48) comes before 'b' (0x62); toys is fourth, left out.
        #expect(Self.named(big.topCategories) == ["Hats 1", "bags 1", "shoes 1"])
        #expect(big.topCategories?.known == 4)
        // app for A and D, store for B, web for C.
        #expect(Self.named(big.topChannels) == ["app 2", "store 1", "web 1"])
        // small: E has none; F shoes, G toys; F app, G web.
        #expect(Self.named(small.topCategories) == ["shoes 1", "toys 1"] && small.topCategories?.known == 2)
        #expect(Self.named(small.topChannels) == ["app 1", "web 1"] && small.topChannels?.known == 2)
        let nobody = try #require(portraits["unassigned"])
        #expect(nobody.customers == 0 && nobody.topCategories?.values.isEmpty == true && nobody.topCategories?.known == 0)
    }

    @Test func noColumnNoTopLabels() throws {
        let onlyCategory = try Self.segmentation("customer_id,date,amount,category\nA,2026-03-01,50,shoes\nB,2026-03-02,150,\n").0
        let big = try #require(SegmentPortrait.of(onlyCategory)["big"])
        #expect(big.topChannels == nil, "no channel column")
        #expect(Self.named(big.topCategories) == [] && big.topCategories?.known == 0, "B's only row has no category")
        let plain = try Self.segmentation("customer_id,date,amount\nA,2026-03-01,50\n")
        #expect(SegmentPortrait.of(plain.0)["small"]?.topCategories == nil)
        let json = SegmentReport.summaryJSON(plain.0, history: plain.1).serialized()
        #expect(!json.contains("top_categories") && !json.contains("top_channels"))
        #expect(!SegmentReport.summaryTable(plain.0, history: plain.1).contains("Top categories"))
    }

    @Test func theSummaryJSONNamesThemPerSegment() throws {
        let (segmentation, history) = try Self.segmentation()
        let json = SegmentReport.summaryJSON(segmentation, history: history).serialized()
        #expect(json.contains(#""top_categories": [{"name": "Hats", "customers": 1},{"name": "bags", "customers": 1},{"name": "shoes", "customers": 1}]"#), "\(json)")
        #expect(json.contains(#""top_channels": [{"name": "app", "customers": 2},{"name": "store", "customers": 1},{"name": "web", "customers": 1}]"#))
        #expect(json.contains(#""top_categories": [{"name": "shoes", "customers": 1},{"name": "toys", "customers": 1}]"#))
        #expect(json.contains(#""top_categories": [], "top_channels": []"#), "unassigned has no members")
    }

    @Test func theSummaryTableInBothLanguages() throws {
        let (segmentation, history) = try Self.segmentation()
        let english = Language.$override.withValue(.english) { SegmentReport.summaryTable(segmentation, history: history) }
        // Shares of the segment's members: 1 of 4 is 25%, 2 of 4 50%, 1 of 3 33%.
        #expect(english.contains("""
        Top categories and channels by segment (share of members)
        segment  Top categories                   Top channels
        big      Hats 25% · bags 25% · shoes 25%  app 50% · store 25% · web 25%
        small    shoes 33% · toys 33%             app 33% · web 33%

        """), "\(english)")
        let chinese = Language.$override.withValue(.chinese) { SegmentReport.summaryTable(segmentation, history: history) }
        #expect(chinese.contains("\n各客群的偏好品类与渠道（占客群人数比例）\n"), "\(chinese)")
        let heading = try #require(chinese.split(separator: "\n").first { $0.contains("偏好品类") && !$0.contains("比例") })
        #expect(heading.split(separator: " ") == ["客群", "偏好品类", "偏好渠道"])
        #expect(chinese.contains("small  shoes 33% · toys 33%"))
        for line in chinese.split(separator: "\n") where line.contains("偏好") {
            #expect(EnglishWords.find(in: String(line)).isEmpty, "\(line)")
        }
    }
}
