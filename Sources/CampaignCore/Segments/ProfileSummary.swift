/// `segment --summary`'s view of the customers beyond their segments: how
/// many are in each lifecycle stage, the value × lifecycle matrix (the
/// templates' core groups), how complete the customers file's profile is,
/// and what the lifetime models learned.
public struct ProfileSummary: Sendable {
    /// Customers per stage, in `Lifecycle.allCases` order.
    public let lifecycle: [(stage: Lifecycle, customers: Int)]
    /// Customers per value level and stage: `matrix[level][stage]`, both in `allCases` order.
    public let matrix: [(level: ValueLevel, customers: [Int])]
    /// Each customers-file column with the share of its customers who have it filled.
    public let completeness: [(column: String, share: Double)]
    public let lifetime: LifetimeValues?
    /// Customers the customers file describes, and how many ids were merged into others.
    public let describedCustomers: Int?
    public let mergedIDs: Int
    /// Customers per tag, in plan order; per tier, low to high, and in none.
    public let tags: [(name: String, customers: Int)]
    public let tiers: [(name: String, customers: Int)]
    public let withoutTier: Int

    public init(_ segmentation: Segmentation) {
        let stages = Lifecycle.allCases, levels = ValueLevel.allCases
        var cells = [[Int]](repeating: [Int](repeating: 0, count: stages.count), count: levels.count)
        if let profiles = segmentation.profiles {
            for index in 0..<segmentation.customers.count {
                let level = levels.firstIndex(of: ValueLevel(mScore: segmentation.customers[index].mScore))!
                cells[level][stages.firstIndex(of: profiles.lifecycle[index])!] += 1
            }
        }
        matrix = zip(levels, cells).map { ($0, $1) }
        lifecycle = stages.indices.map { stage in (stages[stage], cells.reduce(0) { $0 + $1[stage] }) }
        let attributes = segmentation.profiles?.context.attributes
        completeness = attributes.map { file in file.columns.map { ($0, file.completeness(of: $0) ?? 0) } } ?? []
        lifetime = segmentation.profiles?.lifetime
        describedCustomers = attributes?.ids.count
        mergedIDs = attributes?.merges.reduce(0) { $0 + $1.merged.count } ?? 0
        tags = segmentation.labels.tagCounts
        (tiers, withoutTier) = segmentation.labels.tierCounts
    }
}
