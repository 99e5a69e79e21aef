import CampaignText

/// Why a line was rejected. Each case has a one-line human message and a
/// `kind` under which `IngestStats` counts it.
///
/// Byte positions are 1-based (byte 1 is the first byte of the line), like the
/// column numbers in plan diagnostics.
public enum EventRejection: Error, Hashable, Sendable, CustomStringConvertible {
    case emptyLine
    /// The line is longer than the parser's `maximumLineLength` (`limit`); `length`
    /// is its full length in bytes (without the line break).
    case lineTooLong(length: Int, limit: Int)
    case invalidUTF8(at: Int)
    case invalidJSON(JSONSyntaxError, at: Int)
    /// Valid JSON, but not an object.
    case notAnObject(found: JSONValueKind)
    /// `ts` or `type` is absent.
    case missingField(EventField)
    case wrongType(EventField, found: JSONValueKind)
    case negativeNumber(EventField)
    case nonIntegerCount
    /// `count` or `amount` beyond what any real event carries (see `EventLineParser`).
    case outOfRange(EventField)
    /// `community_active` needs a `user` for distinct counts.
    case missingUser
    case badTimestamp(TimestampProblem)
    /// A new channel, segment or campaign name when `limit` names are known
    /// already (`EventLimits.maxScopes`).
    case tooManyScopes(EventField, limit: Int)
    /// `after` milliseconds after the latest accepted event, more than `limit`
    /// (`EventLimits.maxTimeJump`).
    case timeJump(after: Int64, limit: Int64)
    /// A row of an ad-platform report file (`ReportFileReader`).
    case reportRow(ReportRowProblem)

    public var kind: EventRejectionKind {
        switch self {
        case .emptyLine: return .emptyLine
        case .lineTooLong: return .lineTooLong
        case .invalidUTF8: return .invalidUTF8
        case .invalidJSON: return .invalidJSON
        case .notAnObject: return .notAnObject
        case .missingField: return .missingField
        case .wrongType: return .wrongType
        case .negativeNumber: return .negativeNumber
        case .nonIntegerCount: return .nonIntegerCount
        case .outOfRange: return .outOfRange
        case .missingUser: return .missingUser
        case .badTimestamp: return .badTimestamp
        case .tooManyScopes: return .tooManyScopes
        case .timeJump: return .timeJump
        case .reportRow: return .reportRow
        }
    }

    public var description: String { message }

    public var message: String {
        switch self {
        case .emptyLine: return Phrase.dataEmptyLine.text()
        case .lineTooLong(let length, let limit): return Phrase.dataLineTooLong.text(length, limit)
        case .invalidUTF8(let at): return Phrase.dataInvalidUTF8.text(at)
        case .invalidJSON(let error, let at): return Phrase.dataInvalidJSON.text(error.message, at)
        case .notAnObject(let found): return Phrase.dataNotAnObject.text(found.article)
        case .missingField(let field): return Phrase.dataMissingField.text(field.key)
        case .wrongType(let field, let found):
            return Phrase.dataWrongType.text(field.key, Self.expectation(field), found.article)
        case .negativeNumber(let field): return Phrase.dataNegativeNumber.text(field.key)
        case .nonIntegerCount: return Phrase.dataNonIntegerCount.text(EventField.count.key)
        case .outOfRange(let field): return Phrase.dataOutOfRange.text(field.key, Self.range(field))
        case .missingUser: return Phrase.dataMissingUser.text("community_active", EventField.user.key)
        case .badTimestamp(let problem): return Phrase.dataBadTimestamp.text(problem.message)
        case .tooManyScopes(let field, let limit): return Phrase.dataTooManyScopes.text(field.noun, limit)
        case .timeJump(let after, let limit):
            return Phrase.dataTimeJump.text(EventLimits.gapText(after), EventLimits.timeJumpText(limit))
        case .reportRow(let problem): return problem.message
        }
    }

    /// The accepted range of a number field, as said in README.
    static func range(_ field: EventField) -> String {
        field == .amount ? Phrase.dataRangeAmount.text() : Phrase.dataRangeCount.text()
    }

    static func expectation(_ field: EventField) -> String {
        switch field {
        case .ts: return Phrase.dataExpectTimestamp.text()
        case .type, .channel, .segment, .campaign, .user: return Phrase.dataKindString.text()
        case .count: return Phrase.dataExpectNonNegativeInteger.text()
        case .amount: return Phrase.dataExpectNonNegativeNumber.text()
        }
    }
}

/// The rejection reasons without their details, for counting.
public enum EventRejectionKind: String, CaseIterable, Sendable, Hashable, Comparable {
    case emptyLine = "empty_line"
    case lineTooLong = "line_too_long"
    case invalidUTF8 = "invalid_utf8"
    case invalidJSON = "invalid_json"
    case notAnObject = "not_an_object"
    case missingField = "missing_field"
    case wrongType = "wrong_type"
    case negativeNumber = "negative_number"
    case nonIntegerCount = "non_integer_count"
    case outOfRange = "out_of_range"
    case missingUser = "missing_user"
    case badTimestamp = "bad_timestamp"
    case tooManyScopes = "too_many_scopes"
    case timeJump = "time_jump"
    case reportRow = "report_row"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What is wrong with a `ts` value.
public enum TimestampProblem: UInt8, Error, Sendable, Hashable {
    /// Not of the shape `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)`.
    case notRFC3339
    /// A date-time without `Z` or `±HH:MM`: local time would be ambiguous.
    case missingOffset
    /// Month, day, hour, minute, second or offset out of range (e.g. February 30).
    case impossibleDate
    /// Epoch milliseconds with a fraction.
    case fractionalMilliseconds
    /// A time outside `EventTimestamp.rangeText` (text or epoch milliseconds).
    case outOfRange

    public var message: String {
        switch self {
        case .notRFC3339: return Phrase.dataTimestampNotRFC3339.text()
        case .missingOffset: return Phrase.dataTimestampNoOffset.text()
        case .impossibleDate: return Phrase.dataTimestampImpossible.text()
        case .fractionalMilliseconds: return Phrase.dataTimestampFractional.text()
        case .outOfRange: return Phrase.dataTimestampOutOfRange.text(EventTimestamp.rangeText)
        }
    }
}
