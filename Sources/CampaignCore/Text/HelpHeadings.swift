import CampaignText
import Foundation

/// ArgumentParser writes its own words into `--help` in English: the
/// headings, the default and value notes, the help of --help and --version,
/// and the pointer to a subcommand's help. This names each of them with its
/// phrase, and gives the help in the interface language.
///
/// The help is rendered unwrapped (the executable's `HelpOutput`), the library's words are
/// replaced line by line, and each line is then wrapped by display width
/// (`DisplayWrapping`): the library wraps by character count, which makes a
/// Chinese line twice the terminal's width. English is left to the library.
public enum HelpHeadings {
    /// Whole lines of the library's, and what they say.
    public static let lines: [(english: String, phrase: Phrase)] = [
        ("ARGUMENTS:", .cliHelpArguments), ("OPTIONS:", .cliHelpOptions), ("SUBCOMMANDS:", .cliHelpSubcommands),
    ]
    /// Line beginnings.
    public static let prefixes: [(english: String, phrase: Phrase)] = [("OVERVIEW: ", .cliHelpOverview), ("USAGE: ", .cliHelpUsage)]
    /// The help of its own options, at a line's end.
    public static let endings: [(english: String, phrase: Phrase)] = [
        ("Show help information.", .cliHelpShowHelp), ("Show the version.", .cliHelpShowVersion),
    ]
    /// The notes after an option's help, longest pattern first, and the
    /// subcommand pointer: regular expressions over the library's words.
    public static let notes: [(pattern: String, phrase: Phrase)] = [
        (#" ?\(values: (.*); default: (.*)\)$"#, .cliHelpValuesDefault),
        (#" ?\(values: (.*)\)$"#, .cliHelpValues),
        (#" ?\(default: (.*)\)$"#, .cliHelpDefault),
        (#"^  See '(.*) <subcommand>' for detailed help\.$"#, .cliHelpSeeSubcommand),
    ]
    /// The default subcommand's mark in the subcommand list: `dashboard (default)`.
    public static let defaultMark = " (default)"
    /// Where ArgumentParser starts an option's help (its `labelColumnWidth`).
    public static let helpColumn = 26

    /// Unwrapped help with the library's words in the interface language,
    /// wrapped to `width` display columns.
    public static func translated(_ text: String, width: Int) -> String {
        var inOverview = true
        var result: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("USAGE: ") { inOverview = false }
            let words = translatedWords(line)
            // The usage line is a command, kept whole as the library writes it.
            if line.hasPrefix("USAGE: ") { result.append(words); continue }
            result += DisplayWrapping.lines(words, width: width, indent: indent(of: words, inOverview: inOverview))
        }
        return result.joined(separator: "\n")
    }

    public static func translatedWords(_ line: String) -> String {
        if let whole = lines.first(where: { $0.english == line }) { return whole.phrase.text() }
        var line = line
        for prefix in prefixes where line.hasPrefix(prefix.english) {
            line = prefix.phrase.text() + line.dropFirst(prefix.english.count)
        }
        for ending in endings where line.hasSuffix(ending.english) {
            line = String(line.dropLast(ending.english.count)) + ending.phrase.text()
        }
        for note in notes {
            guard let expression = try? NSRegularExpression(pattern: note.pattern),
                  let match = expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { continue }
            let groups = (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: line).map { String(line[$0]) } }
            let whole = Range(match.range, in: line)!
            line.replaceSubrange(whole, with: (note.pattern.hasPrefix("^") ? "  " : "") + filled(note.phrase, groups))
            break
        }
        return markingDefaultSubcommand(line)
    }

    private static func filled(_ phrase: Phrase, _ groups: [String]) -> String {
        switch groups.count {
        case 1: return phrase.text(groups[0])
        case 2: return phrase.text(groups[0], groups[1])
        default: return phrase.text()
        }
    }

    /// `  dashboard (default)   Open …`: the mark translated, the help kept in its column.
    private static func markingDefaultSubcommand(_ line: String) -> String {
        guard line.hasPrefix("  "), let mark = line.range(of: defaultMark), !line[..<mark.lowerBound].dropFirst(2).contains(" ") else {
            return line
        }
        let label = String(line[..<mark.lowerBound]) + Phrase.cliHelpDefaultSubcommand.text()
        let rest = line[mark.upperBound...].drop { $0 == " " }
        let labelWidth = DisplayWidth.of(label)
        return label + String(repeating: " ", count: max(2, helpColumn - labelWidth)) + rest
    }

    /// Where a wrapped line's continuation starts: under an option's help,
    /// under a list item's text, or at the line's own indent.
    public static func indent(of line: String, inOverview: Bool) -> Int {
        let leading = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(leading)
        if inOverview { return leading + (rest.hasPrefix("- ") ? 2 : 0) }
        guard leading > 0, leading < helpColumn, let gap = rest.range(of: "  ") else { return leading }
        let label = line[..<gap.lowerBound]
        return DisplayWidth.of(label) + 2 + rest[gap.upperBound...].prefix { $0 == " " }.count
    }
}
