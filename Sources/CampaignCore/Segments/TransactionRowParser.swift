/// Takes one stretch of a transactions CSV apart: accepted rows in file order
/// (customer ids interned), the line of each, and the rejected rows with
/// their reasons. The stretch is a whole file (`TransactionReader`) or one
/// half of it read on its own thread (`TransactionFile`).
///
/// Memory: the bytes of one chunk, 24 bytes per accepted row and the interned
/// ids. Row storage is reserved (not touched) from the stretch's size, so it
/// is written once and never regrown.
final class TransactionRowParser {
    /// Where the mapped columns sit in each row.
    struct HeaderLayout {
        var fieldCount: Int
        var customer: Int
        var date: Int
        var amount: Int
        /// -1: the file has no such column.
        var category: Int
        var channel: Int

        var hasLabels: Bool { category >= 0 || channel >= 0 }
    }

    let columns: TransactionColumns
    let scanner: CSVRecordScanner
    let ids: CustomerIDTable
    /// Codes of the amounts too large for a row's 8 bytes (shared by the halves of a file).
    let amounts: LargeAmounts
    // Unchecked: touched once per row, only by the thread that owns this
    // parser, and a dynamic exclusivity check per touch showed in profiles.
    @exclusivity(unchecked) private(set) var rows: PurchaseRows
    @exclusivity(unchecked) private(set) var lines = RowLines()
    private(set) var rejected: [RejectedRow] = []
    private(set) var layout: HeaderLayout? {
        didSet { startLabels() }
    }
    /// The rows' categories and channels, when the header has either column.
    @exclusivity(unchecked) private(set) var labels: LabelTables?
    /// Sizes `labels`' row storage like `rows`'.
    private let rowCapacity: Int
    /// Data rows seen so far (not the header, not blank lines).
    private(set) var rowsRead = 0
    /// Every physical line, by what it turned out to be (see `TransactionLines`).
    private(set) var lineAccount = TransactionLines()

    /// Accepted rows whose customer ids are not interned yet (see `flushPending`).
    private struct PendingRow {
        var day: Int32
        /// The amount's `LargeAmounts` code.
        var amount: Int64
        var rowHash: UInt64
        var line: Int
        var label: RowLabel
    }
    private let pendingIDs: UnsafeMutablePointer<UnsafeRawBufferPointer>
    private let pendingRows: UnsafeMutablePointer<PendingRow>
    private let pendingIndices: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var pendingCount = 0
    private static let batchSize = 32

    /// `stretchBytes` sizes the row storage, `fileBytes` the customer table
    /// (each half of a file still meets nearly every customer); 0 when unknown.
    /// A stretch that does not start the file gets its header's `layout`.
    init(columns: TransactionColumns, stretchBytes: Int, fileBytes: Int, layout: HeaderLayout? = nil,
         amounts: LargeAmounts = LargeAmounts()) {
        self.columns = columns
        self.amounts = amounts
        scanner = CSVRecordScanner(atFileStart: layout == nil)
        // A typical row is ~25 bytes and customers average about ten rows;
        // guessing a few too many customers would double the table (and its
        // cache misses) for nothing, guessing too few costs one regrowth.
        ids = CustomerIDTable(expectedCount: min(max(fileBytes / 320, 1 << 12), 1 << 26))
        // No accepted row is shorter than 13 bytes (`a,20260101,1` and a line
        // end), so this never regrows for a file; pages never written cost nothing.
        rowCapacity = stretchBytes > 0 ? stretchBytes / 13 + 1 : 1 << 20
        rows = PurchaseRows(capacity: rowCapacity)
        pendingIDs = .allocate(capacity: Self.batchSize)
        pendingRows = .allocate(capacity: Self.batchSize)
        pendingIndices = .allocate(capacity: Self.batchSize)
        self.layout = layout
        startLabels()
    }

    private func startLabels() {
        if labels == nil, let layout, layout.hasLabels { labels = LabelTables(rows: RowLabels(capacity: rowCapacity)) }
    }

    deinit {
        pendingIDs.deallocate()
        pendingRows.deallocate()
        pendingIndices.deallocate()
    }

    /// Hands the rows' memory back (once they have been grouped).
    func releaseRows() {
        rows = PurchaseRows(capacity: 0)
    }

    /// Everything this parser read (the whole file), grouped by customer; its
    /// tables are freed as soon as the history holds the data.
    func groupedHistory() throws(TransactionInputError) -> PurchaseHistory {
        guard layout != nil else { throw .noHeader }
        let customerIDs = ids.snapshot()
        ids.releaseSlots()
        var history = PurchaseHistory.grouping([stretch()], customerIDs: customerIDs, rejected: rejected, rowsRead: rowsRead,
                                               amounts: amounts)
        history.lines = lineAccount.with(rowsRead: rowsRead)
        history.labels = purchaseLabels()
        releaseRows()
        return history
    }

    /// Reads every record the buffered bytes complete (`atEnd`: and the last
    /// one, even without a line end).
    func consume(atEnd: Bool) throws(TransactionInputError) {
        defer { flushPending() } // ids point into the scanner's buffer, which moves when more bytes come
        while let record = scanner.nextRecord(atEnd: atEnd) {
            if record.isBlank {
                lineAccount.blank += 1
                continue
            }
            guard let layout else {
                layout = try headerLayout(record)
                lineAccount.header += 1 + record.innerLineBreaks
                continue
            }
            rowsRead += 1
            if let reason = take(record, layout) {
                if record.spansLines {
                    // The quote that made this record span lines does not close
                    // into a valid row: most likely a stray quote. Reject only the
                    // line it opened on and read the lines after it again, so one
                    // bad byte cannot swallow the rest of the file.
                    rejected.append(RejectedRow(line: record.line, reason: .unterminatedQuote))
                    scanner.resynchronize()
                } else {
                    rejected.append(RejectedRow(line: record.line, reason: reason))
                }
                continue
            }
            lineAccount.continuation += record.innerLineBreaks
        }
    }

    /// Queues the row as a purchase, or says why it cannot be one.
    @inline(__always)
    private func take(_ record: CSVRecordScanner.Record, _ layout: HeaderLayout) -> RejectedRow.Reason? {
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
        // A line break in an id only comes from a quote that ran on into the
        // next rows; no customer is called that.
        if record.spansLines, id.contains(UInt8(ascii: "\n")) || id.contains(UInt8(ascii: "\r")) { return .unterminatedQuote }
        let dateField = record.field(layout.date)
        guard let day = PurchaseDate.parse(dateField) else { return .unparseableDate(RejectedRow.excerpt(dateField)) }
        guard Day.recordedRange.contains(day) else { return .dateOutOfRange(RejectedRow.excerpt(dateField)) }
        let amountField = record.field(layout.amount)
        let amount: Money
        switch PurchaseAmount.parse(amountField) {
        case .amount(let value): amount = value
        case .negative: return .negativeAmount(RejectedRow.excerpt(amountField))
        case .unparseable: return .unparseableAmount(RejectedRow.excerpt(amountField))
        case .outOfRange: return .amountOutOfRange(RejectedRow.excerpt(amountField))
        }
        // Interned last, once the row is known to be good: a rejected row leaves no name behind.
        var label = RowLabel(category: RowLabel.none, channel: RowLabel.none)
        if layout.hasLabels {
            if layout.category >= 0 { label.category = LabelTables.intern(record.field(layout.category), into: &labels!.categories) }
            if layout.channel >= 0 { label.channel = LabelTables.intern(record.field(layout.channel), into: &labels!.channels) }
        }
        pendingIDs[pendingCount] = id
        pendingRows[pendingCount] = PendingRow(day: Int32(truncatingIfNeeded: day.ordinal), amount: amounts.code(of: amount),
                                               rowHash: ShortBytesHash.hash(record.raw), line: record.line, label: label)
        pendingCount += 1
        // An id with doubled quotes lives in scratch space the next record reuses.
        if pendingCount == Self.batchSize || !record.fieldOutlivesRecord(layout.customer) { flushPending() }
        return nil
    }

    /// Interns the queued ids as one batch (their cache misses overlap) and
    /// stores the rows, in file order.
    private func flushPending() {
        guard pendingCount > 0 else { return }
        ids.intern(batch: pendingIDs, count: pendingCount, indices: pendingIndices)
        for k in 0..<pendingCount {
            let row = pendingRows[k]
            lines.record(row: rows.count, line: row.line)
            rows.append(Purchase(customer: pendingIndices[k], day: row.day, amount: row.amount, rowHash: row.rowHash))
            labels?.rows.append(row.label)
        }
        pendingCount = 0
    }

    private func headerLayout(_ record: CSVRecordScanner.Record) throws(TransactionInputError) -> HeaderLayout {
        let names = (0..<record.fieldCount).map { index in
            String(decoding: record.field(index).trimmingSpaces(), as: UTF8.self)
        }
        /// -1 for an optional column the header lacks.
        func position(of name: String, option: String, required: Bool = true) throws(TransactionInputError) -> Int {
            let matches = names.indices.filter { names[$0] == name }
            guard let first = matches.first else {
                if !required { return -1 }
                throw .missingColumn(name, option: option, header: names)
            }
            guard matches.count == 1 else { throw .ambiguousColumn(name, option: option) }
            return first
        }
        return HeaderLayout(fieldCount: names.count,
                            customer: try position(of: columns.customer, option: "--customer-col"),
                            date: try position(of: columns.date, option: "--date-col"),
                            amount: try position(of: columns.amount, option: "--amount-col"),
                            category: try position(of: columns.category, option: "--category-col",
                                                   required: columns.categoryIsRequired),
                            channel: try position(of: columns.channel, option: "--channel-col",
                                                  required: columns.channelIsRequired))
    }
}

extension TransactionRowParser {
    /// This parser's labels as the whole file's (the serial read).
    func purchaseLabels() -> PurchaseLabels {
        guard let layout, let labels else { return .absent }
        return PurchaseLabels(hasCategory: layout.category >= 0, hasChannel: layout.channel >= 0,
                              categoryNames: labels.categories.names, channelNames: labels.channels.names,
                              parts: [labels.rows], firstRows: [0])
    }

    /// The two halves' labels as the whole file's: the second half's names
    /// join the first's tables in the order it met them (which is the order
    /// the serial read meets them), and its rows are renumbered to match.
    static func purchaseLabels(first: TransactionRowParser, second: TransactionRowParser) -> PurchaseLabels {
        guard let layout = first.layout, var labels = first.labels, let other = second.labels else { return .absent }
        let categories = other.categories.names.map { labels.categories.intern($0) }
        let channels = other.channels.names.map { labels.channels.intern($0) }
        other.rows.renumber(categories: categories, channels: channels)
        return PurchaseLabels(hasCategory: layout.category >= 0, hasChannel: layout.channel >= 0,
                              categoryNames: labels.categories.names, channelNames: labels.channels.names,
                              parts: [labels.rows, other.rows], firstRows: [0, labels.rows.count])
    }

    /// What grouping needs of this stretch, its customers renumbered by
    /// `customerMapping` (nil: already numbered for the whole file) and its
    /// lines moved down by `lineOffset` (the lines of the stretches before it).
    func stretch(customerMapping: [UInt32]? = nil, lineOffset: Int = 0) -> PurchaseStretch {
        PurchaseStretch(rows: rows.mutableBuffer, lines: lines, lineOffset: lineOffset, customerMapping: customerMapping)
    }
}

/// Accepted rows of one stretch of the file, in file order, ready to be grouped.
struct PurchaseStretch {
    /// Mutable only so grouping can renumber the customers (`renumberAndCount`).
    let rows: UnsafeMutableBufferPointer<Purchase>
    let lines: RowLines
    let lineOffset: Int
    let customerMapping: [UInt32]?

    func line(ofRow row: Int) -> Int { lines.line(ofRow: row) + lineOffset }
}
