/// Reads a transactions CSV chunk by chunk into a `PurchaseHistory`,
/// on the calling thread: for standard input and small inputs. (A big regular
/// file is read on two threads by `TransactionFile`, with the same result.)
///
/// Feed it bytes in any chunk sizes (`feed`, or `fill` to read a file straight
/// into its buffer), then call `finish`. Bad rows are rejected with their line
/// and reason and reading goes on; only a file without a usable header stops it.
///
/// Memory: the bytes of one chunk, plus 24 bytes per accepted row while
/// reading (16 once grouped) and the interned customer ids; never the whole file.
public final class TransactionReader {
    public var columns: TransactionColumns { parser.columns }
    private let parser: TransactionRowParser

    /// Data rows seen so far (not the header, not blank lines).
    public var rowsRead: Int { parser.rowsRead }

    /// `expectedBytes` (the file size, when known) sizes the customer table
    /// and the row storage up front, so a big file pays for no regrowth.
    public init(columns: TransactionColumns = .default, expectedBytes: Int = 0) {
        parser = TransactionRowParser(columns: columns, stretchBytes: expectedBytes, fileBytes: expectedBytes)
    }

    /// Bytes taken apart into rows so far (for progress reports).
    public var bytesRead: Int { parser.scanner.bytesConsumed }

    public func feed(_ bytes: UnsafeRawBufferPointer) throws(TransactionInputError) {
        parser.scanner.append(bytes)
        try parser.consume(atEnd: false)
    }

    public func feed(_ text: String) throws(TransactionInputError) {
        var text = text
        text.withUTF8 { parser.scanner.append(UnsafeRawBufferPointer($0)) }
        try parser.consume(atEnd: false)
    }

    /// Lets `read` write up to `maximum` bytes straight into the reader's
    /// buffer (e.g. `read(2)` from a file), then reads the rows they complete.
    /// Returns what `read` returned: 0 at the end of the input.
    public func fill(maximum: Int = 1 << 22, _ read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> Int {
        let count = try parser.scanner.fill(maximum: maximum, read)
        if count > 0 { try parser.consume(atEnd: false) }
        return count
    }

    /// Reads the last row (which may lack a line end) and groups the purchases.
    public func finish() throws(TransactionInputError) -> PurchaseHistory {
        try parser.consume(atEnd: true)
        return try parser.groupedHistory()
    }
}
