/// Writing one scalar value back into YAML text by hand, so that an edit
/// touches only the characters of that value (a saved plan's diff stays minimal).
enum YAMLScalarText {
    /// Text as a plain scalar when YAML would read it back as the same string,
    /// otherwise double-quoted with escapes.
    static func render(text: String, inFlow: Bool) -> String {
        isPlainSafe(text, inFlow: inFlow) ? text : doubleQuoted(text)
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if !isPrintable(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// What libyaml accepts written as is. Besides control characters it
    /// refuses U+FEFF and U+FFFE/U+FFFF, and it reads NEL, LS and PS as line
    /// breaks: all of these are written as `\\u` escapes (a name pasted from a
    /// web page with a U+2028 in it must not split the value).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xFEFE, 0xFF00...0xFFFD, 0x10000...: return true
        default: return false
        }
    }

    private static let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]
    private static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]

    static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.first, let last = text.last,
              !first.isWhitespace, !last.isWhitespace, !indicators.contains(first), last != ":" else { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("\t") { return false }
        if inFlow, text.contains(where: { ",[]{}".contains($0) }) { return false }
        if text.unicodeScalars.contains(where: { !isPrintable($0) }) { return false }
        // Text that YAML would read as another type must be quoted to stay text.
        if reservedWords.contains(text.lowercased()) || YAMLNumbers.isNumberText(text) || Day(iso: text) != nil {
            return false
        }
        return true
    }

    /// The end of the scalar that starts at `start` (exclusive), given its style.
    static func endOfScalar(in scalars: String.UnicodeScalarView, from start: String.Index,
                            quote: Unicode.Scalar?, inFlow: Bool) -> String.Index? {
        var index = start
        if let quote {
            index = scalars.index(after: index) // opening quote
            while index < scalars.endIndex {
                let scalar = scalars[index]
                if quote == "\"" && scalar == "\\" {
                    index = scalars.index(index, offsetBy: 2, limitedBy: scalars.endIndex) ?? scalars.endIndex
                    continue
                }
                if scalar == quote {
                    let next = scalars.index(after: index)
                    // '' inside a single-quoted scalar is an escaped quote.
                    if quote == "'", next < scalars.endIndex, scalars[next] == "'" {
                        index = scalars.index(after: next)
                        continue
                    }
                    return next
                }
                index = scalars.index(after: index)
            }
            return nil
        }
        var lastContent = start
        var previous: Unicode.Scalar = " "
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if YAMLLineBreaks.isBreak(scalar) { break }
            if scalar == "#" && (previous == " " || previous == "\t") { break }
            if inFlow && (scalar == "," || scalar == "]" || scalar == "}") { break }
            if scalar != " " && scalar != "\t" { lastContent = scalars.index(after: index) }
            previous = scalar
            index = scalars.index(after: index)
        }
        return lastContent
    }
}
