import CampaignText

/// Splits expression text into tokens, one at a time.
///
/// The parser pulls tokens on demand rather than lexing everything first, so
/// that the first error reported is the leftmost one whether it is lexical
/// (`@`) or syntactic (`and and`).
///
/// Works on an array of Unicode scalars so that a token's index is its column
/// minus one (see `RuleError` for why columns count scalars).
struct RuleLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    /// Column just after the last non-blank character: where "at the end"
    /// errors point, so trailing blanks do not push the caret into nowhere.
    private let endColumn: Int

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        let lastNonBlank = scalars.lastIndex { !$0.properties.isWhitespace }
        endColumn = (lastNonBlank ?? -1) + 2
    }

    /// The source text between two columns (for messages that quote operands).
    func text(from column: Int, to endColumn: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[(column - 1)..<(endColumn - 1)])
        return String(result)
    }

    mutating func next() throws(RuleError) -> RuleToken {
        // Any Unicode blank separates tokens: plans written with a Chinese input
        // method often contain U+3000 IDEOGRAPHIC SPACE.
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        guard index < scalars.count else {
            return RuleToken(kind: .end, column: endColumn, endColumn: endColumn, text: "")
        }
        let start = index
        let scalar = scalars[index]

        if Self.isDigit(scalar) || (scalar == "." && Self.isDigit(peek(1))) {
            return try number()
        }
        if Self.isNameStart(scalar) {
            return try name()
        }
        if scalar == "\"" {
            return try text()
        }

        let twoCharacter: RuleBinaryOperator? = switch (scalar, peek(1)) {
        case ("<", "="): .lessOrEqual
        case (">", "="): .greaterOrEqual
        case ("=", "="): .equal
        case ("!", "="): .notEqual
        default: nil
        }
        if let op = twoCharacter {
            index += 2
            return token(.binary(op), from: start)
        }

        let oneCharacter: RuleToken.Kind? = switch scalar {
        case "+": .binary(.add)
        case "-": .binary(.subtract)
        case "*": .binary(.multiply)
        case "/": .binary(.divide)
        case "<": .binary(.less)
        case ">": .binary(.greater)
        case "(": .leftParen
        case ")": .rightParen
        case "[": .leftBracket
        case "]": .rightBracket
        case ",": .comma
        default: nil
        }
        if let kind = oneCharacter {
            index += 1
            return token(kind, from: start)
        }

        throw RuleError(
            column: start + 1,
            message: Phrase.checkUnexpectedCharacter.text(character(at: start), hint(forUnexpected: scalar)))
    }

    // MARK: - Numbers

    /// `3`, `1.5`, `.5`, `1e3`, `2.5e-2`, each optionally followed by `%`
    /// (meaning /100). Anything glued on after that (`1.2.3`, `3abc`, `1.`)
    /// is one malformed number rather than a confusing run of tokens.
    private mutating func number() throws(RuleError) -> RuleToken {
        let start = index
        skipDigits()
        if peek(0) == ".", Self.isDigit(peek(1)) {
            index += 1
            skipDigits()
        }
        let mantissaEnd = index
        var exponent = 0
        var exponentText = ""
        if peek(0) == "e" || peek(0) == "E" {
            let sign = peek(1)
            let digitsStart = index + (sign == "+" || sign == "-" ? 2 : 1)
            if digitsStart < scalars.count, Self.isDigit(scalars[digitsStart]) {
                index = digitsStart
                skipDigits()
                exponentText = slice(digitsStart, index)
                if sign == "-" { exponentText = "-" + exponentText }
            }
        }
        var percent = false
        if peek(0) == "%" {
            percent = true
            index += 1
        }
        if index < scalars.count, Self.isNameContinue(scalars[index]) || scalars[index] == "." {
            while index < scalars.count,
                  Self.isNameContinue(scalars[index]) || scalars[index] == "." || scalars[index] == "%" {
                index += 1
            }
            throw RuleError(column: start + 1, message: Phrase.checkMalformedNumber.text(slice(start, index)))
        }
        let written = slice(start, index)
        // More than 4 exponent digits is out of any sensible range and would
        // risk integer overflow below.
        if !exponentText.isEmpty {
            guard exponentText.unicodeScalars.count(where: { Self.isDigit($0) }) <= 4,
                  let parsed = Int(exponentText) else {
                throw RuleError(column: start + 1, message: Phrase.checkNumberOutOfRange.text(written))
            }
            exponent = parsed
        }
        // `%` shifts the decimal exponent instead of dividing by 100, so that
        // `0.1%` is exactly the same Double as `0.001` (0.1 / 100 can be one ulp off).
        if percent { exponent -= 2 }
        let mantissa = slice(start, mantissaEnd)
        guard let value = Double(exponent == 0 ? mantissa : "\(mantissa)e\(exponent)"), value.isFinite else {
            throw RuleError(column: start + 1, message: Phrase.checkNumberOutOfRange.text(written))
        }
        return token(.number(value), from: start)
    }

    private mutating func skipDigits() {
        while index < scalars.count, Self.isDigit(scalars[index]) { index += 1 }
    }

    // MARK: - Text

    /// `"女"`, `"say \"hi\""`: any Unicode between double quotes, with `\"`
    /// and `\\` the only escapes (a plan has no use for control characters,
    /// and an unknown escape is more likely a slip than a wish).
    private mutating func text() throws(RuleError) -> RuleToken {
        let start = index
        index += 1
        var value = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" {
                index += 1
                return token(.text(String(value)), from: start)
            }
            // A backslash at the very end escapes nothing: the text is unterminated.
            if scalar == "\\", index + 1 < scalars.count {
                guard let escaped = peek(1), escaped == "\"" || escaped == "\\" else {
                    let written = "\\" + character(at: index + 1)
                    throw RuleError(column: index + 1, message: Phrase.rulesUnknownEscape.text(written))
                }
                value.append(escaped)
                index += 2
                continue
            }
            value.append(scalar)
            index += 1
        }
        throw RuleError(column: start + 1, message: Phrase.rulesUnterminatedText.text())
    }

    // MARK: - Names and keywords

    /// `recency_days`, `benchmark.cpa`: segments of letters, digits and `_`
    /// joined by single dots; each segment starts with a letter or `_`.
    private mutating func name() throws(RuleError) -> RuleToken {
        let start = index
        skipNameSegment()
        while peek(0) == "." {
            guard Self.isNameStart(peek(1)) else {
                while index < scalars.count, Self.isNameContinue(scalars[index]) || scalars[index] == "." {
                    index += 1
                }
                throw RuleError(column: start + 1, message: Phrase.checkMalformedName.text(slice(start, index)))
            }
            index += 1
            skipNameSegment()
        }
        let word = slice(start, index)
        return token(RuleKeywords.kind(of: word) ?? .name(word), from: start)
    }

    private mutating func skipNameSegment() {
        while index < scalars.count, Self.isNameContinue(scalars[index]) { index += 1 }
    }

    // MARK: - Helpers

    /// A hint for characters people type when they mean something we accept.
    private func hint(forUnexpected scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "=": return peek(1) == "<" || peek(1) == ">"
            ? Phrase.checkDidYouMean.text((peek(1).map(String.init) ?? "") + "=") : Phrase.checkDidYouMean.text("==")
        case "!": return Phrase.checkHintWrite.text("not")
        case "&": return Phrase.checkHintWrite.text("and")
        case "|": return Phrase.checkHintWrite.text("or")
        case "%": return Phrase.checkHintPercent.text()
        case "≥": return Phrase.checkDidYouMean.text(">=")
        case "≤": return Phrase.checkDidYouMean.text("<=")
        case "≠": return Phrase.checkDidYouMean.text("!=")
        // Chinese input methods type curly quotes; some people quote with '.
        case "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "'": return Phrase.rulesHintStraightQuotes.text()
        default:
            // Full-width forms (U+FF01...U+FF5E) mirror ASCII; Chinese input
            // methods produce them for （ ） ＞ and friends.
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                return Phrase.checkHintFullWidth.text(String(ascii))
            }
            return ""
        }
    }

    /// The whole user-perceived character starting at `position`, so a message
    /// shows `'👍🏽'` rather than half of it; the column still counts scalars.
    private func character(at position: Int) -> String {
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[position...])
        return String(String(rest).first ?? " ")
    }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private func slice(_ start: Int, _ end: Int) -> String {
        text(from: start + 1, to: end + 1)
    }

    private func token(_ kind: RuleToken.Kind, from start: Int) -> RuleToken {
        RuleToken(kind: kind, column: start + 1, endColumn: index + 1, text: slice(start, index))
    }

    private static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("0"..."9").contains(scalar)
    }

    /// Letters of any script may form names (an unknown Chinese name then gets
    /// "unknown name" rather than "unexpected character").
    private static func isNameStart(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar == "_" || scalar.properties.isAlphabetic
    }

    private static func isNameContinue(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || isDigit(scalar)
    }
}
