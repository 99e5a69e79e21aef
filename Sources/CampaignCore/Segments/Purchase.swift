/// One accepted transactions row, as kept in file order until the file has
/// been read (24 bytes: ten million rows are 240 MB, and on this kind of
/// machine every fresh megabyte costs about as much as parsing one).
struct Purchase {
    /// Dense customer index in the reader's `CustomerIDTable`.
    var customer: UInt32
    /// The purchase day, as `Day.ordinal`.
    var day: Int32
    /// The amount in billionths, as a `LargeAmounts` code.
    var amount: Int64
    /// Hash of the row's exact bytes: with the same customer, day and amount,
    /// equal hashes mark an exact duplicate row. (A false match would need
    /// a 64-bit collision between two rows of one customer on one day with
    /// one amount: not a practical risk.) The row's line is not stored here:
    /// `RowLines` recovers it from the row's position.
    var rowHash: UInt64
}

/// A purchase in its customer's group (16 bytes), once rows are grouped:
/// `row` (the position in file order over the whole file) finds its hash and
/// line again for the rare rows that might be exact duplicates.
struct GroupedPurchase {
    var day: Int32
    var row: UInt32
    /// The amount's `LargeAmounts` code: equal codes, equal amounts.
    var amount: Int64

    /// The purchase as the 16 bytes of its memory layout (day, row, amount),
    /// to be written with one store.
    @inline(__always)
    static func packed(day: Int32, row: UInt32, amount: Int64) -> SIMD2<UInt64> {
        SIMD2(UInt64(UInt32(bitPattern: day)) | UInt64(row) << 32, UInt64(bitPattern: amount))
    }

    /// Day, then amount, then file order: candidate duplicates end up next to
    /// each other, the first occurrence first.
    @inline(__always)
    static func isOrderedBefore(_ a: GroupedPurchase, _ b: GroupedPurchase) -> Bool {
        if a.day != b.day { return a.day < b.day }
        if a.amount != b.amount { return a.amount < b.amount }
        return a.row < b.row
    }
}
