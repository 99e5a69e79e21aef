/// One customer's purchases as the buy-till-you-die models see them, in days:
/// how many days after the first they bought again (`repeatPurchases`; several
/// orders on one day are one purchase), the day of the last of those counted
/// from the first (`recency`, 0 without repeats), and how long they have been
/// a customer at the end of the calibration period (`age`, the models' T).
public struct RepeatPurchaseSummary: Equatable, Sendable {
    public var repeatPurchases: Int
    public var recency: Double
    public var age: Double
    /// The average of the repeat purchase days' totals (what Gamma-Gamma
    /// models); nil without repeats. The first purchase is left out: it is
    /// what made them a customer, not a sign of what they will spend.
    public var averageRepeatSpend: Double?

    public init(repeatPurchases: Int, recency: Double, age: Double, averageRepeatSpend: Double? = nil) {
        self.repeatPurchases = repeatPurchases
        self.recency = recency
        self.age = age
        self.averageRepeatSpend = averageRepeatSpend
    }

    /// The history of one customer's purchases `(day, amount)` up to and
    /// including `calibrationEnd`; nil when the customer's first purchase is
    /// after it (they were not a customer yet).
    public init?(purchases: [(day: Day, amount: Double)], calibrationEnd: Day) {
        var totals: [Day: Double] = [:]
        for purchase in purchases where purchase.day <= calibrationEnd { totals[purchase.day, default: 0] += purchase.amount }
        let days = totals.keys.sorted()
        guard let first = days.first, let last = days.last else { return nil }
        let repeats = days.dropFirst()
        self.init(repeatPurchases: repeats.count, recency: Double(last - first), age: Double(calibrationEnd - first),
                  averageRepeatSpend: repeats.isEmpty ? nil : repeats.reduce(0) { $0 + totals[$1]! } / Double(repeats.count))
    }

    /// The same history with times in another unit (7 for weeks), as the
    /// published fits are.
    public func measured(inUnitsOf days: Double) -> RepeatPurchaseSummary {
        RepeatPurchaseSummary(repeatPurchases: repeatPurchases, recency: recency / days, age: age / days,
                        averageRepeatSpend: averageRepeatSpend)
    }
}
