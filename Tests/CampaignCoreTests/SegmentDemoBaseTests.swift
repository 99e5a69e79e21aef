@testable import CampaignCore
import Testing

@Suite struct SegmentDemoBaseTests {
    @Test func theDemoBaseSplitsRoughlyFortyThirtyFiveTwentyFive() throws {
        let segmentation = try DemoCustomerBase.segmentation()
        #expect(segmentation.customers.count == DemoCustomerBase.defaultCustomerCount)
        #expect(segmentation.customers.asOf == DemoCustomerBase.asOf)
        let shares = Dictionary(uniqueKeysWithValues: segmentation.summary().map { ($0.id, $0.share) })
        #expect(abs(shares["vip"]! - 0.40) < 0.02)
        #expect(abs(shares["lapsed"]! - 0.35) < 0.02)
        #expect(abs(shares["rising"]! - 0.25) < 0.02)
        #expect(shares["unassigned"]! < 0.03)
    }

    @Test func theSameSeedGivesTheSameBaseAndTheCSVReadsBack() throws {
        let rows = DemoCustomerBase.transactions(customers: 300, seed: 7)
        #expect(rows == DemoCustomerBase.transactions(customers: 300, seed: 7))
        #expect(rows != DemoCustomerBase.transactions(customers: 300, seed: 8))
        var csv = ""
        DemoCustomerBase.writeCSV(rows) { csv += $0 }
        let history = try readTransactions(csv)
        #expect(history.purchaseCount == rows.count)
        #expect(history.rejected.isEmpty)
        #expect(history.customerCount == 300)
        #expect(history.defaultAsOf == DemoCustomerBase.asOf)
    }
}
