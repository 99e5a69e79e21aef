/// A segment's real portrait from the data, to set beside the persona the
/// planner wrote: how many members, their lifecycle mix, their average
/// lifetime value, how their attributes fall (age bands, gender, city tier,
/// and any other column with few distinct values), and which categories and
/// channels they buy most.
public struct SegmentPortrait: Sendable, Equatable {
    /// How one attribute falls among the members: values with their counts,
    /// most common first, and how many members have the attribute at all.
    public struct Trait: Sendable, Equatable {
        public var column: String
        public var values: [(value: String, customers: Int)]
        public var known: Int

        public static func == (lhs: Trait, rhs: Trait) -> Bool {
            lhs.column == rhs.column && lhs.known == rhs.known
                && lhs.values.map(\.value) == rhs.values.map(\.value) && lhs.values.map(\.customers) == rhs.values.map(\.customers)
        }
    }

    public var customers: Int
    /// Members per stage, in `Lifecycle.allCases` order.
    public var lifecycle: [Int]
    /// The mean clv_90d over members with a figure; nil when none has one.
    public var averageCLV: Double?
    public var traits: [Trait]
    /// The members' most common `top_category` values (at most
    /// `topLabelCount`); `known` counts members with one. Nil when the
    /// transactions have no category column.
    public var topCategories: Trait?
    /// The same for `top_channel`.
    public var topChannels: Trait?

    /// A column is a trait when it has at most this many distinct values in
    /// the whole file: gender, city tier and region are; a phone number is not.
    public static let maxTraitValues = 20
    /// Age bands by their lower bound, as campaign templates cut them.
    public static let ageBands = [0, 18, 25, 35, 45, 55]
    /// How many top categories (and channels) a portrait names: a card line
    /// has room for three with their shares.
    public static let topLabelCount = 3

    /// One portrait per plan segment, then `unassigned`, keyed by segment id.
    public static func of(_ segmentation: Segmentation) -> [String: SegmentPortrait] {
        let slots = segmentation.segments.count + 1
        var portraits = [SegmentPortrait](repeating: SegmentPortrait(customers: 0, lifecycle: [0, 0, 0, 0, 0], averageCLV: nil, traits: []),
                                          count: slots)
        var clvSums = [Double](repeating: 0, count: slots), clvCounts = [Int](repeating: 0, count: slots)
        let profiles = segmentation.profiles
        let stages = Lifecycle.allCases
        for index in 0..<segmentation.customers.count {
            let slot = segmentation.segmentIndex(ofCustomer: index) ?? segmentation.segments.count
            portraits[slot].customers += 1
            if let profiles {
                portraits[slot].lifecycle[stages.firstIndex(of: profiles.lifecycle[index])!] += 1
                if let clv = profiles.lifetimeValues(ofCustomer: index)?.clv {
                    clvSums[slot] += clv
                    clvCounts[slot] += 1
                }
            }
        }
        for slot in 0..<slots where clvCounts[slot] > 0 { portraits[slot].averageCLV = clvSums[slot] / Double(clvCounts[slot]) }
        if let profiles, let attributes = profiles.context.attributes {
            for (column, name) in attributes.columns.enumerated() where isTrait(name, column: column, attributes) {
                let traits = traitCounts(segmentation, profiles: profiles, column: column, name: name, slots: slots)
                for slot in 0..<slots { portraits[slot].traits.append(traits[slot]) }
            }
        }
        if segmentation.hasCategory {
            let tops = topLabels(segmentation, column: "top_category", slots: slots, segmentation.details.topCategory(ofCustomer:))
            for slot in 0..<slots { portraits[slot].topCategories = tops[slot] }
        }
        if segmentation.hasChannel {
            let tops = topLabels(segmentation, column: "top_channel", slots: slots, segmentation.details.topChannel(ofCustomer:))
            for slot in 0..<slots { portraits[slot].topChannels = tops[slot] }
        }
        let ids = segmentation.segments.map(\.id) + [Segmentation.unassignedID]
        return Dictionary(uniqueKeysWithValues: zip(ids, portraits).map { ($0, $1) })
    }

    /// Age always; another column when it has few distinct values and is
    /// not the merge column (a phone number in a small file is still an identity).
    private static func isTrait(_ name: String, column: Int, _ attributes: CustomerAttributes) -> Bool {
        if name == "age" { return true }
        if name == attributes.mergeColumn { return false }
        var distinct = Set<String>()
        for row in attributes.ids.indices {
            if let value = attributes.value(row: row, column: column) { distinct.insert(value) }
            if distinct.count > maxTraitValues { return false }
        }
        return !distinct.isEmpty
    }

    private static func traitCounts(_ segmentation: Segmentation, profiles: CustomerProfiles, column: Int, name: String,
                                    slots: Int) -> [Trait] {
        var counts = [[String: Int]](repeating: [:], count: slots)
        for index in 0..<segmentation.customers.count {
            guard var value = profiles.attribute(ofCustomer: index, column: column) else { continue }
            if name == "age" {
                guard let age = Double(value) else { continue }
                value = ageBand(age)
            }
            counts[segmentation.segmentIndex(ofCustomer: index) ?? segmentation.segments.count][value, default: 0] += 1
        }
        return counts.map { values in
            // Most common first; ties (and age bands) in the values' own order.
            let sorted = values.sorted { name == "age" ? bandStart($0.key) < bandStart($1.key) : ($0.value, $1.key) > ($1.value, $0.key) }
            return Trait(column: name, values: sorted.map { ($0.key, $0.value) }, known: values.values.reduce(0, +))
        }
    }

    /// Per slot, the members counted by their top label: the largest
    /// `topLabelCount`, ties by name in byte order (as `top_category` itself
    /// breaks ties), so the same data always names the same three.
    private static func topLabels(_ segmentation: Segmentation, column: String, slots: Int,
                                  _ label: (Int) -> String?) -> [Trait] {
        var counts = [[String: Int]](repeating: [:], count: slots)
        for index in 0..<segmentation.customers.count {
            guard let name = label(index) else { continue }
            counts[segmentation.segmentIndex(ofCustomer: index) ?? segmentation.segments.count][name, default: 0] += 1
        }
        return counts.map { values in
            let sorted = values.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return Trait(column: column, values: sorted.prefix(topLabelCount).map { ($0.key, $0.value) },
                         known: values.values.reduce(0, +))
        }
    }

    /// `18–24`, `55+`: the band holding `age`.
    static func ageBand(_ age: Double) -> String {
        let start = ageBands.last { Double($0) <= age } ?? 0
        guard let next = ageBands.first(where: { $0 > start }) else { return "\(start)+" }
        return "\(start)–\(next - 1)"
    }

    private static func bandStart(_ band: String) -> Int {
        Int(band.prefix { $0.isNumber }) ?? 0
    }
}
