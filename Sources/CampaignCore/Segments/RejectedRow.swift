import CampaignText

/// A transactions row that was not counted, with the reason, for the report
/// (rejected rows are reported with line and reason, never dropped
/// silently).
public struct RejectedRow: Sendable, Hashable {
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        case wrongFieldCount(expected: Int, found: Int)
        case emptyCustomerID
        case unparseableDate(String)
        /// A real date outside `Day.recordedRange`.
        case dateOutOfRange(String)
        case unparseableAmount(String)
        case negativeAmount(String)
        /// Above 1e15, the largest amount accepted.
        case amountOutOfRange(String)
        case unterminatedQuote
        case textAfterClosingQuote
        /// The same bytes as an earlier row: counted once, there.
        case duplicate(ofLine: Int)

        public var description: String {
            switch self {
            case .wrongFieldCount(let expected, let found): Phrase.dataRowFieldCount.text(expected, found)
            case .emptyCustomerID: Phrase.dataRowEmptyCustomer.text()
            case .unparseableDate(let text): Phrase.dataRowBadDate.text(text)
            case .dateOutOfRange(let text): Phrase.dataRowDateRange.text(text)
            case .unparseableAmount(let text): Phrase.dataRowBadAmount.text(text)
            case .negativeAmount(let text): Phrase.dataRowNegativeAmount.text(text)
            case .amountOutOfRange(let text): Phrase.dataRowAmountRange.text(text)
            case .unterminatedQuote: Phrase.dataRowUnterminatedQuote.text()
            case .textAfterClosingQuote: Phrase.dataRowTextAfterQuote.text()
            case .duplicate(let line): Phrase.dataRowDuplicate.text(line)
            }
        }

        public var isDuplicate: Bool {
            if case .duplicate = self { return true }
            return false
        }
    }

    /// Physical line (1-based, the header is line 1) where the row starts.
    public var line: Int
    public var reason: Reason

    public init(line: Int, reason: Reason) {
        self.line = line
        self.reason = reason
    }

    /// Field text quoted in a reason: kept short so one huge cell cannot flood the report.
    static func excerpt(_ bytes: UnsafeRawBufferPointer) -> String {
        let limit = 40
        let text = String(decoding: bytes.prefix(limit * 4), as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}
