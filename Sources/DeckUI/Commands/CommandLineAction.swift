import CampaignCore

/// What a typed command asks for, before it is run. Each maps onto what a key
/// already does (a `DeckCommand`, a `PlanEdit`, a prompt's answer), so the
/// command line adds no behaviour of its own.
enum CommandLineAction: Equatable {
    /// Exactly what the key bound to `command` does (`:w` is Ctrl-S).
    case key(DeckCommand)
    case quitDiscarding
    /// Saves, then quits once the save succeeded (the quit question's `s`).
    case saveAndQuit
    /// Saves under a new name (never replacing a file), which is edited from then on.
    case saveAs(String)
    /// Opens the message log.
    case messages
    case pause, resume
    case theme(String)
    case speed(Double)
    /// Task, segment and rule references are ids here: `CommandArguments`
    /// resolved the names typed.
    case goto(task: String)
    /// The segment's persona card, as Enter in the Segments pane.
    case persona(segment: String)
    /// The alert rules, with rule `number` (1 = the first) selected.
    case alertRule(number: Int)
    case moveTask(String, days: Int)
    /// The prompt a task's key opens, answered in one go (`:owner`, `:progress`, `:after`).
    case answer(Prompt.Purpose, text: String)
    /// The focused pane's filter; empty clears it.
    case filter(String)
}

extension CommandLineAction {
    /// The ids a typed line names, once it parses: `kickoff` for
    /// `:move 项目启动会 +1d`, `community-setup ← creative-brief` for an
    /// `:after` (← as the Gantt marks what a task waits for); nil otherwise.
    static func subject(of text: String, plan: Plan) -> String? {
        guard let action = try? CommandTable.parse(text, plan: plan) else { return nil }
        switch action {
        case .goto(let id), .moveTask(let id, _), .persona(let id): return id
        case .alertRule(let number): return "#\(number)"
        case .answer(.addDependency(let id), let other): return "\(id) ← \(other)"
        case .answer(let purpose, _): return purpose.taskID
        case .key, .quitDiscarding, .saveAndQuit, .saveAs, .messages, .pause, .resume, .theme, .speed, .filter: return nil
        }
    }
}

/// A mistake in a typed command, in words for the status bar.
struct CommandLineError: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}
