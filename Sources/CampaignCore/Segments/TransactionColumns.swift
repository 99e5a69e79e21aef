import CampaignText

/// Which header columns hold the customer id, the date and the amount
/// (`--customer-col`, `--date-col`, `--amount-col`); other columns are kept
/// only as part of the row for the exact-duplicate check.
public struct TransactionColumns: Sendable, Hashable {
    public var customer: String
    public var date: String
    public var amount: String

    public init(customer: String = "customer_id", date: String = "date", amount: String = "amount") {
        self.customer = customer
        self.date = date
        self.amount = amount
    }

    public static let `default` = TransactionColumns()
}

/// A transactions file that cannot be read at all (as opposed to single bad
/// rows, which are rejected and reported while the rest is read).
public enum TransactionInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No header line: the file is empty.
    case noHeader
    /// A mapped column is not in the header.
    case missingColumn(String, option: String, header: [String])
    /// A mapped column appears more than once in the header.
    case ambiguousColumn(String, option: String)

    public var description: String {
        switch self {
        case .noHeader: Phrase.dataNoHeader.text("customer_id,date,amount")
        case .missingColumn(let name, _, _): Phrase.dataNoColumn.text(name)
        case .ambiguousColumn(let name, _): Phrase.dataAmbiguousColumn.text(name)
        }
    }

    /// What to do about it, for the `hint:` line.
    public var hint: String? {
        switch self {
        case .noHeader: nil
        case .missingColumn(_, let option, let header):
            Phrase.dataHintHeaderHas.text(header.joined(separator: ", "), option)
        case .ambiguousColumn(_, let option): Phrase.dataHintRenameColumn.text(option)
        }
    }
}
