import CampaignText

/// One lexical unit of a rule expression.
struct RuleToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        /// A quoted literal, escapes resolved.
        case text(String)
        case name(String)
        case boolean(Bool)
        /// Every binary operator, including `and`/`or`. `-` is lexed as
        /// `.binary(.subtract)`; the parser decides whether it negates.
        case binary(RuleBinaryOperator)
        case not
        /// `in`: the parser makes `not` followed by `in` one operator.
        case `in`
        case leftParen
        case rightParen
        case leftBracket
        case rightBracket
        case comma
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
    static let all: [String] = ["and", "or", "not", "in", "true", "false"]

    static func kind(of word: String) -> RuleToken.Kind? {
        switch word {
        case "and": .binary(.and)
        case "or": .binary(.or)
        case "not": .not
        case "in": .in
        case "true": .boolean(true)
        case "false": .boolean(false)
        default: nil
        }
    }
}
