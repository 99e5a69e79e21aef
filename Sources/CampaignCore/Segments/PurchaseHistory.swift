/// Every customer's purchases, read and cleaned: grouped by customer, sorted
/// by day, exact duplicates removed; plus what was rejected and why.
///
/// This is the input to `CustomerBase` (features and scores); it does not
/// depend on the as-of date, so one file can be scored as of several dates.
public struct PurchaseHistory: Sendable {
    public let customerIDs: CustomerIDs
    /// Customer `i`'s purchases are `days[offsets[i]..<offsets[i + 1]]` (as
    /// `Day.ordinal`, ascending) with the amounts at the same positions.
    let offsets: [Int]
    let days: [Int32]
    let amountMicros: [Int64]
    /// Every rejected row and exact duplicate, by line.
    public let rejected: [RejectedRow]
    /// Data rows read (the header and blank lines not included).
    public let rowsRead: Int

    public var customerCount: Int { customerIDs.count }
    /// Rows counted as purchases: `rowsRead` minus everything in `rejected`.
    public var purchaseCount: Int { days.count }
    public var duplicateCount: Int { rejected.count { $0.reason.isDuplicate } }
    public var rejectedCount: Int { rejected.count - duplicateCount }

    /// The latest purchase day, nil when nothing was accepted.
    public var latestDay: Day? { days.max().map { Day(ordinal: Int($0)) } }

    /// The default as-of date (SPEC §6): the day after the latest purchase.
    public var defaultAsOf: Day? { latestDay.map { $0 + 1 } }
}

extension PurchaseHistory {
    /// Groups rows (in file order) by customer, sorts each customer's rows by
    /// day and drops exact duplicates, reporting each with the line it repeats.
    static func grouping(_ rows: UnsafeBufferPointer<Purchase>, customerIDs: CustomerIDs, rejected: [RejectedRow],
                         rowsRead: Int) -> PurchaseHistory {
        let customers = customerIDs.count
        // Counting sort by customer: one pass to count, one to place. The
        // placed copy is as big as the rows, so it goes in huge pages too
        // (`LargeAllocation`) and is handed back as soon as it is read. (An
        // in-place American flag sort saves that memory but was slower: its
        // swaps form a chain of dependent cache misses.)
        var offsets = [Int](repeating: 0, count: customers + 1)
        for row in rows { offsets[Int(row.customer) + 1] += 1 }
        for i in 0..<customers { offsets[i + 1] += offsets[i] }
        let groupedBytes = rows.count * MemoryLayout<Purchase>.stride
        let grouped = LargeAllocation.allocate(byteCount: groupedBytes).bindMemory(to: Purchase.self, capacity: rows.count)
        defer { LargeAllocation.deallocate(UnsafeMutableRawPointer(grouped), byteCount: groupedBytes) }
        var next = offsets
        next.withUnsafeMutableBufferPointer { next in
            for row in rows {
                let slot = next[Int(row.customer)]
                (grouped + slot).initialize(to: row)
                next[Int(row.customer)] = slot + 1
            }
        }
        let all = UnsafeMutableBufferPointer(start: grouped, count: rows.count)

        var keptOffsets = [Int](repeating: 0, count: customers + 1)
        var days = [Int32](), amounts = [Int64]()
        days.reserveCapacity(rows.count)
        amounts.reserveCapacity(rows.count)
        var allRejected = rejected
        for customer in 0..<customers {
            let slice = UnsafeMutableBufferPointer(rebasing: all[offsets[customer]..<offsets[customer + 1]])
            sortSmall(slice)
            var previous: Purchase?
            for purchase in slice {
                if let kept = previous, purchase.isExactDuplicate(of: kept) {
                    allRejected.append(RejectedRow(line: purchase.line, reason: .duplicate(ofLine: kept.line)))
                    continue
                }
                days.append(purchase.day)
                amounts.append(purchase.amountMicros)
                previous = purchase
            }
            keptOffsets[customer + 1] = days.count
        }
        allRejected.sort { $0.line < $1.line }
        return PurchaseHistory(customerIDs: customerIDs, offsets: keptOffsets, days: days, amountMicros: amounts,
                               rejected: allRejected, rowsRead: rowsRead)
    }

    /// Insertion sort for the few rows a customer usually has; the library
    /// sort for the rare customer with many.
    private static func sortSmall(_ rows: UnsafeMutableBufferPointer<Purchase>) {
        guard rows.count > 1 else { return }
        guard rows.count <= 24 else {
            var many = rows
            many.sort(by: Purchase.isOrderedBefore)
            return
        }
        for i in 1..<rows.count {
            let row = rows[i]
            var j = i
            while j > 0, Purchase.isOrderedBefore(row, rows[j - 1]) {
                rows[j] = rows[j - 1]
                j -= 1
            }
            rows[j] = row
        }
    }
}
