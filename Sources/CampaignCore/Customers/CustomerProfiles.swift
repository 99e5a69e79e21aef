/// What segmentation may know about customers beyond their purchases: the
/// customers file, behaviour, the lifecycle's days, and whether to fit
/// lifetime value.
public struct CustomerContext: Sendable {
    public var attributes: CustomerAttributes?
    /// Browses and add-to-carts per customer id (`--behaviour`).
    public var behaviour: BehaviourHistory?
    public var lifecycleRules: Lifecycle.Rules
    /// The last day (inclusive) the lifetime models learn from; nil fits no
    /// model (a million customers take seconds, so it runs only when asked).
    public var calibrationEnd: Day?
    /// The plan's declared columns: name → whether it holds numbers. A
    /// column the plan does not declare is text, except `age`.
    public var declaredColumns: [(name: String, isNumber: Bool)]

    public init(attributes: CustomerAttributes? = nil, behaviour: BehaviourHistory? = nil,
                lifecycleRules: Lifecycle.Rules = Lifecycle.Rules(), calibrationEnd: Day? = nil,
                declaredColumns: [(name: String, isNumber: Bool)] = []) {
        self.attributes = attributes
        self.behaviour = behaviour
        self.lifecycleRules = lifecycleRules
        self.calibrationEnd = calibrationEnd
        self.declaredColumns = declaredColumns
    }

    public func isNumber(_ column: String) -> Bool {
        declaredColumns.first { $0.name == column }?.isNumber ?? (column == "age")
    }

    /// Every attribute a rule can read: the file's columns in file order,
    /// then declared columns the file lacks (no data for anyone); each with
    /// its position in the file (nil when absent) and type.
    var attributeColumns: [(name: String, column: Int?, isNumber: Bool)] {
        let inFile = attributes?.columns ?? []
        let present = inFile.enumerated().map { (name: $0.element, column: Optional($0.offset), isNumber: isNumber($0.element)) }
        let missing = declaredColumns.filter { !inFile.contains($0.name) }.map { (name: $0.name, column: Int?.none, isNumber: $0.isNumber) }
        return present + missing
    }
}

/// Per customer of a `CustomerBase`, what the context adds to the purchase
/// features: lifecycle stage, behaviour, lifetime value, and the customers
/// file's row.
public struct CustomerProfiles: Sendable {
    public let context: CustomerContext
    /// By base index.
    public let lifecycle: [Lifecycle]
    /// By base index; nil without behaviour (no file, no events): a million
    /// empty activities cost a pass and 40 MB for nothing.
    public let activity: [BehaviourActivity]?
    /// The fitted models and per-history-customer values; nil when not asked for.
    public let lifetime: LifetimeValues?
    /// By base index: the customers file's row, -1 when the file lacks the customer.
    private let attributeRows: [Int32]
    /// By base index: the history index, to read `lifetime`.
    private let historyIndices: [Int32]

    public init(base: CustomerBase, history: PurchaseHistory?, context: CustomerContext) {
        self.context = context
        let rules = context.lifecycleRules
        let activity = Self.activities(base: base, context: context)
        self.activity = activity
        lifecycle = (0..<base.count).map { index in
            let customer = base[index]
            let behaviour = activity?[index]
            return Lifecycle.of(firstPurchaseDays: customer.firstPurchaseDays, recencyDays: customer.recencyDays,
                                lastBehaviourDays: base.asOf.flatMap { behaviour?.daysSinceLast(asOf: $0) },
                                browsesAndCartAdds: behaviour?.recent ?? 0, rules: rules)
        }
        lifetime = context.calibrationEnd.flatMap { end in history.map { LifetimeValues(history: $0, calibrationEnd: end) } }
        attributeRows = (0..<base.count).map { index in
            context.attributes?.row(of: base.customerID(index)).map(Int32.init) ?? -1
        }
        historyIndices = (0..<base.count).map { Int32(base.historyIndex($0)) }
    }

    /// Each customer's behaviour under any of their ids (a merged customer's
    /// other ids browsed too), as of the base's day.
    private static func activities(base: CustomerBase, context: CustomerContext) -> [BehaviourActivity]? {
        guard let behaviour = context.behaviour else { return nil }
        guard let asOf = base.asOf else { return [] } // no purchases: no customers
        var otherIDs: [String: [String]] = [:]
        for merge in context.attributes?.merges ?? [] { otherIDs[merge.kept, default: []] += merge.merged }
        let days = context.lifecycleRules.silentDays
        return (0..<base.count).map { index in
            let id = base.customerID(index)
            var total = behaviour.activity(ofUser: id, asOf: asOf, recentDays: days)
            for other in otherIDs[id] ?? [] {
                let more = behaviour.activity(ofUser: other, asOf: asOf, recentDays: days)
                total.lastDay = [total.lastDay, more.lastDay].compactMap { $0 }.max()
                total.browses90d += more.browses90d
                total.cartAdds90d += more.cartAdds90d
                total.recent += more.recent
            }
            return total
        }
    }

    /// Lifetime figures of customer `index`; nil without a fit, when the fit
    /// did not converge, or for a customer who came after the calibration end.
    public func lifetimeValues(ofCustomer index: Int) -> LifetimeValues.Values? {
        lifetime?[customer: Int(historyIndices[index])]
    }

    /// The customer's value in the customers file's column number `column`.
    public func attribute(ofCustomer index: Int, column: Int) -> String? {
        let row = attributeRows[index]
        guard row >= 0, let attributes = context.attributes else { return nil }
        return attributes.value(row: Int(row), column: column)
    }

    /// Days since the customer last did anything: bought, browsed or added to cart.
    public func lastActiveDays(ofCustomer index: Int, base: CustomerBase) -> Int {
        let recency = base[index].recencyDays
        guard let asOf = base.asOf, let behaviour = activity?[index].daysSinceLast(asOf: asOf) else { return recency }
        return min(recency, behaviour)
    }
}
