/// Every accepted row in file order, in one growable block of `LargeAllocation`
/// memory (not a Swift array).
///
/// Why: ten million rows grown by doubling copy every row about twice and
/// fault in fresh 4 KB pages each time; reserving from the file size up front
/// (untouched pages cost nothing) writes each row once, into huge pages.
final class PurchaseRows {
    private var base: UnsafeMutablePointer<Purchase>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1 << 12)
        base = LargeAllocation.allocate(byteCount: self.capacity * MemoryLayout<Purchase>.stride)
            .bindMemory(to: Purchase.self, capacity: self.capacity)
    }

    deinit {
        LargeAllocation.deallocate(UnsafeMutableRawPointer(base), byteCount: capacity * MemoryLayout<Purchase>.stride)
    }

    @inline(__always)
    func append(_ row: Purchase) {
        if count == capacity { grow() }
        (base + count).initialize(to: row)
        count += 1
    }

    /// Valid until the next `append`.
    var mutableBuffer: UnsafeMutableBufferPointer<Purchase> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// Only when the size was unknown (standard input) or underestimated.
    private func grow() {
        let grown = capacity * 2
        let replacement = LargeAllocation.allocate(byteCount: grown * MemoryLayout<Purchase>.stride)
            .bindMemory(to: Purchase.self, capacity: grown)
        replacement.moveInitialize(from: base, count: count)
        LargeAllocation.deallocate(UnsafeMutableRawPointer(base), byteCount: capacity * MemoryLayout<Purchase>.stride)
        base = replacement
        capacity = grown
    }
}
