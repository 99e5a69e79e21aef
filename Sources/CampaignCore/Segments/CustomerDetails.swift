/// A read-only view of what a segmentation found of each customer besides
/// the purchase features: top category and channel, tenure and days since
/// last active. The listings and portraits read these; the rules read the
/// same values from their rows (`CustomerRowLayout`), found once, here.
public struct CustomerDetails: Sendable {
    /// The names the top-label codes stand for.
    public let categoryNames: [String]
    public let channelNames: [String]
    /// By base index: an index into `categoryNames` / `channelNames`, -1 for
    /// none; nil when the transactions have no such column.
    let topCategories: [Int32]?
    let topChannels: [Int32]?
    /// By base index: days since joining by the customers file's
    /// `registered_at`; nil without that column, where tenure is the days
    /// since the first purchase.
    let registeredTenure: [Int32]?
    private let base: CustomerBase
    private let profiles: CustomerProfiles?

    /// Nothing beyond purchases: no top labels, tenure from the first purchase.
    init(base: CustomerBase) {
        (categoryNames, channelNames, topCategories, topChannels, registeredTenure) = ([], [], nil, nil, nil)
        self.base = base
        profiles = nil
    }

    /// Finds each customer's top labels as of the base's day, and tenure
    /// from the customers file's column number `registered` (when it has one).
    init(base: CustomerBase, history: PurchaseHistory, profiles: CustomerProfiles?, registered: Int?) {
        self.base = base
        self.profiles = profiles
        categoryNames = history.categoryNames
        channelNames = history.channelNames
        let count = base.count
        var categories = history.hasCategoryColumn ? [Int32](repeating: -1, count: count) : nil
        var channels = history.hasChannelColumn ? [Int32](repeating: -1, count: count) : nil
        if let asOf = base.asOf, categories != nil || channels != nil {
            for index in 0..<count {
                let customer = base.historyIndex(index)
                if let code = history.topCategory(ofCustomer: customer, asOf: asOf) { categories?[index] = code }
                if let code = history.topChannel(ofCustomer: customer, asOf: asOf) { channels?[index] = code }
            }
        }
        topCategories = categories
        topChannels = channels
        registeredTenure = registered.map { column in
            (0..<count).map { index in
                Int32(CustomerRowLayout.tenureDays(base: base, index: index, registered: profiles?.attribute(ofCustomer: index, column: column)))
            }
        }
    }

    public var hasCategory: Bool { topCategories != nil }
    public var hasChannel: Bool { topChannels != nil }

    /// Customer `index`'s top category by name; nil for none.
    public func topCategory(ofCustomer index: Int) -> String? {
        guard let code = topCategories?[index], code >= 0 else { return nil }
        return categoryNames[Int(code)]
    }

    public func topChannel(ofCustomer index: Int) -> String? {
        guard let code = topChannels?[index], code >= 0 else { return nil }
        return channelNames[Int(code)]
    }

    /// Days since the customer joined (see `CustomerRowLayout.tenureDays`).
    public func tenureDays(ofCustomer index: Int) -> Int {
        registeredTenure.map { Int($0[index]) } ?? base[index].firstPurchaseDays
    }

    /// Days since the customer last bought, browsed or added to cart.
    public func lastActiveDays(ofCustomer index: Int) -> Int {
        profiles?.lastActiveDays(ofCustomer: index, base: base) ?? base[index].recencyDays
    }
}
