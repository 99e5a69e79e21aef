/// Exact duplicate rows (reported, and counted once), found while
/// grouping: only rows of one customer with the same day and amount can be
/// duplicates, and only for those few are the row hashes and lines looked up.
extension PurchaseHistory {
    /// Copies the group `lower..<upper` (sorted) to `write…`, leaving out each
    /// row with the same bytes as an earlier one; returns the new `write`.
    @inline(__always)
    static func keepFirstOccurrences(_ grouped: UnsafeMutablePointer<GroupedPurchase>, _ lower: Int, _ upper: Int,
                                     write: Int, rows: RowLookup, into result: inout RangeResult) -> Int {
        var write = write
        var i = lower
        while i < upper {
            let purchase = grouped[i]
            var j = i + 1
            while j < upper, grouped[j].day == purchase.day, grouped[j].amount == purchase.amount { j += 1 }
            if j - i == 1 {
                grouped[write] = purchase
                write += 1
            } else {
                write = keepFirstOccurrences(inRun: grouped, i, j, write: write, rows: rows, into: &result)
            }
            result.latestDay = max(result.latestDay, purchase.day)
            i = j
        }
        return write
    }

    /// Rows `lower..<upper` share customer, day and amount and are in file
    /// order: a row whose hash an earlier row of the run has is a duplicate
    /// of the first such row.
    private static func keepFirstOccurrences(inRun grouped: UnsafeMutablePointer<GroupedPurchase>, _ lower: Int, _ upper: Int,
                                             write: Int, rows: RowLookup, into result: inout RangeResult) -> Int {
        // (hash, position in the run), sorted: equal hashes end up together, the first occurrence first.
        let byHash = (lower..<upper).map { (hash: rows.hash(ofRow: Int(grouped[$0].row)), position: $0 - lower) }.sorted { a, b in
            a.hash != b.hash ? a.hash < b.hash : a.position < b.position
        }
        var isDuplicate = [Bool](repeating: false, count: upper - lower)
        var k = 0
        while k < byHash.count {
            let original = byHash[k]
            var m = k + 1
            while m < byHash.count, byHash[m].hash == original.hash {
                isDuplicate[byHash[m].position] = true
                result.duplicates.append(RejectedRow(
                    line: rows.line(ofRow: Int(grouped[lower + byHash[m].position].row)),
                    reason: .duplicate(ofLine: rows.line(ofRow: Int(grouped[lower + original.position].row)))))
                m += 1
            }
            k = m
        }
        var write = write
        for position in 0..<(upper - lower) where !isDuplicate[position] {
            grouped[write] = grouped[lower + position] // write ≤ lower + position: never overwrites a row still to be read
            write += 1
        }
        return write
    }
}

/// Finds a row's hash and line from its position in the whole file.
struct RowLookup {
    let stretches: [PurchaseStretch]
    let firstRows: [Int]

    private func locate(_ row: Int) -> (stretch: Int, index: Int) {
        var s = stretches.count - 1
        while firstRows[s] > row { s -= 1 }
        return (s, row - firstRows[s])
    }

    func hash(ofRow row: Int) -> UInt64 {
        let (s, index) = locate(row)
        return stretches[s].rows[index].rowHash
    }

    func line(ofRow row: Int) -> Int {
        let (s, index) = locate(row)
        return stretches[s].line(ofRow: index)
    }
}
