import CampaignText

/// One lexical unit of a rule expression.
struct RuleToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case name(String)
        case boolean(Bool)
        /// Every binary operator, including `and`/`or`. `-` is lexed as
        /// `.binary(.subtract)`; the parser decides whether it negates.
        case binary(RuleBinaryOperator)
        case not
        case leftParen
        case rightParen
        case end
    }

    var kind: Kind
    /// 1-based Unicode-scalar column of the first character.
    var column: Int
    /// One past the last character.
    var endColumn: Int
    /// The token as written, for messages.
    var text: String

    /// How messages quote the token: `'and'`, `')'`, or "the end of the expression".
    var quoted: String { kind == .end ? Phrase.checkTokenEnd.text() : "'\(text)'" }
}

enum RuleKeywords {
    static let all: [String] = ["and", "or", "not", "true", "false"]

    static func kind(of word: String) -> RuleToken.Kind? {
        switch word {
        case "and": .binary(.and)
        case "or": .binary(.or)
        case "not": .not
        case "true": .boolean(true)
        case "false": .boolean(false)
        default: nil
        }
    }
}
