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
        case .expectedObjectOrValue: return "expected '{'"
        case .expectedKey: return "expected a string key"
        case .expectedColon: return "expected ':'"
        case .expectedCommaOrBrace: return "expected ',' or '}'"
        case .expectedCommaOrBracket: return "expected ',' or ']'"
        case .expectedValue: return "expected a value"
        case .unexpectedEnd: return "unexpected end of line"
        case .invalidEscape: return "invalid escape sequence"
        case .invalidUnicodeEscape: return "invalid \\u escape"
        case .unpairedSurrogate: return "unpaired surrogate in \\u escape"
        case .controlCharacterInString: return "unescaped control character in string"
        case .invalidNumber: return "invalid number"
        case .invalidLiteral: return "invalid literal"
        case .trailingData: return "unexpected data after the value"
        }
    }
}

/// The JSON kind of a value, for "found a string" in wrong-type messages.
public enum JSONValueKind: UInt8, Sendable, Hashable {
    case string, number, object, array, boolean, null

    public var article: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .object: return "an object"
        case .array: return "an array"
        case .boolean: return "a boolean"
        case .null: return "null"
        }
    }
}
