@testable import CampaignCore
import Testing

/// The lifecycle decision table, row by row, at and around every boundary
/// (new 30, silent 90, churned 180 days), worked out by hand.
@Suite struct LifecycleTests {
    @Test(arguments: [
        // first, recency, last browse, browses → stage
        (30, 30, nil, 0, Lifecycle.new),          // first purchase on the 30th day back: still new
        (31, 31, nil, 0, .active),                // one day older, bought within 90
        (400, 90, nil, 0, .active),               // a purchase exactly 90 days back
        (400, 91, 5, 2, .silent),                 // no purchase for 91 days, two browses within them
        (400, 91, 5, 1, .dormant),                // one browse is not enough
        (400, 150, nil, 0, .dormant),             // quiet, not yet 180 days
        (400, 180, nil, 0, .dormant),             // exactly 180 days: not yet churned
        (400, 181, nil, 0, .churned),             // 181 days and nothing else
        (400, 181, 180, 0, .dormant),             // a browse 180 days back keeps them from churned
        (400, 181, 181, 0, .churned),
        (400, 200, 3, 2, .silent),                // recent browses: silent, however old the last purchase
        (10, 200, nil, 0, .new),                  // impossible in data (first after last), but the table is total
    ] as [(Int, Int, Int?, Int, Lifecycle)])
    func stage(first: Int, recency: Int, lastBehaviour: Int?, browses: Int, expected: Lifecycle) {
        #expect(Lifecycle.of(firstPurchaseDays: first, recencyDays: recency, lastBehaviourDays: lastBehaviour,
                             browsesAndCartAdds: browses) == expected)
    }

    @Test func aPlanTunesTheDays() {
        let rules = Lifecycle.Rules(newDays: 7, silentDays: 30, churnedDays: 60)
        #expect(Lifecycle.of(firstPurchaseDays: 8, recencyDays: 8, lastBehaviourDays: nil, browsesAndCartAdds: 0, rules: rules) == .active)
        #expect(Lifecycle.of(firstPurchaseDays: 90, recencyDays: 61, lastBehaviourDays: nil, browsesAndCartAdds: 0, rules: rules) == .churned)
    }

    @Test func valueLevelsSplitTheMonetaryScore() {
        #expect([1, 2, 3, 4, 5].map { ValueLevel(mScore: $0) } == [.low, .low, .mid, .high, .high])
        #expect(ValueLevel.allCases.count * Lifecycle.allCases.count == 15, "the matrix's 3 × 5 cells")
    }
}
