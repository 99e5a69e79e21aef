import CampaignText

/// Why a report row was rejected (counted under `report_row`, kept with its
/// line number like a rejected JSON line). Cell text is shown escaped and cut
/// short: it is a platform's data, not ours.
public enum ReportRowProblem: Error, Hashable, Sendable {
    case emptyCell(column: String)
    case notNumber(column: String, text: String)
    case negative(column: String, text: String)
    case notWhole(column: String, text: String)
    case outOfRange(column: String, text: String, money: Bool)
    /// Not of the form `YYYY-MM-DD HH:mm[:ss]`.
    case badTime(column: String, text: String)
    /// The form is right, the date is not (February 30, hour 24).
    case impossibleTime(column: String, text: String)
    /// Fewer cells than the mapped columns need.
    case short(cells: Int, header: Int)
    case quoting
    /// Longer than `--max-line-bytes`, as a JSON line would be.
    case tooLong(length: Int, limit: Int)
    /// One more channel, segment or campaign than `--max-scopes` allows.
    case tooManyScopes(EventField, limit: Int)

    public static let timeForm = "YYYY-MM-DD HH:mm[:ss]"

    public var message: String {
        switch self {
        case .emptyCell(let column): return Phrase.sourceRowEmptyCell.text(column)
        case .notNumber(let column, let text): return Phrase.sourceRowNotNumber.text(column, Self.shown(text))
        case .negative(let column, let text): return Phrase.sourceRowNegative.text(column, Self.shown(text))
        case .notWhole(let column, let text): return Phrase.sourceRowNotWhole.text(column, Self.shown(text))
        case .outOfRange(let column, let text, let money):
            let range = money ? Phrase.dataRangeAmount.text() : Phrase.dataRangeCount.text()
            return Phrase.sourceRowOutOfRange.text(column, Self.shown(text), range)
        case .badTime(let column, let text): return Phrase.sourceRowBadTime.text(column, Self.shown(text), Self.timeForm)
        case .impossibleTime(let column, let text): return Phrase.sourceRowImpossibleTime.text(column, Self.shown(text))
        case .short(let cells, let header): return Phrase.sourceRowShort.text(cells, header)
        case .quoting: return Phrase.sourceRowQuoting.text()
        case .tooLong(let length, let limit): return Phrase.dataLineTooLong.text(length, limit)
        case .tooManyScopes(let field, let limit): return Phrase.dataTooManyScopes.text(field.noun, limit)
        }
    }

    static func shown(_ text: String) -> String {
        let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return ControlCharacters.escaped(cut)
    }
}
