import CampaignText

/// Which header columns hold the customer id, the date and the amount
/// (`--customer-col`, `--date-col`, `--amount-col`), and the optional
/// `category` and `channel` (`--category-col`, `--channel-col`); other columns
/// are kept only as part of the row for the exact-duplicate check.
public struct TransactionColumns: Sendable, Hashable {
    public var customer: String
    public var date: String
    public var amount: String
    /// The category column's name; a file without it simply has no categories.
    public var category: String
    public var channel: String
    /// Whether the category column was named by the user: then a header
    /// without it is an error (a typo must not pass for "no categories").
    public var categoryIsRequired: Bool
    public var channelIsRequired: Bool

    /// `category` and `channel` nil: the default names, read when present.
    public init(customer: String = "customer_id", date: String = "date", amount: String = "amount",
                category: String? = nil, channel: String? = nil) {
        self.customer = customer
        self.date = date
        self.amount = amount
        self.category = category ?? "category"
        self.channel = channel ?? "channel"
        categoryIsRequired = category != nil
        channelIsRequired = channel != nil
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
