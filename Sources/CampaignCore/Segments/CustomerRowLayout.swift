/// Where each field a rule can read sits in a customer's row of Doubles:
/// the purchase features first (`Vocabulary.customerFields`, filled by
/// `SegmentAssigner.fill`), then what the profiles add (lifetime value,
/// tenure), then the customers file's number columns. A field without a
/// value for the customer is NaN: unknown to the rule.
public struct CustomerRowLayout: Sendable {
    /// Profile fields after the purchase features, in slot order.
    public static let profileNumberFields = ["tenure_days", "p_alive", "expected_purchases_90d", "clv_90d"]

    /// Customers-file columns read as numbers, as (name, column number in the file).
    public let attributeNumbers: [(name: String, column: Int)]

    /// Only purchases: what a plan without a customers file can read.
    public static let purchasesOnly = CustomerRowLayout(attributeNumbers: [])

    public init(attributeNumbers: [(name: String, column: Int)]) {
        self.attributeNumbers = attributeNumbers
    }

    /// Every field name in slot order.
    public var names: [String] {
        Vocabulary.customerFields + Self.profileNumberFields + attributeNumbers.map(\.name)
    }

    public var width: Int { names.count }

    var bindings: [String: RuleBinding] {
        Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, .slot($0.offset)) })
    }

    /// Writes customer `index`'s fields; profile slots stay NaN without profiles.
    func fill(_ row: UnsafeMutableBufferPointer<Double>, customer index: Int, base: CustomerBase,
              profiles: CustomerProfiles?, attributeValues: [[Double]]) {
        let customer = base[index]
        SegmentAssigner.fill(row, with: customer)
        var slot = Vocabulary.customerFields.count
        let lifetime = profiles?.lifetimeValues(ofCustomer: index)
        row[slot] = Double(customer.firstPurchaseDays)
        row[slot + 1] = lifetime?.pAlive ?? .nan
        row[slot + 2] = lifetime?.expectedPurchases ?? .nan
        row[slot + 3] = lifetime?.clv ?? .nan
        slot += Self.profileNumberFields.count
        for column in attributeValues.indices {
            row[slot + column] = attributeValues[column][index]
        }
    }

    /// The number columns' values by base index (NaN where empty), read once
    /// rather than parsed again for every rule.
    func attributeValues(base: CustomerBase, profiles: CustomerProfiles?) -> [[Double]] {
        attributeNumbers.map { attribute in
            (0..<base.count).map { index in
                profiles?.attribute(ofCustomer: index, column: attribute.column).flatMap(Double.init) ?? .nan
            }
        }
    }
}
