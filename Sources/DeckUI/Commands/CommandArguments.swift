import CampaignCore

/// The words after a command's name, with the checks every command shares:
/// a missing or extra word names what the command takes.
struct CommandArguments {
    let command: TypedCommand
    let words: [String]

    /// The names in the command's usage, e.g. ["TASK-ID", "+3d|-1w"].
    private var names: [String] { command.arguments.split(separator: " ").map(String.init) }

    /// No words at all (`:w`, `:pause`).
    func none() throws(CommandLineError) {
        guard words.isEmpty else { throw CommandLineError("\(command.usage) takes no arguments") }
    }

    /// Word `index`; missing, it names the argument and shows the usage.
    func word(_ index: Int) throws(CommandLineError) -> String {
        guard index < words.count else {
            let name = index < names.count ? names[index] : "an argument"
            throw CommandLineError("missing \(name) (usage: \(command.usage))")
        }
        return words[index]
    }

    /// Exactly `count` words.
    func exactly(_ count: Int) throws(CommandLineError) -> [String] {
        if words.count < count { _ = try word(words.count) }
        guard words.count == count else {
            throw CommandLineError("too many arguments: '\(words[count])' (usage: \(command.usage))")
        }
        return words
    }

    /// Word `index` and every word after it, joined by spaces: for a name that
    /// need not be quoted (`:owner kickoff Li Wei`).
    func rest(from index: Int) throws(CommandLineError) -> String {
        _ = try word(index)
        return words[index...].joined(separator: " ")
    }

    /// `+3d`, `-1w`, `2` (days): a shift in whole days.
    static func days(_ text: String) throws(CommandLineError) -> Int {
        var digits = Substring(text)
        var sign = 1
        if let first = digits.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        var unit = 1
        if let last = digits.last?.lowercased(), last == "d" || last == "w" {
            unit = last == "w" ? 7 : 1
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let count = Int(digits), count <= 3_650 else {
            throw CommandLineError("a shift looks like +3d, -2d or +1w; got '\(text)'")
        }
        return sign * count * unit
    }
}
