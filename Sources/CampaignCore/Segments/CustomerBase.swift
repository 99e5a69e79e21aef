/// Every customer who had bought something by the as-of date, with features
/// and R/F/M scores. Customer `i` here is the i-th such customer
/// in order of first appearance in the file.
public struct CustomerBase: Sendable {
    /// The day features are measured at; nil only when there were no purchases.
    public let asOf: Day?
    private let allIDs: CustomerIDs
    /// Index into `allIDs` of each customer in the base.
    private let members: [Int32]
    private let features: [CustomerFeatures]
    /// Purchases dated after `asOf`: not yet made as of that day, so not counted.
    public let purchasesAfterAsOf: Int

    public var count: Int { features.count }

    public func customerID(_ index: Int) -> String { allIDs[Int(members[index])] }

    /// The purchase history's index of customer `index` (for `LifetimeValues`).
    public func historyIndex(_ index: Int) -> Int { Int(members[index]) }

    public subscript(index: Int) -> CustomerFeatures { features[index] }

    /// Measures every customer of `history` as of `asOf` (default: the day
    /// after the latest purchase), then scores them against each other.
    public init(history: PurchaseHistory, asOf: Day? = nil) {
        let asOf = asOf ?? history.defaultAsOf
        self.asOf = asOf
        allIDs = history.customerIDs
        guard let asOf else {
            members = []
            features = []
            purchasesAfterAsOf = 0
            return
        }
        // Measured in two customer ranges on two threads, each range written
        // from its own start; then the second range moves down over the gap
        // that customers with no purchase by `asOf` left in the first.
        let customerCount = history.customerCount
        let ranges = ParallelWork.ranges(customerCount, pieces: customerCount >= 1 << 12 ? ParallelWork.pieces : 1)
        let memberSlots = UnsafeMutablePointer<Int32>.allocate(capacity: max(customerCount, 1))
        defer { memberSlots.deallocate() }
        // Per range: customers kept, and their purchases.
        let tallies = UnsafeMutablePointer<(kept: Int, purchases: Int)>.allocate(capacity: ranges.count)
        defer { tallies.deallocate() }
        // Raw pointers in the loops: both threads touching the arrays' and the
        // store's reference counts would bounce those counts between cores.
        let grouped = UnsafePointer(history.purchases.base)
        var features = [CustomerFeatures](unsafeUninitializedCapacity: customerCount) { features, initializedCount in
            let slots = features.baseAddress
            history.offsets.withUnsafeBufferPointer { offsets in
                ParallelWork.run(ranges.count) { r in
                    var next = ranges[r].lowerBound, purchases = 0
                    for customer in ranges[r] {
                        let purchasesOfCustomer = UnsafeBufferPointer(start: grouped + offsets[customer],
                                                                      count: offsets[customer + 1] - offsets[customer])
                        guard let measured = CustomerFeatures.measure(purchasesOfCustomer, asOf: asOf.ordinal,
                                                                                 amounts: history.amounts) else { continue }
                        memberSlots[next] = Int32(truncatingIfNeeded: customer)
                        (slots! + next).initialize(to: measured)
                        next += 1
                        purchases += measured.frequency
                    }
                    tallies[r] = (next - ranges[r].lowerBound, purchases)
                }
            }
            var total = 0
            for (r, range) in ranges.enumerated() {
                let kept = tallies[r].kept
                if range.lowerBound != total, kept > 0 {
                    (memberSlots + total).moveInitialize(from: memberSlots + range.lowerBound, count: kept)
                    (slots! + total).moveInitialize(from: slots! + range.lowerBound, count: kept)
                }
                total += kept
            }
            initializedCount = total
        }
        let members = Array(UnsafeBufferPointer(start: memberSlots, count: features.count))
        let counted = (0..<ranges.count).reduce(0) { $0 + tallies[$1].purchases }
        // The three scores are independent: recency on one thread, frequency and monetary on the other.
        var r: [UInt8] = [], f: [UInt8] = [], m: [UInt8] = []
        ParallelWork.run(2) { piece in
            if piece == 0 {
                r = RFMScores.lowerIsBetter(features.map(\.recencyDays))
            } else {
                f = RFMScores.higherIsBetter(features.map(\.frequency))
                m = RFMScores.higherIsBetter(features.map(\.monetary.nanos))
            }
        }
        for i in features.indices {
            features[i].rScore = Int(r[i])
            features[i].fScore = Int(f[i])
            features[i].mScore = Int(m[i])
        }
        self.members = members
        self.features = features
        purchasesAfterAsOf = history.purchaseCount - counted
    }
}
