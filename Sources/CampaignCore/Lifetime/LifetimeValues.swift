/// What each customer is worth over the next `horizonDays`, from the two
/// models fitted on everyone's purchases up to `calibrationEnd`: the chance
/// they are still a customer (`pAlive`), how many purchase days to expect,
/// and those times the spend Gamma-Gamma expects of them (`clv`, undiscounted:
/// a quarter's horizon is too short for discounting to matter).
///
/// When a model does not converge its figures are nil — "no data" — rather
/// than numbers from a model that does not describe the customers.
public struct LifetimeValues: Sendable {
    public struct Values: Equatable, Sendable {
        public var pAlive: Double
        public var expectedPurchases: Double
        /// nil when the spend model did not converge.
        public var clv: Double?
    }

    public let calibrationEnd: Day
    public let horizonDays: Int
    public let purchases: ModelFit<BGNBDModel>
    public let spend: ModelFit<GammaGammaModel>
    /// By customer index of the purchase history; nil for a customer whose
    /// first purchase is after `calibrationEnd`, or when `purchases` did not converge.
    private let values: [Values?]

    public subscript(customer index: Int) -> Values? { values[index] }

    public init(history: PurchaseHistory, calibrationEnd: Day, horizonDays: Int = 90) {
        self.calibrationEnd = calibrationEnd
        self.horizonDays = horizonDays
        let summaries = (0..<history.customerCount).map { history.repeatPurchases(ofCustomer: $0, calibrationEnd: calibrationEnd) }
        let known = summaries.compactMap { $0 }
        let purchases = BGNBDModel.fit(known)
        let spend = GammaGammaModel.fit(known)
        self.purchases = purchases
        self.spend = spend
        guard purchases.converged else {
            values = Array(repeating: nil, count: summaries.count)
            return
        }
        let horizon = Double(horizonDays)
        values = summaries.map { summary in
            guard let summary else { return nil }
            let expected = purchases.model.expectedPurchases(in: horizon, after: summary)
            return Values(pAlive: purchases.model.probabilityAlive(summary), expectedPurchases: expected,
                          clv: spend.converged ? expected * spend.model.expectedAverageSpend(summary) : nil)
        }
    }
}

extension PurchaseHistory {
    /// Customer `index`'s purchases up to `calibrationEnd` as the models see them.
    func repeatPurchases(ofCustomer index: Int, calibrationEnd: Day) -> RepeatPurchaseSummary? {
        let range = offsets[index]..<offsets[index + 1]
        var days: [(day: Day, amount: Double)] = []
        days.reserveCapacity(range.count)
        for position in range {
            let purchase = purchases.base[position]
            days.append((Day(ordinal: Int(purchase.day)), Money(nanos: amounts.amount(of: purchase.amount)).doubleValue))
        }
        return RepeatPurchaseSummary(purchases: days, calibrationEnd: calibrationEnd)
    }
}
