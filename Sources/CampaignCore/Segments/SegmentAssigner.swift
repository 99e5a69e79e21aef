/// Assigns each customer to the first plan segment whose rule matches
/// (plan order matters), through rules compiled once to slot programs so
/// a million customers cost no dictionary lookups or strings.
public struct SegmentAssigner: Sendable {
    /// The segments in plan order, as (id, name).
    public let segments: [(id: String, name: String)]
    private let rules: [CompiledRule]
    /// Where each field the rules read sits in a customer's row.
    public let layout: CustomerRowLayout

    /// A rule that does not compile; a validated plan never has one.
    public struct RuleProblem: Error, Sendable, CustomStringConvertible {
        public let segmentID: String
        public let message: String
        public var description: String { "the rule of segment '\(segmentID)': \(message)" }
    }

    public init(plan: Plan, layout: CustomerRowLayout = .purchasesOnly) throws(RuleProblem) {
        try self.init(segments: plan.segments.map { ($0.id, $0.name, $0.rule) }, benchmarks: plan.campaign.benchmarks,
                      layout: layout)
    }

    /// Segments as (id, name, rule) in order; benchmarks become constants.
    public init(segments: [(id: String, name: String, rule: String)], benchmarks: [(name: String, value: Double)],
                layout: CustomerRowLayout = .purchasesOnly) throws(RuleProblem) {
        self.layout = layout
        let bindings = Self.bindings(layout: layout, benchmarks: benchmarks)
        rules = try segments.map { segment throws(RuleProblem) in
            try Self.compile(segment.rule, id: segment.id, bindings: bindings, codes: layout.textCodes)
        }
        self.segments = segments.map { ($0.id, $0.name) }
    }

    /// The layout's fields and the benchmarks, as constants.
    static func bindings(layout: CustomerRowLayout, benchmarks: [(name: String, value: Double)]) -> [String: RuleBinding] {
        var bindings = layout.bindings
        for benchmark in benchmarks { bindings[Vocabulary.benchmarkName(benchmark.name)] = .constant(benchmark.value) }
        return bindings
    }

    static func compile(_ rule: String, id: String, bindings: [String: RuleBinding], codes: RuleTextCodes) throws(RuleProblem) -> CompiledRule {
        let expression: RuleExpression
        do {
            expression = try RuleExpression.parse(rule)
        } catch {
            throw RuleProblem(segmentID: id, message: error.message)
        }
        do {
            return try expression.compile(bindings: bindings, textCodes: codes, expecting: .boolean)
        } catch {
            throw RuleProblem(segmentID: id, message: error.description)
        }
    }

    /// The index in `segments` of the first segment whose rule matches, nil
    /// for unassigned; every field beyond the purchase features is unknown.
    public func assign(_ customer: CustomerFeatures) -> Int? {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: layout.width) { row in
            row.initialize(repeating: .nan)
            Self.fill(row, with: customer)
            return assign(row: UnsafeBufferPointer(row))
        }
    }

    /// The same for a row laid out by `layout`.
    public func assign(row: UnsafeBufferPointer<Double>) -> Int? {
        rules.firstIndex { $0.matches(row) }
    }

    /// Writes the customer's fields in `Vocabulary.customerFields` order.
    static func fill(_ row: UnsafeMutableBufferPointer<Double>, with customer: CustomerFeatures) {
        row[0] = Double(customer.recencyDays)
        row[1] = Double(customer.frequency)
        row[2] = customer.monetary.doubleValue
        row[3] = customer.aov
        row[4] = Double(customer.orders30d)
        row[5] = Double(customer.orders90d)
        row[6] = Double(customer.orders180d)
        row[7] = Double(customer.orders365d)
        row[8] = Double(customer.firstPurchaseDays)
        row[9] = customer.repurchaseRate
        row[10] = Double(customer.rScore)
        row[11] = Double(customer.fScore)
        row[12] = Double(customer.mScore)
        row[13] = customer.monetary30d.doubleValue
        row[14] = customer.monetary90d.doubleValue
        row[15] = customer.monetary180d.doubleValue
        row[16] = customer.monetary365d.doubleValue
        row[17] = customer.growth90d ?? .nan
    }
}
