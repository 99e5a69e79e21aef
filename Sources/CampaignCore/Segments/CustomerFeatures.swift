/// What segmentation knows about one customer as of a day: the fields segment
/// rules read (`Vocabulary.customerFields`).
public struct CustomerFeatures: Sendable, Hashable {
    /// Whole days from the last purchase to the as-of date.
    public var recencyDays: Int
    /// Purchase rows (exact duplicates counted once).
    public var frequency: Int
    /// Total amount, exact.
    public var monetary: Money
    /// Purchases at most 30 / 90 / 180 / 365 days before the as-of date
    /// (`as_of − day ≤ N`): with the default as-of, the last N calendar days
    /// of the data, the latest day included.
    public var orders30d: Int
    public var orders90d: Int
    public var orders180d: Int
    public var orders365d: Int
    /// Spend of the purchases at most 30 / 90 / 180 / 365 days before the
    /// as-of date, by the same rule as `orders30d` …, exact.
    public var monetary30d: Money = .zero
    public var monetary90d: Money = .zero
    public var monetary180d: Money = .zero
    public var monetary365d: Money = .zero
    /// Days from the first purchase to the as-of date.
    public var firstPurchaseDays: Int
    /// Purchases that came within 90 days after an earlier one (see `repurchaseRate`).
    public var repurchases: Int
    public var rScore: Int
    public var fScore: Int
    public var mScore: Int

    public init(recencyDays: Int, frequency: Int, monetary: Money, orders30d: Int, orders90d: Int, orders180d: Int,
                orders365d: Int, firstPurchaseDays: Int, repurchases: Int, rScore: Int = 0, fScore: Int = 0, mScore: Int = 0) {
        self.recencyDays = recencyDays
        self.frequency = frequency
        self.monetary = monetary
        self.orders30d = orders30d
        self.orders90d = orders90d
        self.orders180d = orders180d
        self.orders365d = orders365d
        self.firstPurchaseDays = firstPurchaseDays
        self.repurchases = repurchases
        self.rScore = rScore
        self.fScore = fScore
        self.mScore = mScore
    }

    /// Average order value: monetary / frequency.
    public var aov: Double { monetary.doubleValue / Double(frequency) }

    /// Share of the customer's purchases that came within 90 days after an
    /// earlier purchase of theirs. "Within 90 days" means the gap to the
    /// nearest earlier purchase is 0…90 whole days: a purchase 90 days after
    /// the previous one counts, 91 days does not, and a second purchase on
    /// the same day counts (gap 0). The first purchase never counts, so one
    /// purchase gives 0 and n purchases at most (n − 1) / n.
    public var repurchaseRate: Double { Double(repurchases) / Double(frequency) }

    /// Spend of the last 90 days over the 90 before (ages 91…180), minus 1:
    /// 0.5 is half as much again, −1 is nothing lately. Nil — no data — when
    /// nothing was spent in the earlier 90 days, where growth has no base.
    public var growth90d: Double? {
        earlierSpend90d.map { monetary90d.doubleValue / $0.doubleValue - 1 }
    }

    /// Spend of the 90 days before the last 90 (ages 91…180, exact): the
    /// base of `growth_90d`; nil when it is zero, where growth has none.
    /// The one place that says so: rules and listings both read it.
    public var earlierSpend90d: Money? {
        let earlier = monetary180d - monetary90d
        return earlier == .zero ? nil : earlier
    }

    /// The value of a rule field by its name in `Vocabulary.customerFields`.
    public func value(of field: String) -> Double? {
        switch field {
        case "recency_days": Double(recencyDays)
        case "frequency": Double(frequency)
        case "monetary": monetary.doubleValue
        case "aov": aov
        case "orders_30d": Double(orders30d)
        case "orders_90d": Double(orders90d)
        case "orders_180d": Double(orders180d)
        case "orders_365d": Double(orders365d)
        case "first_purchase_days": Double(firstPurchaseDays)
        case "repurchase_rate": repurchaseRate
        case "monetary_30d": monetary30d.doubleValue
        case "monetary_90d": monetary90d.doubleValue
        case "monetary_180d": monetary180d.doubleValue
        case "monetary_365d": monetary365d.doubleValue
        case "growth_90d": growth90d
        case "r_score": Double(rScore)
        case "f_score": Double(fScore)
        case "m_score": Double(mScore)
        default: nil
        }
    }
}

extension CustomerFeatures {
    /// The largest gap, in days, between a purchase and the one before it for
    /// the later one to count as a repurchase.
    public static let repurchaseWindowDays = 90

    /// Features of one customer from their purchases (days ascending),
    /// counting only purchases on or before `asOf`. Scores are left 0: they
    /// depend on the whole population (`RFMScores`). Nil when the customer
    /// had bought nothing by then.
    static func measure(_ purchases: UnsafeBufferPointer<GroupedPurchase>, asOf: Int,
                        amounts: LargeAmounts) -> CustomerFeatures? {
        var count = 0
        while count < purchases.count, Int(purchases[count].day) <= asOf { count += 1 }
        guard count > 0 else { return nil }
        var monetary: Int128 = 0 // 128 bits: 10 purchases of 1e15 are 1e25 billionths
        var orders30 = 0, orders90 = 0, orders180 = 0, orders365 = 0, repurchases = 0
        var spent30: Int128 = 0, spent90: Int128 = 0, spent180: Int128 = 0, spent365: Int128 = 0
        for i in 0..<count {
            let amount = amounts.amount(of: purchases[i].amount)
            monetary &+= amount
            let age = asOf - Int(purchases[i].day)
            if age <= 365 {
                orders365 += 1
                spent365 &+= amount
                if age <= 180 { orders180 += 1; spent180 &+= amount }
                if age <= 90 { orders90 += 1; spent90 &+= amount }
                if age <= 30 { orders30 += 1; spent30 &+= amount }
            }
            // Sorted by day, so the nearest earlier purchase is the previous one.
            if i > 0, Int(purchases[i].day - purchases[i - 1].day) <= repurchaseWindowDays { repurchases += 1 }
        }
        var features = CustomerFeatures(
            recencyDays: asOf - Int(purchases[count - 1].day), frequency: count, monetary: Money(nanos: monetary),
            orders30d: orders30, orders90d: orders90, orders180d: orders180, orders365d: orders365,
            firstPurchaseDays: asOf - Int(purchases[0].day), repurchases: repurchases)
        features.monetary30d = Money(nanos: spent30)
        features.monetary90d = Money(nanos: spent90)
        features.monetary180d = Money(nanos: spent180)
        features.monetary365d = Money(nanos: spent365)
        return features
    }
}
