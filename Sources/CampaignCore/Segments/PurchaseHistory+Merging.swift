/// One person under several ids (a customers file's `--merge-on phone`)
/// becomes one customer: their purchases are grouped again under the id that
/// stands for them, so every feature, score and lifetime value sees the
/// person once.
extension PurchaseHistory {
    /// The history with every customer id replaced by `standingID(id)` (nil:
    /// the id stands for itself). A merged customer takes the place of the
    /// first of their ids in the file; their purchases stay sorted by day.
    /// Without a single id to merge, this is the history itself, uncopied.
    public func merging(standingID: (String) -> String?) -> PurchaseHistory {
        var groupOf = [Int](repeating: -1, count: customerCount)
        var groupIDs: [String] = []
        var groupByID: [String: Int] = [:]
        var merged = false
        for index in 0..<customerCount {
            let id = customerIDs[index]
            let standing = standingID(id) ?? id
            if let group = groupByID[standing] {
                groupOf[index] = group
                merged = true
            } else {
                groupByID[standing] = groupIDs.count
                groupOf[index] = groupIDs.count
                groupIDs.append(standing)
            }
            if standing != id { merged = true }
        }
        guard merged else { return self }
        var members = [[Int]](repeating: [], count: groupIDs.count)
        for index in 0..<customerCount { members[groupOf[index]].append(index) }

        let regrouped = GroupedPurchases(capacity: purchases.count)
        var newOffsets = [0]
        newOffsets.reserveCapacity(groupIDs.count + 1)
        var idBytes: [UInt8] = [], idStarts = [0]
        for (group, indices) in members.enumerated() {
            let start = regrouped.count
            for index in indices {
                for position in offsets[index]..<offsets[index + 1] {
                    (regrouped.base + regrouped.count).initialize(to: purchases.base[position])
                    regrouped.count += 1
                }
            }
            if indices.count > 1 {
                // Each id's purchases are sorted; together they need sorting again.
                var together = UnsafeMutableBufferPointer(start: regrouped.base + start, count: regrouped.count - start)
                together.sort { ($0.day, $0.row) < ($1.day, $1.row) }
            }
            newOffsets.append(regrouped.count)
            idBytes.append(contentsOf: groupIDs[group].utf8)
            idStarts.append(idBytes.count)
        }
        var history = PurchaseHistory(
            customerIDs: CustomerIDs(bytes: idBytes, starts: idStarts), offsets: newOffsets, purchases: regrouped,
            rejected: rejected, rowsRead: rowsRead, latestDay: latestDay, amounts: amounts)
        history.lines = lines
        // Labels are looked up by the purchase's row, which the regrouped purchases keep.
        history.labels = labels
        return history
    }
}
