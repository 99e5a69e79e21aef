@testable import CampaignCore
import Testing

/// Features and scores worked out by hand from the definitions in `CustomerFeatures` and `RFMScores`.
@Suite struct SegmentFeatureTests {
    // Latest purchase 2026-06-10, so as of 2026-06-11 by default.
    static let csv = """
    customer_id,date,amount
    A,2026-01-01,100
    A,2026-03-01,50
    A,2026-06-10,30
    B,2026-06-09,200
    C,2026-06-10,80
    C,2026-06-10,20
    D,2026-03-12,90
    D,2026-06-10,90
    E,2025-06-10,500

    """

    @Test func featuresOfEveryCustomerMatchTheHandWorkedValues() throws {
        let base = CustomerBase(history: try readTransactions(Self.csv))
        #expect(base.asOf == Day(year: 2026, month: 6, day: 11), "the day after the latest purchase")
        let c = base.byID()
        // A: ages 161 (Jan 1: 31+28+31+30+31+10), 102 (Mar 1), 1. Gaps 59 (counts) and 101 (does not).
        #expect(c["A"] == CustomerFeatures(recencyDays: 1, frequency: 3, monetary: Money(micros: 180_000_000),
                                           orders30d: 1, orders90d: 1, orders180d: 3, orders365d: 3,
                                           firstPurchaseDays: 161, repurchases: 1, rScore: 3, fScore: 5, mScore: 2).spending(30, 30, 180, 180))
        #expect(c["B"] == CustomerFeatures(recencyDays: 2, frequency: 1, monetary: Money(micros: 200_000_000),
                                           orders30d: 1, orders90d: 1, orders180d: 1, orders365d: 1,
                                           firstPurchaseDays: 2, repurchases: 0, rScore: 2, fScore: 1, mScore: 4).spending(200, 200, 200, 200))
        // C: two purchases on the same day: the second came 0 days after the first, a repurchase.
        #expect(c["C"] == CustomerFeatures(recencyDays: 1, frequency: 2, monetary: Money(micros: 100_000_000),
                                           orders30d: 2, orders90d: 2, orders180d: 2, orders365d: 2,
                                           firstPurchaseDays: 1, repurchases: 1, rScore: 3, fScore: 3, mScore: 1).spending(100, 100, 100, 100))
        // D: Mar 12 → Jun 10 is exactly 90 days (19+30+31+10): inside the window. Age 91 is outside orders_90d.
        #expect(c["D"] == CustomerFeatures(recencyDays: 1, frequency: 2, monetary: Money(micros: 180_000_000),
                                           orders30d: 1, orders90d: 1, orders180d: 2, orders365d: 2,
                                           firstPurchaseDays: 91, repurchases: 1, rScore: 3, fScore: 3, mScore: 2).spending(90, 90, 180, 180))
        // E: 366 days ago: outside orders_365d.
        #expect(c["E"] == CustomerFeatures(recencyDays: 366, frequency: 1, monetary: Money(micros: 500_000_000),
                                           orders30d: 0, orders90d: 0, orders180d: 0, orders365d: 0,
                                           firstPurchaseDays: 366, repurchases: 0, rScore: 1, fScore: 1, mScore: 5).spending(0, 0, 0, 0))
        // growth_90d: A spent 30 in the last 90 days and 150 in the 90 before: 30 / 150 − 1.
        // D spent 90 in each; B, C and E spent nothing in days 91–180, so they have no growth figure.
        #expect(c["A"]?.growth90d == 30.0 / 150 - 1)
        #expect(c["D"]?.growth90d == 0)
        #expect(c["B"]?.growth90d == nil && c["C"]?.growth90d == nil && c["E"]?.growth90d == nil)
        #expect(c["A"]?.aov == 60)
        #expect(c["A"]?.repurchaseRate == 1.0 / 3)
        #expect(c["D"]?.repurchaseRate == 0.5)
    }

    @Test func scoresFollowTheStrictlyWorseCountWithTiesAndTheRecencyReversal() throws {
        let c = CustomerBase(history: try readTransactions(Self.csv)).byID()
        // Recency 1,2,1,1,366: A, C, D tie at 1 day and have 2 customers strictly further away
        // → 1 + ⌊5·2/5⌋ = 3; B has 1 (E) → 2; E has none → 1. Fewer days is the better score.
        #expect(["A", "B", "C", "D", "E"].map { c[$0]!.rScore } == [3, 2, 3, 3, 1])
        // Frequency 3,1,2,2,1: C and D tie (2 strictly smaller → 3); B and E tie at 1.
        #expect(["A", "B", "C", "D", "E"].map { c[$0]!.fScore } == [5, 1, 3, 3, 1])
        // Monetary 180,200,100,180,500: A and D tie (only C smaller → 2).
        #expect(["A", "B", "C", "D", "E"].map { c[$0]!.mScore } == [2, 4, 1, 2, 5])
    }

    @Test func everyoneEqualScoresOneEverywhere() throws {
        let csv = "customer_id,date,amount\n" + (1...7).map { "K\($0),2026-02-01,10\n" }.joined()
        let base = CustomerBase(history: try readTransactions(csv))
        #expect((0..<base.count).allSatisfy { base[$0].rScore == 1 && base[$0].fScore == 1 && base[$0].mScore == 1 })
    }

    @Test func repurchaseWindowIsNinetyDaysInclusive() throws {
        func rate(gap: Int) throws -> Double {
            let first = Day(year: 2026, month: 1, day: 1)!
            let csv = "customer_id,date,amount\nX,\(first),1\nX,\(first + gap),2\n" // different amounts: not duplicates
            return CustomerBase(history: try readTransactions(csv))[0].repurchaseRate
        }
        #expect(try rate(gap: 0) == 0.5)
        #expect(try rate(gap: 90) == 0.5)
        #expect(try rate(gap: 91) == 0)
    }

    @Test func anEarlierAsOfLeavesLaterPurchasesOut() throws {
        let base = CustomerBase(history: try readTransactions(Self.csv), asOf: Day(year: 2026, month: 3, day: 1))
        // Only A (Jan 1 and Mar 1, the as-of day itself: age 0) and E had bought by then.
        let c = base.byID()
        #expect(Set(c.keys) == ["A", "E"])
        #expect(c["A"]?.frequency == 2)
        #expect(c["A"]?.recencyDays == 0)
        #expect(base.purchasesAfterAsOf == 6)
    }

    @Test(arguments: [1, 2, 3, 5, 7, 10, 101, 1000])
    func fastQuintilesAgreeWithTheDefinition(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        let values = (0..<count).map { _ in random.integer(in: 0...(count / 3 + 1)) }
        #expect(RFMScores.higherIsBetter(values).map(Int.init) == RFMScores.byDefinition(values, higherIsBetter: true))
        #expect(RFMScores.lowerIsBetter(values).map(Int.init) == RFMScores.byDefinition(values, higherIsBetter: false))
    }
}

/// Reads CSV text as the command would, in one piece or in chunks of `chunk` bytes.
func readTransactions(_ text: String, columns: TransactionColumns = .default, chunk: Int? = nil) throws -> PurchaseHistory {
    let reader = TransactionReader(columns: columns)
    let bytes = Array(text.utf8)
    let step = chunk ?? max(1, bytes.count)
    var offset = 0
    while offset < bytes.count {
        let upper = min(bytes.count, offset + step)
        try bytes[offset..<upper].withUnsafeBytes { try reader.feed($0) }
        offset = upper
    }
    return try reader.finish()
}

extension CustomerBase {
    /// Features by customer id, for readable expectations.
    func byID() -> [String: CustomerFeatures] {
        Dictionary(uniqueKeysWithValues: (0..<count).map { (customerID($0), self[$0]) })
    }
}

extension CustomerFeatures {
    /// The same features with the spend of the last 30 / 90 / 180 / 365 days, in whole units.
    func spending(_ d30: Int64, _ d90: Int64, _ d180: Int64, _ d365: Int64) -> CustomerFeatures {
        var copy = self
        copy.monetary30d = Money(micros: d30 * 1_000_000)
        copy.monetary90d = Money(micros: d90 * 1_000_000)
        copy.monetary180d = Money(micros: d180 * 1_000_000)
        copy.monetary365d = Money(micros: d365 * 1_000_000)
        return copy
    }
}
