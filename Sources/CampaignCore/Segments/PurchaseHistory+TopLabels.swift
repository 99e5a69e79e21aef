/// `top_category` and `top_channel`: per customer, the value on the most of
/// their purchase rows on or before the as-of day (`day <= asOf`, as
/// `CustomerFeatures.measure` counts); a tie goes to the larger total amount,
/// then to the smaller name in byte order. Rows with an empty value do not
/// vote; a customer with none left has no top value (nil), as has everyone
/// when the file lacks the column.
extension PurchaseHistory {
    /// The names the codes of `topCategory` stand for (empty without the column).
    public var categoryNames: [String] { labels.categoryNames }
    public var channelNames: [String] { labels.channelNames }
    /// Whether the file had a category / channel column at all.
    public var hasCategoryColumn: Bool { labels.hasCategory }
    public var hasChannelColumn: Bool { labels.hasChannel }

    /// Customer `customer`'s top category as of `asOf`, as an index into `categoryNames`.
    public func topCategory(ofCustomer customer: Int, asOf: Day) -> Int32? {
        guard labels.hasCategory else { return nil }
        return topLabel(ofCustomer: customer, asOf: asOf, ranks: labels.categoryRanks) { $0.category }
    }

    /// Customer `customer`'s top channel as of `asOf`, as an index into `channelNames`.
    public func topChannel(ofCustomer customer: Int, asOf: Day) -> Int32? {
        guard labels.hasChannel else { return nil }
        return topLabel(ofCustomer: customer, asOf: asOf, ranks: labels.channelRanks) { $0.channel }
    }

    /// One code and amount per voting row, in scratch memory on the stack
    /// for the usual handful of rows (no allocation per customer), sorted by
    /// code so each value's rows are one run.
    private func topLabel(ofCustomer customer: Int, asOf: Day, ranks: [Int32],
                          _ code: (RowLabel) -> Int32) -> Int32? {
        let lower = offsets[customer], end = purchasesEnd(ofCustomer: customer, asOf: asOf)
        guard end > lower else { return nil }
        let rows = purchases.base
        if end - lower == 1 {
            let only = code(labels.label(ofRow: Int(rows[lower].row)))
            return only == RowLabel.none ? nil : only
        }
        return withUnsafeTemporaryAllocation(of: Vote.self, capacity: end - lower) { votes in
            var count = 0
            for i in lower..<end {
                let value = code(labels.label(ofRow: Int(rows[i].row)))
                if value == RowLabel.none { continue }
                (votes.baseAddress! + count).initialize(to: Vote(code: value, amount: rows[i].amount))
                count += 1
            }
            guard count > 0 else { return nil }
            var cast = UnsafeMutableBufferPointer(rebasing: votes[0..<count])
            cast.sort { $0.code < $1.code }
            var best: (code: Int32, rows: Int, amount: Int128)? = nil
            var start = 0
            while start < count {
                var stop = start, total: Int128 = 0
                while stop < count, cast[stop].code == cast[start].code {
                    total &+= amounts.amount(of: cast[stop].amount)
                    stop += 1
                }
                let candidate = (code: cast[start].code, rows: stop - start, amount: total)
                if let current = best {
                    if candidate.rows > current.rows
                        || (candidate.rows == current.rows && candidate.amount > current.amount)
                        || (candidate.rows == current.rows && candidate.amount == current.amount
                            && ranks[Int(candidate.code)] < ranks[Int(current.code)]) {
                        best = candidate
                    }
                } else {
                    best = candidate
                }
                start = stop
            }
            return best?.code
        }
    }

    /// The end of customer `customer`'s purchases on or before `asOf` (days ascending).
    private func purchasesEnd(ofCustomer customer: Int, asOf: Day) -> Int {
        var low = offsets[customer], high = offsets[customer + 1]
        let limit = Int32(clamping: asOf.ordinal)
        while low < high {
            let middle = (low + high) / 2
            if purchases.base[middle].day <= limit { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private struct Vote {
        var code: Int32
        var amount: Int64
    }
}
