/// Every physical line of a transactions file, by what it turned out to be,
/// so a summary can show that nothing went missing: the header,
/// blank lines, one line per row read (counted, rejected or duplicate), and
/// the further lines of rows whose quoted fields hold line breaks add up to
/// `total`, the lines in the file.
public struct TransactionLines: Sendable, Equatable {
    public var header = 0
    public var blank = 0
    /// Lines after the first of accepted rows that span several lines.
    public var continuation = 0
    /// Every line: header + blank + continuation + rows read.
    public private(set) var total = 0

    public init() {}

    static func + (a: TransactionLines, b: TransactionLines) -> TransactionLines {
        var sum = TransactionLines()
        sum.header = a.header + b.header
        sum.blank = a.blank + b.blank
        sum.continuation = a.continuation + b.continuation
        return sum
    }

    /// With the total filled in, once the rows read are known.
    func with(rowsRead: Int) -> TransactionLines {
        var account = self
        account.total = header + blank + continuation + rowsRead
        return account
    }
}
