@testable import CampaignCore
import Testing

/// The segmentation's read-only view of each customer (top labels, tenure,
/// last activity), what is left out when the data has none, and the
/// earlier-90-days spend that growth_90d and the listing share; worked by hand.
@Suite struct CustomerDetailsTests {
    // As of 2026-07-01. A: 2026-01-01 (181 days) and 2026-06-01 (30 days).
    // B: 2026-07-01 only. A joined 2025-07-01 (365 days); B's registered_at is after B's first
    // purchase, so B's tenure is the first purchase's 0 days (the larger of the two).
    static let transactions = """
    customer_id,date,amount,category,channel
    A,2026-01-01,30,shoes,
    A,2026-06-01,10,bags,app
    B,2026-07-01,20,,web

    """
    static let customers = "customer_id,registered_at\nA,2025-07-01\nB,2026-07-05\n"

    static func segmentation(transactions: String = transactions, customers: String? = customers,
                             behaviour: BehaviourHistory? = nil) throws -> Segmentation {
        let plan = try #require(PlanLoader.load(yaml: "campaign: { id: c, name: C, start: 2026-06-01, budget: 1 }\nsegments: []\n").plan)
        let attributes = try customers.map { try CustomerAttributesReader.read($0, mergeOn: nil) }
        let context = CustomerContext(attributes: attributes, behaviour: behaviour)
        return try Segmentation(history: try readTransactions(transactions), plan: plan, asOf: Day(iso: "2026-07-01"), context: context)
    }

    @Test func topLabelsTenureAndLastActivityByHand() throws {
        let details = try Self.segmentation().details
        // A: shoes 30 and bags 10, one row each: the larger total wins. A's only channel is app.
        #expect(details.topCategory(ofCustomer: 0) == "shoes" && details.topChannel(ofCustomer: 0) == "app")
        #expect(details.topCategory(ofCustomer: 1) == nil && details.topChannel(ofCustomer: 1) == "web")
        #expect(details.tenureDays(ofCustomer: 0) == 365 && details.tenureDays(ofCustomer: 1) == 0)
        // Without behaviour the last activity is the last purchase.
        #expect(details.lastActiveDays(ofCustomer: 0) == 30 && details.lastActiveDays(ofCustomer: 1) == 0)
    }

    @Test func whatTheDataLacksIsNotBuilt() throws {
        let plain = try Self.segmentation(transactions: "customer_id,date,amount\nA,2026-01-01,30\nA,2026-06-01,10\n", customers: nil)
        #expect(plain.details.topCategories == nil && plain.details.topChannels == nil)
        #expect(plain.details.registeredTenure == nil, "no customers file")
        #expect(plain.details.tenureDays(ofCustomer: 0) == 181, "the first purchase, 2026-01-01, is 181 days before 07-01")
        #expect(plain.profiles?.activity == nil, "no behaviour: no empty activity per customer")
        let noRegistered = try Self.segmentation(customers: "customer_id,gender\nA,女\n")
        #expect(noRegistered.details.registeredTenure == nil && noRegistered.details.tenureDays(ofCustomer: 0) == 181)
        #expect(try Self.segmentation().details.registeredTenure == [365, 0])
    }

    @Test func growthAndTheListingShareTheEarlierSpend() throws {
        // As of 2026-07-01: 06-01 (30 days) is in the last 90; 2026-03-01 (122 days) and
        // 2026-02-01 (150 days) in the 90 before; 2026-01-01 (181 days) in neither.
        let text = "customer_id,date,amount\nA,2026-01-01,1000\nA,2026-02-01,50\nA,2026-03-01,30\nA,2026-06-01,100\nB,2026-07-01,5\n"
        let segmentation = try Self.segmentation(transactions: text, customers: nil)
        let a = segmentation.customers[0], b = segmentation.customers[1]
        #expect(a.earlierSpend90d == Money(micros: 80_000_000) && b.earlierSpend90d == nil)
        #expect(a.growth90d == 0.25 && b.growth90d == nil, "100 / 80 − 1; B has no earlier spend")
        var csv = ""
        SegmentReport.writeCustomersCSV(segmentation) { csv += $0 }
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = try #require(rows[0].firstIndex(of: "growth_90d"))
        #expect(rows[1][column] == "0.25" && rows[2][column] == "", "\(csv)")
    }
}
