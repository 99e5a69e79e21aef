/// Every customer's purchases, read and cleaned: grouped by customer, sorted
/// by day, exact duplicates removed; plus what was rejected and why.
///
/// This is the input to `CustomerBase` (features and scores); it does not
/// depend on the as-of date, so one file can be scored as of several dates.
public struct PurchaseHistory: Sendable {
    public let customerIDs: CustomerIDs
    /// Customer `i`'s purchases are `purchases[offsets[i]..<offsets[i + 1]]`,
    /// days ascending.
    let offsets: [Int]
    let purchases: GroupedPurchases
    /// Every rejected row and exact duplicate, by line.
    public let rejected: [RejectedRow]
    /// Data rows read (the header and blank lines not included).
    public let rowsRead: Int
    /// The latest purchase day, nil when nothing was accepted.
    public let latestDay: Day?
    /// Every line of the file accounted for (set by the readers).
    public internal(set) var lines = TransactionLines()
    /// Each row's category and channel (set by the readers; see `topCategory`).
    var labels = PurchaseLabels.absent
    /// What the purchases' amount codes stand for.
    let amounts: LargeAmounts

    public var customerCount: Int { customerIDs.count }
    /// Rows counted as purchases: `rowsRead` minus everything in `rejected`.
    public var purchaseCount: Int { purchases.count }
    public var duplicateCount: Int { rejected.count { $0.reason.isDuplicate } }
    public var rejectedCount: Int { rejected.count - duplicateCount }

    /// The default as-of date: the day after the latest purchase.
    public var defaultAsOf: Day? { latestDay.map { $0 + 1 } }
}

/// The grouped purchases' memory (`LargeAllocation`, huge pages), filled once
/// by `PurchaseHistory.grouping` (PurchaseGrouping.swift) and read-only after that.
final class GroupedPurchases: @unchecked Sendable {
    let base: UnsafeMutablePointer<GroupedPurchase>
    private let capacity: Int
    /// Purchases kept (exact duplicates removed), at the front.
    var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = LargeAllocation.allocate(byteCount: max(capacity, 1) * MemoryLayout<GroupedPurchase>.stride)
            .bindMemory(to: GroupedPurchase.self, capacity: max(capacity, 1))
    }

    deinit {
        LargeAllocation.deallocate(UnsafeMutableRawPointer(base), byteCount: max(capacity, 1) * MemoryLayout<GroupedPurchase>.stride)
    }
}
