import CampaignText

/// One argument of a `:` command: how the usage names it and what Tab
/// offers there. The parser and the completion read the same list, so Tab
/// never offers a task where the command wants a number.
enum ArgumentSlot: Equatable, Sendable {
    /// An item's id or name, possibly several words.
    case named(PlanNames.Kind, usage: String)
    /// A task, optionally with a lag (`素材审核+2d`).
    case dependency
    /// One word Tab cannot guess (a shift, a percentage, a speed).
    case word(String)
    /// Everything after it, as typed (a filter, a path); nothing to complete.
    case text(String)

    static let task = ArgumentSlot.named(.task, usage: "TASK")
    static let segment = ArgumentSlot.named(.segment, usage: "SEGMENT")
    static let rule = ArgumentSlot.named(.rule, usage: "RULE")
    /// An owner: free text, but Tab offers the owners the plan already has.
    static let owner = ArgumentSlot.named(.owner, usage: "NAME")

    var usageName: String {
        switch self {
        case .named(_, let usage): return Self.words(usage)
        case .dependency: return Phrase.usageOther.text()
        case .word(let name), .text(let name): return Self.words(name)
        }
    }

    /// The usage's capitalised words (`TASK`, `NAME|FILE.theme`, `[PATH]`) in
    /// the reader's language; examples such as `+3d|-1w` stay as typed.
    static func words(_ usage: String) -> String {
        let known: [String: Phrase] = ["TASK": .usageTask, "SEGMENT": .usageSegment, "RULE": .usageRule, "NAME": .usageName,
                                       "OTHER": .usageOther, "PATH": .usagePath, "TEXT": .usageText, "FILE": .usageFile]
        var result = "", word = ""
        for character in usage + " " {
            if character.isUppercase {
                word.append(character)
                continue
            }
            result += known[word]?.text() ?? word
            word = ""
            result.append(character)
        }
        return String(result.dropLast())
    }

    /// Whose ids and names Tab offers here.
    var completionKind: PlanNames.Kind? {
        switch self {
        case .named(let kind, _): return kind
        case .dependency: return .task
        case .word, .text: return nil
        }
    }

    /// Takes every remaining word (an owner's name, a filter).
    var takesTheRest: Bool {
        switch self {
        case .text: return true
        case .named(let kind, _): return kind == .owner
        case .dependency, .word: return false
        }
    }
}
