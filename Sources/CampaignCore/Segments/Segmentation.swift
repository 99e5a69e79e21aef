/// The customer base split into the plan's segments: each customer in the
/// first segment whose rule matches, else `unassigned`.
public struct Segmentation: Sendable {
    public static let unassignedID = "unassigned"

    public let customers: CustomerBase
    /// What the customers file and the lifetime models add; nil for purchases alone.
    public let profiles: CustomerProfiles?
    /// Each customer's tags and tier.
    public let labels: CustomerLabels
    /// Each customer's top category and channel, tenure and last activity.
    public let details: CustomerDetails
    /// The customers file's columns rules read, for listing them.
    let attributes: [(name: String, column: Int?, isNumber: Bool)]
    /// Whether behaviour was read (its fields are listed only then).
    let hasBehaviour: Bool
    /// The plan's segments, in plan order, as (id, name).
    public let segments: [(id: String, name: String)]
    /// Per customer: index into `segments`, or -1 for unassigned.
    private let assignment: [Int32]

    /// Purchases alone: every other field is unknown to the rules.
    public init(customers: CustomerBase, assigner: SegmentAssigner) {
        self.customers = customers
        profiles = nil
        labels = CustomerLabels(tagNames: [], tierNames: [], customers: 0)
        details = CustomerDetails(base: customers)
        attributes = []
        hasBehaviour = false
        segments = assigner.segments
        assignment = (0..<customers.count).map { Int32(assigner.assign(customers[$0]) ?? -1) }
    }

    /// Reads nothing: scores `history` as of `asOf` and assigns segments by `plan`'s rules.
    public init(history: PurchaseHistory, plan: Plan, asOf: Day? = nil) throws(SegmentAssigner.RuleProblem) {
        try self.init(history: history, plan: plan, asOf: asOf, context: CustomerContext())
    }

    /// The same with what `context` adds: customers merged by the customers
    /// file, their attributes, behaviour, lifecycle and (when asked) lifetime
    /// value; then each customer's tags, tier and segment, in that order.
    public init(history: PurchaseHistory, plan: Plan, asOf: Day?, context: CustomerContext) throws(SegmentAssigner.RuleProblem) {
        let history = context.attributes.map { attributes in history.merging { attributes.standingID(of: $0) } } ?? history
        let base = CustomerBase(history: history, asOf: asOf)
        let profiles = CustomerProfiles(base: base, history: history, context: context)
        let layout = CustomerRowLayout(plan: plan, context: context, history: history)
        let assigner = try SegmentAssigner(plan: plan, layout: layout)
        let labelRules = try LabelRules(plan: plan, layout: layout)
        let columns = layout.precompute(base: base, history: history, profiles: profiles)
        var labels = CustomerLabels(tagNames: layout.tags, tierNames: layout.tiers, customers: base.count)
        customers = base
        self.profiles = profiles
        segments = assigner.segments
        assignment = withUnsafeTemporaryAllocation(of: Double.self, capacity: layout.width) { row in
            (0..<base.count).map { index in
                layout.fill(row, customer: index, base: base, profiles: profiles, columns: columns)
                labels.decide(customer: index, row: row, rules: labelRules, layout: layout)
                return Int32(assigner.assign(row: UnsafeBufferPointer(row)) ?? -1)
            }
        }
        self.labels = labels
        details = columns.details
        attributes = layout.attributes
        hasBehaviour = context.behaviour != nil
    }

    /// Index into `segments` of customer `index`'s segment; nil when unassigned.
    public func segmentIndex(ofCustomer index: Int) -> Int? {
        let value = assignment[index]
        return value < 0 ? nil : Int(value)
    }

    /// Whether the transactions have a category / channel column.
    var hasCategory: Bool { details.hasCategory }
    var hasChannel: Bool { details.hasChannel }

    /// Segment id of customer `index`, or `unassigned`.
    public func segmentID(ofCustomer index: Int) -> String {
        segmentIndex(ofCustomer: index).map { segments[$0].id } ?? Self.unassignedID
    }

    /// One row per plan segment (members or not, in plan order), then
    /// `unassigned`: who is in it, their share of all customers, their total spend.
    public func summary() -> [SegmentSummaryRow] {
        var counts = [Int](repeating: 0, count: segments.count + 1)
        var monetary = [Money](repeating: .zero, count: segments.count + 1)
        for index in 0..<customers.count {
            let slot = segmentIndex(ofCustomer: index) ?? segments.count
            counts[slot] += 1
            monetary[slot] += customers[index].monetary
        }
        let total = customers.count
        let names = segments + [(Self.unassignedID, Self.unassignedID)]
        return names.enumerated().map { slot, segment in
            SegmentSummaryRow(id: segment.id, name: segment.name, customers: counts[slot],
                              share: total == 0 ? 0 : Double(counts[slot]) / Double(total), monetary: monetary[slot])
        }
    }
}

/// One line of `segment --summary`.
public struct SegmentSummaryRow: Sendable, Hashable {
    public var id: String
    public var name: String
    public var customers: Int
    /// Customers / all customers in the base (0 for an empty base).
    public var share: Double
    /// The members' total spend, exact.
    public var monetary: Money

    public init(id: String, name: String, customers: Int, share: Double, monetary: Money) {
        self.id = id
        self.name = name
        self.customers = customers
        self.share = share
        self.monetary = monetary
    }
}
