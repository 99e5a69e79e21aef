/// One accepted transactions row, as kept until the file has been read.
struct Purchase {
    /// The purchase day, as `Day.ordinal`.
    var day: Int32
    var customer: Int32
    var amountMicros: Int64
    /// Hash of the row's exact bytes: with the same customer, day and amount,
    /// equal hashes mark an exact duplicate row. (A false match would need
    /// a 64-bit collision between two rows of one customer on one day with
    /// one amount: not a practical risk.)
    var rowHash: UInt64
    /// Physical line where the row starts.
    var line: Int

    /// Duplicates sort next to each other, the first occurrence first.
    @inline(__always)
    static func isOrderedBefore(_ a: Purchase, _ b: Purchase) -> Bool {
        if a.day != b.day { return a.day < b.day }
        if a.amountMicros != b.amountMicros { return a.amountMicros < b.amountMicros }
        if a.rowHash != b.rowHash { return a.rowHash < b.rowHash }
        return a.line < b.line
    }

    @inline(__always)
    func isExactDuplicate(of other: Purchase) -> Bool {
        day == other.day && amountMicros == other.amountMicros && rowHash == other.rowHash
    }
}
