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
        case .named(_, let usage): return usage
        case .dependency: return "OTHER"
        case .word(let name), .text(let name): return name
        }
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
