/// The plan's tags and tiers for every customer: each customer has every tag
/// whose rule matches, and the highest tier whose rule matches (tiers are
/// listed low to high). Tags are decided from the fields alone, tiers may
/// read the tags, and segment rules may read both (`PlanRuleNames`).
public struct CustomerLabels: Sendable {
    public let tagNames: [String]
    public let tierNames: [String]
    /// Per customer, `words` 64-bit words of tag bits.
    private var bits: [UInt64]
    private let words: Int
    /// Per customer: index into `tierNames`, -1 for none.
    private var tiers: [Int16]

    init(tagNames: [String], tierNames: [String], customers: Int) {
        self.tagNames = tagNames
        self.tierNames = tierNames
        words = (tagNames.count + 63) / 64
        bits = [UInt64](repeating: 0, count: words * customers)
        tiers = [Int16](repeating: -1, count: customers)
    }

    public func hasTag(_ tag: Int, customer: Int) -> Bool {
        bits[customer * words + tag / 64] & (1 << UInt64(tag % 64)) != 0
    }

    /// The customer's tags in plan order.
    public func tags(ofCustomer customer: Int) -> [String] {
        tagNames.indices.filter { hasTag($0, customer: customer) }.map { tagNames[$0] }
    }

    public func tier(ofCustomer customer: Int) -> String? {
        let tier = tiers[customer]
        return tier < 0 ? nil : tierNames[Int(tier)]
    }

    /// Customers per tag, in plan order.
    public var tagCounts: [(name: String, customers: Int)] {
        let customers = tiers.count
        return tagNames.indices.map { tag in (tagNames[tag], (0..<customers).count { hasTag(tag, customer: $0) }) }
    }

    /// Customers per tier, low to high, then those in none.
    public var tierCounts: (tiers: [(name: String, customers: Int)], none: Int) {
        var counts = [Int](repeating: 0, count: tierNames.count)
        var none = 0
        for tier in tiers {
            if tier < 0 { none += 1 } else { counts[Int(tier)] += 1 }
        }
        return (zip(tierNames, counts).map { ($0, $1) }, none)
    }

    /// Decides customer `customer`'s tags, then tier, writing each into `row`
    /// where the layout keeps them, so the segment rules read them next.
    mutating func decide(customer: Int, row: UnsafeMutableBufferPointer<Double>, rules: LabelRules, layout: CustomerRowLayout) {
        let fields = UnsafeBufferPointer(row)
        for (tag, rule) in rules.tags.enumerated() {
            let matches = rule.matches(fields)
            row[layout.tagStart + tag] = matches ? 1 : 0
            if matches { bits[customer * words + tag / 64] |= 1 << UInt64(tag % 64) }
        }
        let fieldsWithTags = UnsafeBufferPointer(row)
        if let tier = rules.tiers.lastIndex(where: { $0.matches(fieldsWithTags) }) {
            tiers[customer] = Int16(tier)
            row[layout.tierSlot] = layout.textCodes.code(of: tierNames[tier]) ?? .nan
        }
    }
}

/// The plan's tag and tier rules compiled against a row layout.
struct LabelRules: Sendable {
    let tags: [CompiledRule]
    let tiers: [CompiledRule]

    init(plan: Plan, layout: CustomerRowLayout) throws(SegmentAssigner.RuleProblem) {
        let bindings = SegmentAssigner.bindings(layout: layout, benchmarks: plan.campaign.benchmarks)
        tags = try plan.tags.map { tag throws(SegmentAssigner.RuleProblem) in
            try SegmentAssigner.compile(tag.rule, id: tag.name, bindings: bindings, codes: layout.textCodes)
        }
        tiers = try plan.tiers.map { tier throws(SegmentAssigner.RuleProblem) in
            try SegmentAssigner.compile(tier.rule, id: tier.name, bindings: bindings, codes: layout.textCodes)
        }
    }
}
