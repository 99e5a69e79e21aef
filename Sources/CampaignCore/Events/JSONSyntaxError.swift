import CampaignText

/// What was wrong where a line stopped being valid JSON (RFC 8259). A plain enum
/// rather than a String so that the parser's failure path allocates nothing.
public enum JSONSyntaxError: UInt8, Sendable, Hashable {
    case expectedObjectOrValue
    case expectedKey
    case expectedColon
    case expectedCommaOrBrace
    case expectedCommaOrBracket
    case expectedValue
    case unexpectedEnd
    case invalidEscape
    case invalidUnicodeEscape
    case unpairedSurrogate
    case controlCharacterInString
    case invalidNumber
    case invalidLiteral
    case trailingData

    public var message: String {
        switch self {
        case .expectedObjectOrValue: return Phrase.dataJSONExpectedBrace.text()
        case .expectedKey: return Phrase.dataJSONExpectedKey.text()
        case .expectedColon: return Phrase.dataJSONExpectedColon.text()
        case .expectedCommaOrBrace: return Phrase.dataJSONExpectedCommaOrBrace.text()
        case .expectedCommaOrBracket: return Phrase.dataJSONExpectedCommaOrBracket.text()
        case .expectedValue: return Phrase.dataJSONExpectedValue.text()
        case .unexpectedEnd: return Phrase.dataJSONUnexpectedEnd.text()
        case .invalidEscape: return Phrase.dataJSONInvalidEscape.text()
        case .invalidUnicodeEscape: return Phrase.dataJSONInvalidUnicodeEscape.text()
        case .unpairedSurrogate: return Phrase.dataJSONUnpairedSurrogate.text()
        case .controlCharacterInString: return Phrase.dataJSONControlCharacter.text()
        case .invalidNumber: return Phrase.dataJSONInvalidNumber.text()
        case .invalidLiteral: return Phrase.dataJSONInvalidLiteral.text()
        case .trailingData: return Phrase.dataJSONTrailingData.text()
        }
    }
}

/// The JSON kind of a value, for "found a string" in wrong-type messages.
public enum JSONValueKind: UInt8, Sendable, Hashable {
    case string, number, object, array, boolean, null

    public var article: String {
        switch self {
        case .string: return Phrase.dataKindString.text()
        case .number: return Phrase.dataKindNumber.text()
        case .object: return Phrase.dataKindObject.text()
        case .array: return Phrase.dataKindArray.text()
        case .boolean: return Phrase.dataKindBoolean.text()
        case .null: return Phrase.dataKindNull.text()
        }
    }
}
