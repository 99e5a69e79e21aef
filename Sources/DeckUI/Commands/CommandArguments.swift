import CampaignCore
import CampaignText

/// The words after a command's name, with the checks every command shares:
/// a missing or extra word names what the command takes.
struct CommandArguments {
    let command: TypedCommand
    let words: [String]
    /// The plan whose tasks, segments and rules the words may name.
    let plan: Plan
    /// How many of the command's arguments come before `words[0]` (a task
    /// name already taken off the front), so a missing one is named right.
    var offset = 0

    /// The names in the command's usage, e.g. ["TASK", "+3d|-1w"].
    private var names: [String] { command.slots.map(\.usageName) }

    /// No words at all (`:w`, `:pause`).
    func none() throws(CommandLineError) {
        guard words.isEmpty else { throw CommandLineError(Phrase.commandTakesNoArguments.text(command.usage)) }
    }

    /// Word `index`; missing, it names the argument and shows the usage.
    func word(_ index: Int) throws(CommandLineError) -> String {
        guard index < words.count else {
            let name = offset + index < names.count ? names[offset + index] : Phrase.commandAnArgument.text()
            throw CommandLineError(Phrase.commandMissing.text(name, command.usage))
        }
        return words[index]
    }

    /// Exactly `count` words.
    func exactly(_ count: Int) throws(CommandLineError) -> [String] {
        if words.count < count { _ = try word(words.count) }
        guard words.count == count else {
            throw CommandLineError(Phrase.commandTooMany.text(words[count], command.usage))
        }
        return words
    }

    /// Word `index` and every word after it, joined by spaces: for a name that
    /// need not be quoted (`:owner kickoff Li Wei`).
    func rest(from index: Int) throws(CommandLineError) -> String {
        _ = try word(index)
        return words[index...].joined(separator: " ")
    }

    /// Every word is one item's id or name (`:goto 项目 启动会` is the task
    /// named `项目 启动会`): the id.
    func whole(_ kind: PlanNames.Kind) throws(CommandLineError) -> String {
        try PlanNames(kind, in: plan).resolve(rest(from: 0))
    }

    /// An item named by the first words, then what `parseRest` makes of the
    /// words after it. A name may hold spaces without quotes: the longest run
    /// of first words that names an item and leaves words `parseRest` takes
    /// wins (`:owner Launch event Li Wei`). Quoting (`"Launch event"`) makes
    /// it one word, so it never depends on that guess.
    /// `restWords`: how many words the rest takes, nil when it takes any
    /// (free text); it decides which words an unknown name is said to be.
    func leading<Rest>(_ kind: PlanNames.Kind, restWords: Int?,
                       then parseRest: (CommandArguments) throws(CommandLineError) -> Rest) throws(CommandLineError) -> (id: String, rest: Rest) {
        _ = try word(0)
        let names = PlanNames(kind, in: plan)
        var firstError: CommandLineError?
        for count in stride(from: words.count, through: 1, by: -1) {
            let text = words[..<count].joined(separator: " ")
            switch names.match(text) {
            case .found(let id):
                do throws(CommandLineError) {
                    return (id, try parseRest(dropping(count)))
                } catch {
                    if firstError == nil { firstError = error }
                }
            case .ambiguous(let ids):
                if firstError == nil { firstError = names.ambiguity(text, ids: ids) }
            case .unknown:
                break
            }
        }
        if let firstError { throw firstError }
        // Nothing named an item: blame the words a person most likely meant as
        // the name, those nearest an id or name, else where the usage puts it.
        let fallback = restWords.map { max(1, words.count - $0) } ?? 1
        let guesses = (1...words.count).compactMap { count -> (count: Int, distance: Int)? in
            names.nearest(to: words[..<count].joined(separator: " ")).map { (count, $0.distance) }
        }
        let count = guesses.min { $0.distance < $1.distance || ($0.distance == $1.distance && $0.count > $1.count) }?.count ?? fallback
        throw names.unknown(words[..<count].joined(separator: " "))
    }

    /// The words after the first `count`, for the arguments after them.
    func dropping(_ count: Int) -> CommandArguments {
        CommandArguments(command: command, words: Array(words.dropFirst(count)), plan: plan, offset: offset + 1)
    }

    /// `素材审核`, `素材审核+2d`, `asset-review+2d`: the task a dependency
    /// names, written as the plan writes it (`id` or `id+Nd`).
    static func dependency(_ text: String, among names: PlanNames) throws(CommandLineError) -> String {
        let whole = names.match(text)
        if case .found(let id) = whole { return id }
        let trimmed = PlanNames.normalized(text)
        if let plus = trimmed.lastIndex(of: "+"), trimmed.hasSuffix("d") {
            // `素材审核 + 2d` as well as `素材审核+2d`.
            let lag = String(trimmed[trimmed.index(after: plus)..<trimmed.index(before: trimmed.endIndex)].filter { $0 != " " })
            let head = String(trimmed[..<plus])
            if !lag.isEmpty, lag.allSatisfy(\.isASCII), let days = Int(lag), days >= 0 {
                switch names.match(head) {
                case .found(let id): return "\(id)+\(days)d"
                case .ambiguous(let ids): throw names.ambiguity(head, ids: ids)
                case .unknown: throw names.unknown(head)
                }
            }
        }
        if case .ambiguous(let ids) = whole { throw names.ambiguity(text, ids: ids) }
        throw names.unknown(text)
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
            throw CommandLineError(Phrase.commandShift.text(text))
        }
        return sign * count * unit
    }
}
