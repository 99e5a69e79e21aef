/// Reads a transactions CSV (SPEC §6) chunk by chunk into a `PurchaseHistory`.
///
/// Feed it bytes in any chunk sizes (`feed`, or `fill` to read a file straight
/// into its buffer), then call `finish`. Bad rows are rejected with their line
/// and reason and reading goes on; only a file without a usable header stops it.
///
/// Memory: the bytes of one chunk, plus 32 bytes per accepted row and the
/// interned customer ids; never the whole file. Row storage is reserved (not
/// touched) from the file size, so it is written once and never regrown.
public final class TransactionReader {
    public let columns: TransactionColumns
    private let scanner = CSVRecordScanner()
    private let ids: CustomerIDTable
    private var rows: PurchaseRows
    private var rejected: [RejectedRow] = []
    private var layout: HeaderLayout?
    /// Data rows seen so far (not the header, not blank lines).
    public private(set) var rowsRead = 0

    /// Where the mapped columns sit in each row.
    private struct HeaderLayout {
        var fieldCount: Int
        var customer: Int
        var date: Int
        var amount: Int
    }

    /// `expectedBytes` (the file size, when known) sizes the customer table
    /// up front, so a big file does not pay for the table doubling and
    /// rehashing a dozen times as customers arrive.
    public init(columns: TransactionColumns = .default, expectedBytes: Int = 0) {
        self.columns = columns
        // A typical row is ~25 bytes and customers average about ten rows;
        // guessing a few too many customers would double the table (and its
        // cache misses) for nothing, guessing too few costs one regrowth.
        ids = CustomerIDTable(expectedCount: min(max(expectedBytes / 320, 1 << 12), 1 << 26))
        // No accepted row is shorter than 13 bytes (`a,20260101,1` and a line
        // end), so this never regrows for a file; pages never written cost nothing.
        rows = PurchaseRows(capacity: expectedBytes > 0 ? expectedBytes / 13 + 1 : 1 << 20)
    }

    /// Bytes taken apart into rows so far (for progress reports).
    public var bytesRead: Int { scanner.bytesConsumed }

    public func feed(_ bytes: UnsafeRawBufferPointer) throws(TransactionInputError) {
        scanner.append(bytes)
        try consume(atEnd: false)
    }

    public func feed(_ text: String) throws(TransactionInputError) {
        var text = text
        text.withUTF8 { scanner.append(UnsafeRawBufferPointer($0)) }
        try consume(atEnd: false)
    }

    /// Lets `read` write up to `maximum` bytes straight into the reader's
    /// buffer (e.g. `read(2)` from a file), then reads the rows they complete.
    /// Returns what `read` returned: 0 at the end of the input.
    public func fill(maximum: Int = 1 << 22, _ read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> Int {
        let count = try scanner.fill(maximum: maximum, read)
        if count > 0 { try consume(atEnd: false) }
        return count
    }

    /// Reads the last row (which may lack a line end) and groups the purchases.
    public func finish() throws(TransactionInputError) -> PurchaseHistory {
        try consume(atEnd: true)
        guard layout != nil else { throw .noHeader }
        let history = PurchaseHistory.grouping(rows.buffer, customerIDs: ids.snapshot(), rejected: rejected, rowsRead: rowsRead)
        rows = PurchaseRows(capacity: 0) // hands the rows' memory back now
        return history
    }

    // MARK: - Rows

    private func consume(atEnd: Bool) throws(TransactionInputError) {
        while let record = scanner.nextRecord(atEnd: atEnd) {
            if record.isBlank { continue }
            guard let layout else {
                layout = try headerLayout(record)
                continue
            }
            rowsRead += 1
            if let reason = problem(in: record, layout) {
                rejected.append(RejectedRow(line: record.line, reason: reason))
            }
        }
    }

    /// Adds the row as a purchase, or says why it cannot be one.
    @inline(__always)
    private func problem(in record: CSVRecordScanner.Record, _ layout: HeaderLayout) -> RejectedRow.Reason? {
        switch record.quoteProblem {
        case .unterminated: return .unterminatedQuote
        case .textAfterClosingQuote: return .textAfterClosingQuote
        case nil: break
        }
        guard record.fieldCount == layout.fieldCount else {
            return .wrongFieldCount(expected: layout.fieldCount, found: record.fieldCount)
        }
        let id = record.field(layout.customer).trimmingSpaces()
        guard id.count > 0 else { return .emptyCustomerID }
        let dateField = record.field(layout.date)
        guard let day = PurchaseDate.parse(dateField) else { return .unparseableDate(RejectedRow.excerpt(dateField)) }
        let amountField = record.field(layout.amount)
        let amount: Money
        switch PurchaseAmount.parse(amountField) {
        case .amount(let value): amount = value
        case .negative: return .negativeAmount(RejectedRow.excerpt(amountField))
        case .unparseable: return .unparseableAmount(RejectedRow.excerpt(amountField))
        }
        rows.append(Purchase(day: Int32(truncatingIfNeeded: day.ordinal), customer: ids.intern(id),
                             amountMicros: amount.micros, rowHash: ShortBytesHash.hash(record.raw), line: record.line))
        return nil
    }

    private func headerLayout(_ record: CSVRecordScanner.Record) throws(TransactionInputError) -> HeaderLayout {
        let names = (0..<record.fieldCount).map { index in
            String(decoding: record.field(index).trimmingSpaces(), as: UTF8.self)
        }
        func position(of name: String, option: String) throws(TransactionInputError) -> Int {
            let matches = names.indices.filter { names[$0] == name }
            guard let first = matches.first else { throw .missingColumn(name, option: option, header: names) }
            guard matches.count == 1 else { throw .ambiguousColumn(name, option: option) }
            return first
        }
        return HeaderLayout(fieldCount: names.count,
                            customer: try position(of: columns.customer, option: "--customer-col"),
                            date: try position(of: columns.date, option: "--date-col"),
                            amount: try position(of: columns.amount, option: "--amount-col"))
    }
}
