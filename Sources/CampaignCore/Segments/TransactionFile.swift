/// Reads a transactions file of known size into a `PurchaseHistory` on two
/// threads: exactly what `TransactionReader` gives for the same bytes (the
/// same customers in the same order, the same rejected rows and lines).
///
/// How: the file is cut in two at a line end near the middle, and each half
/// is read by its own `TransactionRowParser`, with its own customer table (no
/// locks, no shared writes). The second half's customers are then folded into
/// the first's table in the order they appear, which numbers every customer
/// by first appearance in the whole file, and its lines are moved down by the
/// first half's line count.
///
/// A quoted field may hold line breaks, so the cut could fall inside one. The
/// first half tells: if its last record does not end exactly at the cut, the
/// second half's work is dropped and the first parser reads on to the end,
/// which is simply the serial read. (A file with no quotes at all, the usual
/// export, never takes that path.) A stray quote is no different: its record
/// and the resynchronisation after it (`CSVRecordScanner`) are decided from
/// the bytes from the record's start on, so each half decides as the serial
/// read would, and a stray quote still open at the cut sends the first half on.
public enum TransactionFile {
    /// Smaller files are read on one thread: a second customer table and a
    /// second pass over the ids would cost more than the thread saves.
    public static let parallelFromBytes = 8 << 20
    static let chunkBytes = 1 << 22

    /// Reads `size` bytes through `readAt(offset, buffer)`, which fills the
    /// start of `buffer` with the bytes at `offset` (e.g. `pread`) and returns
    /// how many it wrote, 0 at the end; it is called from two threads at once.
    public static func read(size: Int, columns: TransactionColumns = .default, parallelFromBytes: Int = parallelFromBytes,
                            _ readAt: @Sendable (_ offset: Int, _ buffer: UnsafeMutableRawBufferPointer) throws -> Int) throws -> PurchaseHistory {
        try readReportingPath(size: size, columns: columns, parallelFromBytes: parallelFromBytes, readAt).history
    }

    /// How a file was read (for tests: each path must give the serial result).
    enum Path: Equatable {
        case serial
        case twoHalves
        /// The cut fell inside a quoted field; the first half's parser read on.
        case cutInsideQuotes
    }

    static func readReportingPath(size: Int, columns: TransactionColumns, parallelFromBytes: Int,
                                  _ readAt: @Sendable (Int, UnsafeMutableRawBufferPointer) throws -> Int) throws -> (history: PurchaseHistory, path: Path) {
        let first = TransactionRowParser(columns: columns, stretchBytes: size, fileBytes: size)
        // The header first: the second half needs to know where the columns
        // are. Small reads, so the first half's thread does the rest, growing
        // so that a huge first line is not rescanned thousands of times.
        var offset = 0, headerRead = 4096
        while first.layout == nil, offset < size {
            let count = try fill(first, from: offset, to: min(size, offset + headerRead), readAt)
            if count == 0 { break }
            offset += count
            headerRead = min(headerRead * 2, chunkBytes)
            try first.consume(atEnd: false)
        }
        guard size >= parallelFromBytes, let layout = first.layout,
              let cut = try lineEnd(after: max(offset, size / 2), size: size, readAt) else {
            return (try readToEnd(first, from: offset, size: size, readAt), .serial)
        }

        let second = TransactionRowParser(columns: columns, stretchBytes: size - cut, fileBytes: size, layout: layout,
                                          amounts: first.amounts)
        var failures: [(any Error)?] = [nil, nil]
        failures.withUnsafeMutableBufferPointer { failures in
            ParallelWork.run(2) { half in
                do {
                    if half == 0 {
                        try readStretch(first, from: offset, to: cut, atEnd: false, readAt)
                    } else {
                        try readStretch(second, from: cut, to: size, atEnd: true, readAt)
                    }
                } catch {
                    failures[half] = error
                }
            }
        }
        if let failure = failures[0] ?? failures[1] { throw failure }
        guard first.scanner.pendingByteCount == 0 else {
            // The cut fell inside a quoted field: the second half started mid-record.
            return (try readToEnd(first, from: cut, size: size, readAt), .cutInsideQuotes)
        }

        let lineOffset = first.scanner.line - 1
        let mapping = first.ids.absorb(second.ids)
        let rejected = first.rejected + second.rejected.map { RejectedRow(line: $0.line + lineOffset, reason: $0.reason) }
        let customerIDs = first.ids.snapshot()
        first.ids.releaseSlots()
        second.ids.releaseSlots()
        var history = PurchaseHistory.grouping(
            [first.stretch(), second.stretch(customerMapping: mapping, lineOffset: lineOffset)],
            customerIDs: customerIDs, rejected: rejected, rowsRead: first.rowsRead + second.rowsRead, amounts: first.amounts)
        history.lines = (first.lineAccount + second.lineAccount).with(rowsRead: first.rowsRead + second.rowsRead)
        history.labels = TransactionRowParser.purchaseLabels(first: first, second: second)
        first.releaseRows()
        second.releaseRows()
        return (history, .twoHalves)
    }

    /// The serial read: `parser` reads on from `offset` to the end of the file.
    private static func readToEnd(_ parser: TransactionRowParser, from offset: Int, size: Int,
                                  _ readAt: (Int, UnsafeMutableRawBufferPointer) throws -> Int) throws -> PurchaseHistory {
        try readStretch(parser, from: offset, to: size, atEnd: true, readAt)
        return try parser.groupedHistory()
    }

    /// Feeds bytes `offset..<end` to `parser`, record by record.
    private static func readStretch(_ parser: TransactionRowParser, from offset: Int, to end: Int, atEnd: Bool,
                                    _ readAt: (Int, UnsafeMutableRawBufferPointer) throws -> Int) throws {
        var offset = offset
        while offset < end {
            let count = try fill(parser, from: offset, to: end, readAt)
            if count == 0 { break } // the file shrank while we read it
            offset += count
            try parser.consume(atEnd: false)
        }
        if atEnd { try parser.consume(atEnd: true) }
    }

    /// Reads up to one chunk at `offset` (never past `end`) into the parser's
    /// buffer; a chunk less the record still pending, so the buffer (one
    /// chunk) does not have to grow for it.
    private static func fill(_ parser: TransactionRowParser, from offset: Int, to end: Int,
                             _ readAt: (Int, UnsafeMutableRawBufferPointer) throws -> Int) throws -> Int {
        let room = max(chunkBytes - parser.scanner.pendingByteCount, 1 << 16)
        return try parser.scanner.fill(maximum: min(room, end - offset)) { buffer in try readAt(offset, buffer) }
    }

    /// The offset just after the first `\n` at or after `position`, if one
    /// comes within 64 KB and before the last byte.
    private static func lineEnd(after position: Int, size: Int,
                                _ readAt: (Int, UnsafeMutableRawBufferPointer) throws -> Int) throws -> Int? {
        let window = UnsafeMutableRawBufferPointer.allocate(byteCount: min(1 << 16, max(size - position, 1)), alignment: 16)
        defer { window.deallocate() }
        guard position < size else { return nil }
        let count = try readAt(position, window)
        guard let newline = window.prefix(max(count, 0)).firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let cut = position + newline + 1
        return cut < size ? cut : nil
    }
}
