/// A row's category and channel as codes into its file's name tables
/// (`PurchaseLabels`); `none` where the column is absent or the value empty.
struct RowLabel {
    static let none: Int32 = -1
    var category: Int32
    var channel: Int32
}

/// Every accepted row's `RowLabel` in file order, in one growable block of
/// `LargeAllocation` memory, beside `PurchaseRows` (same capacity rule).
///
/// Why apart from `Purchase`: a file without category or channel columns
/// (the usual export, and the speed benchmark's old mode) allocates and
/// writes nothing here, and a row stays 24 bytes for grouping either way.
final class RowLabels {
    private var base: UnsafeMutablePointer<RowLabel>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1 << 12)
        base = LargeAllocation.allocate(byteCount: self.capacity * MemoryLayout<RowLabel>.stride)
            .bindMemory(to: RowLabel.self, capacity: self.capacity)
    }

    deinit {
        LargeAllocation.deallocate(UnsafeMutableRawPointer(base), byteCount: capacity * MemoryLayout<RowLabel>.stride)
    }

    @inline(__always)
    func append(_ label: RowLabel) {
        if count == capacity { grow() }
        (base + count).initialize(to: label)
        count += 1
    }

    @inline(__always)
    subscript(row: Int) -> RowLabel { base[row] }

    /// Renumbers every code through the tables' mappings (the second half of a
    /// file, whose names were numbered on their own, into the first half's tables).
    func renumber(categories: [Int32], channels: [Int32]) {
        for i in 0..<count {
            let label = base[i]
            base[i] = RowLabel(category: label.category < 0 ? label.category : categories[Int(label.category)],
                               channel: label.channel < 0 ? label.channel : channels[Int(label.channel)])
        }
    }

    /// Only when the size was unknown (standard input) or underestimated.
    private func grow() {
        let grown = capacity * 2
        let replacement = LargeAllocation.allocate(byteCount: grown * MemoryLayout<RowLabel>.stride)
            .bindMemory(to: RowLabel.self, capacity: grown)
        replacement.moveInitialize(from: base, count: count)
        LargeAllocation.deallocate(UnsafeMutableRawPointer(base), byteCount: capacity * MemoryLayout<RowLabel>.stride)
        base = replacement
        capacity = grown
    }
}
