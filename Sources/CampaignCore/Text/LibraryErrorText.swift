import CampaignText
import Foundation

/// ArgumentParser's usage errors are English sentences; these are the ones
/// a person meets (a missing or unknown option, a bad value), each matched
/// by the library's wording and said with a phrase. English is kept as the
/// library wrote it; a sentence not listed here stays English.
public enum LibraryErrorText {
    public static let sentences: [(pattern: String, phrase: Phrase)] = [
        (#"^Unknown option '([^']*)'\. Did you mean '([^']*)'\?$"#, .cliUsageUnknownOptionSuggest),
        (#"^Unknown option '([^']*)'$"#, .cliUsageUnknownOption),
        (#"^Missing expected argument '([^']*)'$"#, .cliUsageMissingArgument),
        (#"^Missing one of: '(.*)'$"#, .cliUsageMissingOneOf),
        (#"^Missing value for '([^']*)'$"#, .cliUsageMissingValue),
        (#"^Unexpected argument '(.*)'$"#, .cliUsageUnexpected),
        (#"^(\d+) unexpected arguments: '(.*)'$"#, .cliUsageUnexpectedMany),
        (#"^The option '([^']*)' does not take any value, but '(.*)' was specified\.$"#, .cliUsageNoValue),
        (#"^The value '(.*)' is invalid for '([^']*)'$"#, .cliUsageInvalidValue),
    ]

    public static func translated(_ sentence: String) -> String {
        guard Language.current != .english else { return sentence }
        // "The value 'x' is invalid for '--by <by>'. Please provide one of 'a', 'b' or 'c'."
        var head = sentence
        var choices: String?
        if let please = sentence.range(of: ". Please provide one of ") {
            head = String(sentence[..<please.lowerBound])
            choices = String(sentence[please.upperBound...].dropLast(sentence.hasSuffix(".") ? 1 : 0))
        }
        for (pattern, phrase) in sentences {
            guard let expression = try? NSRegularExpression(pattern: pattern),
                  let match = expression.firstMatch(in: head, range: NSRange(head.startIndex..., in: head)) else { continue }
            let groups = (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: head).map { String(head[$0]) } }
            var text = groups.count == 2 ? phrase.text(groups[0], groups[1]) : phrase.text(groups.first ?? "")
            if let choices { text += "。" + Phrase.cliUsageProvideOneOf.text(list(choices)) }
            return text
        }
        return sentence
    }

    /// `'a', 'b' or 'c'` with the interface language's "or" / "and".
    private static func list(_ english: String) -> String {
        for (word, phrase) in [(" or ", Phrase.cliUsageListOr), (" and ", Phrase.cliUsageListAnd)] {
            if let range = english.range(of: word, options: .backwards) {
                return phrase.text(String(english[..<range.lowerBound]).replacingOccurrences(of: ", ", with: "、"),
                                   String(english[range.upperBound...]))
            }
        }
        return english
    }
}
