/// The customer base split into the plan's segments: each customer in the
/// first segment whose rule matches, else `unassigned`.
public struct Segmentation: Sendable {
    public static let unassignedID = "unassigned"

    public let customers: CustomerBase
    /// What the customers file and the lifetime models add; nil for purchases alone.
    public let profiles: CustomerProfiles?
    /// The plan's segments, in plan order, as (id, name).
    public let segments: [(id: String, name: String)]
    /// Per customer: index into `segments`, or -1 for unassigned.
    private let assignment: [Int32]

    public init(customers: CustomerBase, assigner: SegmentAssigner, profiles: CustomerProfiles? = nil) {
        self.customers = customers
        self.profiles = profiles
        segments = assigner.segments
        let layout = assigner.layout
        let attributeValues = layout.attributeValues(base: customers, profiles: profiles)
        assignment = withUnsafeTemporaryAllocation(of: Double.self, capacity: layout.width) { row in
            (0..<customers.count).map { index in
                layout.fill(row, customer: index, base: customers, profiles: profiles, attributeValues: attributeValues)
                return Int32(assigner.assign(row: UnsafeBufferPointer(row)) ?? -1)
            }
        }
    }

    /// Reads nothing: scores `history` as of `asOf` and assigns segments by `plan`'s rules.
    public init(history: PurchaseHistory, plan: Plan, asOf: Day? = nil) throws(SegmentAssigner.RuleProblem) {
        try self.init(history: history, plan: plan, asOf: asOf, context: CustomerContext())
    }

    /// The same with what `context` adds: customers merged by the customers
    /// file, their attributes, lifecycle and (when asked) lifetime value.
    public init(history: PurchaseHistory, plan: Plan, asOf: Day?, context: CustomerContext) throws(SegmentAssigner.RuleProblem) {
        let history = context.attributes.map { attributes in history.merging { attributes.standingID(of: $0) } } ?? history
        let base = CustomerBase(history: history, asOf: asOf)
        let profiles = CustomerProfiles(base: base, history: history, context: context)
        let assigner = try SegmentAssigner(plan: plan, layout: CustomerRowLayout(attributeNumbers: context.numberColumnsInFile))
        self.init(customers: base, assigner: assigner, profiles: profiles)
    }

    /// Index into `segments` of customer `index`'s segment; nil when unassigned.
    public func segmentIndex(ofCustomer index: Int) -> Int? {
        let value = assignment[index]
        return value < 0 ? nil : Int(value)
    }

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
