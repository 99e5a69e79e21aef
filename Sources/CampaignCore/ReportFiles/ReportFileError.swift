import CampaignText

/// Why a report file could not be read at all (a bad row is a rejection,
/// not one of these: the rows around it are still good).
public enum ReportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    /// `offset` is 1-based, like the byte positions of JSON lines' rejections.
    case notEncoding(path: String, encoding: ReportSource.Encoding, offset: Int)
    /// A column the mapping names is not in the header row.
    case missingHeader(path: String, column: String, source: String, target: ReportSource.Target, header: [String])
    /// A mapped column appears twice: which one feeds the target would be a guess.
    case headerTwice(path: String, column: String)

    public var description: String { message }

    public var message: String {
        switch self {
        case .unreadable(let path, let reason): return Phrase.sourceCannotRead.text(path, reason)
        case .empty(let path): return Phrase.sourceNoHeader.text(path)
        case .notEncoding(let path, let encoding, let offset): return Phrase.sourceNotEncoding.text(path, encoding.rawValue, offset)
        case .missingHeader(let path, let column, let source, let target, let header):
            let shown = header.map { "'\($0)'" }.joined(separator: Phrase.checkListSeparator.text())
            return Phrase.sourceMissingHeader.text(path, column, source, target.rawValue, shown)
        case .headerTwice(let path, let column): return Phrase.sourceHeaderTwice.text(path, column)
        }
    }
}
