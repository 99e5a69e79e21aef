/// Every customer who had bought something by the as-of date, with features
/// and R/F/M scores (SPEC §6). Customer `i` here is the i-th such customer
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
        var members: [Int32] = []
        var features: [CustomerFeatures] = []
        members.reserveCapacity(history.customerCount)
        features.reserveCapacity(history.customerCount)
        var counted = 0
        history.days.withUnsafeBufferPointer { days in
            history.amountMicros.withUnsafeBufferPointer { amounts in
                for customer in 0..<history.customerCount {
                    let range = history.offsets[customer]..<history.offsets[customer + 1]
                    guard let measured = CustomerFeatures.measure(days: UnsafeBufferPointer(rebasing: days[range]),
                                                                  amounts: UnsafeBufferPointer(rebasing: amounts[range]),
                                                                  asOf: asOf.ordinal) else { continue }
                    members.append(Int32(truncatingIfNeeded: customer))
                    features.append(measured)
                    counted += measured.frequency
                }
            }
        }
        let r = RFMScores.lowerIsBetter(features.map(\.recencyDays))
        let f = RFMScores.higherIsBetter(features.map(\.frequency))
        let m = RFMScores.higherIsBetter(features.map(\.monetary.micros))
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
