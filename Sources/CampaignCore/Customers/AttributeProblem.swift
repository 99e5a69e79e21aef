import CampaignText

/// A row or a value of a customers file that was not taken as written, with
/// its line and reason: reported, never dropped silently. A refused value
/// leaves its customer in the file with that attribute empty.
public struct AttributeProblem: Sendable, Hashable {
    public enum Reason: Error, Sendable, Hashable {
        case wrongFieldCount(expected: Int, found: Int)
        case emptyCustomerID
        /// The customer was already described on `firstLine`: the first one stands.
        case repeatedCustomer(String, firstLine: Int)
        case unknownSpelling(String, allowed: [String])
        case notANumber(String)
        case outOfRange(String, ClosedRange<Double>)
        case unterminatedQuote
    }

    /// Physical line (1-based, the header is line 1).
    public var line: Int
    /// The column of a refused value; nil when the whole row was refused.
    public var column: String?
    public var reason: Reason

    public var description: String {
        let what: String
        switch reason {
        case .wrongFieldCount(let expected, let found): what = Phrase.customersWrongFieldCount.text(expected, found)
        case .emptyCustomerID: what = Phrase.customersEmptyID.text()
        case .repeatedCustomer(let id, let first): what = Phrase.customersRepeated.text(id, first)
        case .unknownSpelling(let value, let allowed): what = Phrase.customersUnknownSpelling.text(value, allowed.joined(separator: ", "))
        case .notANumber(let value): what = Phrase.customersNotANumber.text(value)
        case .outOfRange(let value, let range):
            what = Phrase.customersOutOfRange.text(value, Formatting.plain(range.lowerBound), Formatting.plain(range.upperBound))
        case .unterminatedQuote: what = Phrase.customersUnterminatedQuote.text()
        }
        return column.map { Phrase.customersInColumn.text($0, what) } ?? what
    }
}

/// Customers that share a value of the merge column (one phone number, two
/// ids) and are now one: the first id in the file stands for all of them.
public struct CustomerMerge: Sendable, Hashable {
    public var kept: String
    public var merged: [String]
    public var column: String
    public var value: String
}
