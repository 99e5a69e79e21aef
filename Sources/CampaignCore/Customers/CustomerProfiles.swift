/// What segmentation may know about customers beyond their purchases: the
/// customers file, the lifecycle's days, and whether to fit lifetime value.
public struct CustomerContext: Sendable {
    public var attributes: CustomerAttributes?
    public var lifecycleRules: Lifecycle.Rules
    /// The last day (inclusive) the lifetime models learn from; nil fits no
    /// model (a million customers take seconds, so it runs only when asked).
    public var calibrationEnd: Day?
    /// The customers file's columns that hold numbers (the plan declares them;
    /// `age` always does): rules compare them as numbers.
    public var numberColumns: Set<String>

    public init(attributes: CustomerAttributes? = nil, lifecycleRules: Lifecycle.Rules = Lifecycle.Rules(),
                calibrationEnd: Day? = nil, numberColumns: Set<String> = ["age"]) {
        self.attributes = attributes
        self.lifecycleRules = lifecycleRules
        self.calibrationEnd = calibrationEnd
        self.numberColumns = numberColumns
    }

    /// The number columns the customers file has, in file order, with their position.
    var numberColumnsInFile: [(name: String, column: Int)] {
        guard let attributes else { return [] }
        return attributes.columns.enumerated().filter { numberColumns.contains($0.element) }.map { ($0.element, $0.offset) }
    }
}

/// Per customer of a `CustomerBase`, what the context adds to the purchase
/// features: lifecycle stage, lifetime value, and the customers file's row.
public struct CustomerProfiles: Sendable {
    public let context: CustomerContext
    /// By base index.
    public let lifecycle: [Lifecycle]
    /// The fitted models and per-history-customer values; nil when not asked for.
    public let lifetime: LifetimeValues?
    /// By base index: the customers file's row, -1 when the file lacks the customer.
    private let attributeRows: [Int32]
    /// By base index: the history index, to read `lifetime`.
    private let historyIndices: [Int32]

    public init(base: CustomerBase, history: PurchaseHistory, context: CustomerContext) {
        self.context = context
        lifecycle = (0..<base.count).map { index in
            let customer = base[index]
            return Lifecycle.of(firstPurchaseDays: customer.firstPurchaseDays, recencyDays: customer.recencyDays,
                                lastBehaviourDays: nil, browsesAndCartAdds: 0, rules: context.lifecycleRules)
        }
        lifetime = context.calibrationEnd.map { LifetimeValues(history: history, calibrationEnd: $0) }
        attributeRows = (0..<base.count).map { index in
            context.attributes?.row(of: base.customerID(index)).map(Int32.init) ?? -1
        }
        historyIndices = (0..<base.count).map { Int32(base.historyIndex($0)) }
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
}
