/// From rows in file order to `PurchaseHistory`: a counting sort by customer
/// into 16-byte `GroupedPurchase`s, then each customer's rows sorted by day
/// and cleaned of exact duplicates (DuplicateRows.swift).
///
/// Why a counting sort and not a dictionary of arrays: a million small arrays
/// are a million allocations; two passes over the rows and one block of
/// memory are not.
extension PurchaseHistory {
    /// Groups the rows of consecutive stretches of one file by customer, sorts
    /// each customer's rows by day and drops exact duplicates, reporting each
    /// with the line of its first occurrence.
    ///
    /// Two stretches (two halves of a file) are counted and placed on two
    /// threads, and customers are then cleaned on two threads in two ranges;
    /// no thread writes what another one writes.
    static func grouping(_ stretches: [PurchaseStretch], customerIDs: CustomerIDs, rejected: [RejectedRow],
                         rowsRead: Int, amounts: LargeAmounts) -> PurchaseHistory {
        let customers = customerIDs.count
        var firstRows: [Int] = []
        var total = 0
        for stretch in stretches {
            firstRows.append(total)
            total += stretch.rows.count
        }
        precondition(total < Int(UInt32.max), "more than 4 billion purchase rows")

        // Counting sort by customer: count, then place. Each stretch counts its
        // own rows, and places them after the earlier stretches' rows of the
        // same customer, so every group comes out in file order.
        let cursors = UnsafeMutablePointer<UInt32>.allocate(capacity: max(customers * stretches.count, 1))
        defer { cursors.deallocate() }
        cursors.initialize(repeating: 0, count: customers * stretches.count)
        ParallelWork.run(stretches.count) { s in
            stretches[s].renumberAndCount(into: cursors + s * customers)
        }
        var offsets = [Int](repeating: 0, count: customers + 1)
        offsets.withUnsafeMutableBufferPointer { offsets in
            var next = 0
            for customer in 0..<customers {
                for s in 0..<stretches.count {
                    let count = Int(cursors[s * customers + customer])
                    cursors[s * customers + customer] = UInt32(truncatingIfNeeded: next)
                    next += count
                }
                offsets[customer + 1] = next
            }
        }
        let store = GroupedPurchases(capacity: total)
        let grouped = store.base
        ParallelWork.run(stretches.count) { s in
            let next = cursors + s * customers
            let rows = stretches[s].rows, first = firstRows[s]
            for i in rows.indices {
                let row = rows[i]
                let slot = Int(next[Int(row.customer)])
                next[Int(row.customer)] = UInt32(truncatingIfNeeded: slot + 1)
                // One 16-byte store rather than one per field: each store to a
                // line not in cache holds a store-buffer entry until it arrives.
                UnsafeMutableRawPointer(grouped + slot).storeBytes(
                    of: GroupedPurchase.packed(day: row.day, row: UInt32(truncatingIfNeeded: first + i), amount: row.amount),
                    as: SIMD2<UInt64>.self)
            }
        }

        // Sort and de-duplicate each customer's group, in two customer ranges
        // of about the same number of rows, each compacted to its own front.
        let ranges = customerRanges(offsets, pieces: total >= 1 << 12 ? ParallelWork.pieces : 1)
        let keptCounts = cursors // placing is done: their memory counts what each customer keeps
        var results = [RangeResult](repeating: RangeResult(), count: ranges.count)
        let rows = RowLookup(stretches: stretches, firstRows: firstRows)
        results.withUnsafeMutableBufferPointer { results in
            ParallelWork.run(ranges.count) { r in
                var result = RangeResult()
                var write = offsets[ranges[r].lowerBound]
                for customer in ranges[r] {
                    let lower = offsets[customer], upper = offsets[customer + 1]
                    sortSmall(UnsafeMutableBufferPointer(start: grouped + lower, count: upper - lower))
                    let before = write
                    write = keepFirstOccurrences(grouped, lower, upper, write: write, rows: rows, into: &result)
                    keptCounts[customer] = UInt32(truncatingIfNeeded: write - before)
                }
                result.kept = write - offsets[ranges[r].lowerBound]
                results[r] = result
            }
        }
        // Close the gaps the duplicates left between ranges.
        var kept = 0
        for (r, range) in ranges.enumerated() {
            let start = offsets[range.lowerBound]
            if start != kept, results[r].kept > 0 {
                (grouped + kept).moveInitialize(from: grouped + start, count: results[r].kept)
            }
            kept += results[r].kept
        }
        store.count = kept
        for customer in 0..<customers { offsets[customer + 1] = offsets[customer] + Int(keptCounts[customer]) }

        var allRejected = rejected
        for result in results { allRejected += result.duplicates }
        if allRejected.count > rejected.count { allRejected.sort { $0.line < $1.line } }
        let latest = results.map(\.latestDay).max() ?? Int32.min
        return PurchaseHistory(customerIDs: customerIDs, offsets: offsets, purchases: store, rejected: allRejected,
                               rowsRead: rowsRead, latestDay: kept == 0 ? nil : Day(ordinal: Int(latest)), amounts: amounts)
    }

    /// What cleaning one customer range found.
    struct RangeResult {
        var duplicates: [RejectedRow] = []
        var kept = 0
        var latestDay = Int32.min
    }

    /// Consecutive customer ranges with about the same number of rows each.
    private static func customerRanges(_ offsets: [Int], pieces: Int) -> [Range<Int>] {
        let customers = offsets.count - 1
        var ranges: [Range<Int>] = []
        var lower = 0
        for piece in 1...pieces {
            var upper = customers
            if piece < pieces {
                let target = offsets[customers] / pieces * piece
                upper = lower
                while upper < customers, offsets[upper] < target { upper += 1 }
            }
            ranges.append(lower..<upper)
            lower = upper
        }
        return ranges
    }

    /// Insertion sort for the few rows a customer usually has; the library
    /// sort for the rare customer with many.
    private static func sortSmall(_ rows: UnsafeMutableBufferPointer<GroupedPurchase>) {
        guard rows.count > 1 else { return }
        guard rows.count <= 24 else {
            var many = rows
            many.sort(by: GroupedPurchase.isOrderedBefore)
            return
        }
        for i in 1..<rows.count {
            let row = rows[i]
            var j = i
            while j > 0, GroupedPurchase.isOrderedBefore(row, rows[j - 1]) {
                rows[j] = rows[j - 1]
                j -= 1
            }
            rows[j] = row
        }
    }
}

extension PurchaseStretch {
    /// Counts the rows of each customer into `counts` and, for a stretch
    /// whose customers were numbered on their own, renumbers every row for
    /// the whole file on the way (placing then reads the number straight from
    /// the row, without a second lookup in the mapping).
    func renumberAndCount(into counts: UnsafeMutablePointer<UInt32>) {
        guard let customerMapping else {
            for row in rows { counts[Int(row.customer)] &+= 1 }
            return
        }
        customerMapping.withUnsafeBufferPointer { mapping in
            for i in rows.indices {
                let customer = mapping[Int(rows[i].customer)]
                rows[i].customer = customer
                counts[Int(customer)] &+= 1
            }
        }
    }
}
