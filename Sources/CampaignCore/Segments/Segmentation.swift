/// The customer base split into the plan's segments: each customer in the
/// first segment whose rule matches, else `unassigned`.
public struct Segmentation: Sendable {
    public static let unassignedID = "unassigned"

    public let customers: CustomerBase
    /// The plan's segments, in plan order, as (id, name).
    public let segments: [(id: String, name: String)]
    /// Per customer: index into `segments`, or -1 for unassigned.
    private let assignment: [Int32]

    public init(customers: CustomerBase, assigner: SegmentAssigner) {
        self.customers = customers
        segments = assigner.segments
        assignment = (0..<customers.count).map { Int32(assigner.assign(customers[$0]) ?? -1) }
    }

    /// Reads nothing: scores `history` as of `asOf` and assigns segments by `plan`'s rules.
    public init(history: PurchaseHistory, plan: Plan, asOf: Day? = nil) throws(SegmentAssigner.RuleProblem) {
        self.init(customers: CustomerBase(history: history, asOf: asOf), assigner: try SegmentAssigner(plan: plan))
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
