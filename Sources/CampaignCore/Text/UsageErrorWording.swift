import CampaignText
import Foundation

/// ArgumentParser's usage errors in our form, `<what> (<where>)`.
///
/// Two things are reworded. A token that starts with `-` is read as an
/// option, so `anomalies show -1` failed with "Missing expected argument
/// '<id>'", which sends the user looking for a missing id: we define no short
/// options that are digits, so a negative number on the command line is
/// always a value out of range, and the error says so, naming the argument.
/// (Options that take numbers use `parsing: .unconditional` and check their
/// own range, so `--speed -5` never gets here.) And every other usage error
/// gets its place: the argument or option it names, else "command line".
/// Detection reads the library's English; the result is in the interface
/// language (`LibraryErrorText` translates the library's sentences).
public enum UsageErrorWording {
    public static func message(for parseMessage: String, arguments: [String]) -> String {
        if let negative = negativeNumber(parseMessage, arguments: arguments) { return negative }
        return withPlace(parseMessage)
    }

    private static func negativeNumber(_ parseMessage: String, arguments: [String]) -> String? {
        guard let negative = arguments.first(where: isNegativeNumber) else { return nil }
        if let name = argumentName(in: parseMessage) {
            return Phrase.cliPlace.text(Phrase.cliUsagePositive.text(name, negative), name)
        }
        if parseMessage.contains("'\(negative)'") {
            return Phrase.cliPlace.text(Phrase.cliUsageNegative.text(negative), negative)
        }
        return nil
    }

    public static func isNegativeNumber(_ token: String) -> Bool {
        guard token.count > 1, token.first == "-" else { return false }
        return Double(token) != nil
    }

    /// `ID` from "Missing expected argument '<id>'".
    private static func argumentName(in message: String) -> String? {
        guard let start = message.range(of: "'<"), let end = message[start.upperBound...].firstIndex(of: ">") else { return nil }
        return message[start.upperBound..<end].uppercased()
    }

    /// The first line gets ` (<where>)`: the `--option` or `<argument>` the
    /// message quotes first, else the first quoted word, else "command line".
    /// Our own messages (from `validate()`) already end with their place.
    public static func withPlace(_ message: String) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, !first.isEmpty, !first.hasSuffix(")"), !first.hasSuffix("）") else { return message }
        lines[0] = Phrase.cliPlace.text(LibraryErrorText.translated(first), place(in: first))
        return lines.joined(separator: "\n")
    }

    private static func place(in line: String) -> String {
        if let name = argumentName(in: line) { return name }
        let quoted = line.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        if let option = quoted.first(where: { $0.hasPrefix("-") }) {
            return String(option.prefix { $0 != " " })
        }
        return quoted.first ?? Phrase.cliUsageCommandLine.text()
    }
}
