/// Where each field a rule can read sits in a customer's row of Doubles, in
/// this order: the purchase features (`Vocabulary.customerFields`, filled by
/// `SegmentAssigner.fill`), the profile's numbers (tenure, behaviour,
/// lifetime value), the profile's texts (lifecycle, top category and
/// channel), the customers file's columns, one slot per tag (1 or 0), and
/// the tier. A text slot holds its value's code in `textCodes`; a field
/// without a value for the customer is NaN: unknown to the rule.
public struct CustomerRowLayout: Sendable {
    public static let profileNumberFields = [
        "tenure_days", "last_active_days", "browses_90d", "cart_adds_90d", "p_alive", "expected_purchases_90d", "clv_90d",
    ]
    public static let profileTextFields = ["lifecycle", "top_category", "top_channel"]

    /// The customers file's columns a rule reads, with their place in the file (nil: absent).
    public let attributes: [(name: String, column: Int?, isNumber: Bool)]
    public let tags: [String]
    /// Tier names, low to high.
    public let tiers: [String]
    /// The codes the text slots hold: stages, categories, channels, tiers and the file's texts.
    public let textCodes: RuleTextCodes

    /// Only purchases: what a plan without customers, tags or tiers reads.
    public static let purchasesOnly = CustomerRowLayout(attributes: [], tags: [], tiers: [], textCodes: RuleTextCodes())

    public init(attributes: [(name: String, column: Int?, isNumber: Bool)], tags: [String], tiers: [String],
                textCodes: RuleTextCodes) {
        self.attributes = attributes
        self.tags = tags
        self.tiers = tiers
        self.textCodes = textCodes
    }

    /// The layout for `plan` over this data: every text the rows can hold gets its code.
    public init(plan: Plan, context: CustomerContext, history: PurchaseHistory) {
        var codes = RuleTextCodes(Lifecycle.allCases.map(\.rawValue) + plan.tiers.map(\.name))
        for name in history.categoryNames + history.channelNames { _ = codes.code(adding: name) }
        let attributes = context.attributeColumns
        if let file = context.attributes {
            for attribute in attributes where !attribute.isNumber {
                guard let column = attribute.column else { continue }
                for row in file.ids.indices {
                    if let value = file.value(row: row, column: column) { _ = codes.code(adding: value) }
                }
            }
        }
        self.init(attributes: attributes, tags: plan.tags.map(\.name), tiers: plan.tiers.map(\.name), textCodes: codes)
    }

    var profileStart: Int { Vocabulary.customerFields.count }
    var attributeStart: Int { profileStart + Self.profileNumberFields.count + Self.profileTextFields.count }
    var tagStart: Int { attributeStart + attributes.count }
    var tierSlot: Int { tagStart + tags.count }
    public var width: Int { tierSlot + 1 }

    /// What each name stands for, for compiling rules.
    var bindings: [String: RuleBinding] {
        var bindings: [String: RuleBinding] = [:]
        for (offset, name) in (Vocabulary.customerFields + Self.profileNumberFields).enumerated() { bindings[name] = .slot(offset) }
        for (offset, name) in Self.profileTextFields.enumerated() {
            bindings[name] = .textSlot(profileStart + Self.profileNumberFields.count + offset)
        }
        for (offset, attribute) in attributes.enumerated() where bindings[attribute.name] == nil {
            bindings[attribute.name] = attribute.isNumber ? .slot(attributeStart + offset) : .textSlot(attributeStart + offset)
        }
        if !tags.isEmpty {
            bindings[Vocabulary.tagsField] = .memberSlots(Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, tagStart + $0) }))
        }
        if !tiers.isEmpty { bindings[Vocabulary.tierField] = .textSlot(tierSlot) }
        return bindings
    }

    /// Writes customer `index`'s fields; the tags and the tier stay NaN (they
    /// are decided after, from these fields).
    func fill(_ row: UnsafeMutableBufferPointer<Double>, customer index: Int, base: CustomerBase, profiles: CustomerProfiles?,
              columns: PrecomputedColumns) {
        let customer = base[index]
        SegmentAssigner.fill(row, with: customer)
        var slot = profileStart
        let lifetime = profiles?.lifetimeValues(ofCustomer: index)
        let activity = profiles?.activity?[index]
        row[slot] = Double(columns.details.registeredTenure.map { Int($0[index]) } ?? customer.firstPurchaseDays)
        row[slot + 1] = profiles.map { Double($0.lastActiveDays(ofCustomer: index, base: base)) } ?? Double(customer.recencyDays)
        row[slot + 2] = Double(activity?.browses90d ?? 0)
        row[slot + 3] = Double(activity?.cartAdds90d ?? 0)
        row[slot + 4] = lifetime?.pAlive ?? .nan
        row[slot + 5] = lifetime?.expectedPurchases ?? .nan
        row[slot + 6] = lifetime?.clv ?? .nan
        slot += Self.profileNumberFields.count
        row[slot] = profiles.flatMap { textCodes.code(of: $0.lifecycle[index].rawValue) } ?? .nan
        row[slot + 1] = columns.topCategoryCode(index)
        row[slot + 2] = columns.topChannelCode(index)
        for column in columns.attributes.indices { row[attributeStart + column] = columns.attributes[column][index] }
        for slot in tagStart...tierSlot { row[slot] = .nan }
    }

    /// The values that take work to find (parsing, codes, top labels), found
    /// once per customer rather than for every rule. What the data cannot
    /// fill is nil in `details`, not a million NaNs.
    struct PrecomputedColumns {
        /// Top labels and tenure, which the listings read too.
        var details: CustomerDetails
        /// A top label's rule code by its index in the history's names.
        var categoryCodes: [Double]
        var channelCodes: [Double]
        /// By attribute, then base index: the number, or the text's code.
        var attributes: [[Double]]

        func topCategoryCode(_ index: Int) -> Double {
            guard let code = details.topCategories?[index], code >= 0 else { return .nan }
            return categoryCodes[Int(code)]
        }

        func topChannelCode(_ index: Int) -> Double {
            guard let code = details.topChannels?[index], code >= 0 else { return .nan }
            return channelCodes[Int(code)]
        }
    }

    func precompute(base: CustomerBase, history: PurchaseHistory, profiles: CustomerProfiles?) -> PrecomputedColumns {
        let count = base.count
        let registered = attributes.first { $0.name == Self.registeredColumn }?.column
        let details = CustomerDetails(base: base, history: history, profiles: profiles, registered: registered)
        let values = attributes.map { attribute in
            (0..<count).map { index -> Double in
                guard let column = attribute.column, let value = profiles?.attribute(ofCustomer: index, column: column) else { return .nan }
                return attribute.isNumber ? Double(value) ?? .nan : textCodes.code(of: value) ?? .nan
            }
        }
        return PrecomputedColumns(details: details, categoryCodes: history.categoryNames.map { textCodes.code(of: $0) ?? .nan },
                                  channelCodes: history.channelNames.map { textCodes.code(of: $0) ?? .nan }, attributes: values)
    }

    /// The customers file's column with the day a member joined (YYYY-MM-DD).
    public static let registeredColumn = "registered_at"

    /// Days since the customer joined: the customers file's `registered_at`
    /// when it holds a date no later than the first purchase, else the first purchase.
    static func tenureDays(base: CustomerBase, index: Int, registered: String?) -> Int {
        let first = base[index].firstPurchaseDays
        guard let registered, let asOf = base.asOf, let day = Day(iso: registered) else { return first }
        return max(first, asOf - day)
    }
}
