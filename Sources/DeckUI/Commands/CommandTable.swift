import CampaignCore
import CampaignText

/// One command of the `:` line: its name, what it takes, what it does.
public struct TypedCommand: Sendable {
    public let name: String
    /// Its arguments in order: the usage, the "missing …" errors and Tab read them.
    let slots: [ArgumentSlot]
    /// What it does, in the catalog (the table is built once; the language
    /// is read when the help is shown).
    let helpPhrase: Phrase
    let parse: @Sendable (CommandArguments) throws(CommandLineError) -> CommandLineAction

    init(_ name: String, takes slots: [ArgumentSlot] = [], _ help: Phrase,
         parse: @escaping @Sendable (CommandArguments) throws(CommandLineError) -> CommandLineAction) {
        self.name = name
        self.slots = slots
        self.helpPhrase = help
        self.parse = parse
    }

    public var help: String { helpPhrase.text() }

    /// How its arguments are written in the help, e.g. `TASK +3d|-1w` (empty: none).
    public var arguments: String { slots.map(\.usageName).joined(separator: " ") }

    /// `:move TASK +3d|-1w`
    public var usage: String { ":" + name + (arguments.isEmpty ? "" : " " + arguments) }
}

/// The one table of `:` commands (the key registry's lesson): the parser, the
/// hints while typing, "did you mean" and the help overlay's Commands section
/// all read it, so the help never lies about them either.
public enum CommandTable {
    public static let commands: [TypedCommand] = [
        TypedCommand("w", takes: [.text("[PATH]")], .commandSave) {
            arguments throws(CommandLineError) in
            guard !arguments.words.isEmpty else { return .key(.save) }
            return .saveAs(try arguments.rest(from: 0))
        },
        TypedCommand("q", .commandQuit) { arguments throws(CommandLineError) in
            try arguments.none(); return .key(.quit)
        },
        TypedCommand("q!", .commandQuitDiscarding) { arguments throws(CommandLineError) in
            try arguments.none(); return .quitDiscarding
        },
        TypedCommand("wq", .commandSaveQuit) { arguments throws(CommandLineError) in
            try arguments.none(); return .saveAndQuit
        },
        TypedCommand("theme", takes: [.named(.theme, usage: "NAME|FILE.theme")], .commandTheme) { arguments throws(CommandLineError) in
            .theme(try arguments.exactly(1)[0])
        },
        TypedCommand("speed", takes: [.word("N")], .commandSpeed) { arguments throws(CommandLineError) in
            let text = try arguments.exactly(1)[0]
            let number = text.hasPrefix("x") || text.hasPrefix("×") ? String(text.dropFirst()) : text
            guard let speed = Double(number), speed.isFinite, speed > 0 else {
                throw CommandLineError(Phrase.commandSpeedInvalid.text(text))
            }
            return .speed(speed)
        },
        TypedCommand("pause", .commandPause) { arguments throws(CommandLineError) in
            try arguments.none(); return .pause
        },
        TypedCommand("resume", .commandResume) { arguments throws(CommandLineError) in
            try arguments.none(); return .resume
        },
        TypedCommand("help", .commandHelp) { arguments throws(CommandLineError) in
            try arguments.none(); return .key(.toggleHelp)
        },
        TypedCommand("messages", .commandMessages) { arguments throws(CommandLineError) in
            try arguments.none(); return .messages
        },
        TypedCommand("goto", takes: [.task], .commandGoto) { arguments throws(CommandLineError) in
            .goto(task: try arguments.whole(.task))
        },
        TypedCommand("move", takes: [.task, .word("+3d|-1w")], .commandMove) { arguments throws(CommandLineError) in
            let (id, days) = try arguments.leading(.task, restWords: 1) { rest throws(CommandLineError) in
                try CommandArguments.days(rest.exactly(1)[0])
            }
            return .moveTask(id, days: days)
        },
        TypedCommand("owner", takes: [.task, .owner], .commandOwner) { arguments throws(CommandLineError) in
            let (id, owner) = try arguments.leading(.task, restWords: nil) { rest throws(CommandLineError) in try rest.rest(from: 0) }
            return .answer(.taskOwner(id), text: owner)
        },
        TypedCommand("progress", takes: [.task, .word("40%")], .commandProgress) { arguments throws(CommandLineError) in
            let (id, progress) = try arguments.leading(.task, restWords: 1) { rest throws(CommandLineError) in try rest.exactly(1)[0] }
            return .answer(.taskProgress(id), text: progress)
        },
        TypedCommand("after", takes: [.task, .dependency], .commandAfter) { arguments throws(CommandLineError) in
            let tasks = PlanNames(.task, in: arguments.plan)
            let (id, other) = try arguments.leading(.task, restWords: nil) { rest throws(CommandLineError) in
                try CommandArguments.dependency(rest.rest(from: 0), among: tasks)
            }
            return .answer(.addDependency(id), text: other)
        },
        TypedCommand("persona", takes: [.segment], .commandPersona) { arguments throws(CommandLineError) in
            .persona(segment: try arguments.whole(.segment))
        },
        TypedCommand("alert", takes: [.rule], .commandAlert) { arguments throws(CommandLineError) in
            .alertRule(number: Int(try arguments.whole(.rule)) ?? 1)
        },
        TypedCommand("filter", takes: [.text("TEXT")], .commandFilter) { arguments throws(CommandLineError) in
            .filter(arguments.words.joined(separator: " "))
        },
    ]

    /// The action a typed line asks for; nil for an empty line. A leading `:`
    /// (typed twice from habit) is ignored; names are matched ignoring case.
    static func parse(_ text: String, plan: Plan) throws(CommandLineError) -> CommandLineAction? {
        var words = try CommandWords.split(text.hasPrefix(":") ? String(text.dropFirst()) : text)
        guard !words.isEmpty else { return nil }
        let name = words.removeFirst()
        guard let command = command(named: name) else {
            let suggestion = Suggestion.hint(for: name, among: commands.map(\.name))
            throw CommandLineError(suggestion.isEmpty ? Phrase.commandUnknown.text(name) : Phrase.commandUnknownSuggest.text(name, suggestion))
        }
        return try command.parse(CommandArguments(command: command, words: words, plan: plan))
    }

    static func command(named name: String) -> TypedCommand? {
        commands.first { $0.name == name.lowercased() }
    }

    /// What the status bar says while a command is typed: the usage of the
    /// command being typed, or the names that start with what is typed so far.
    static func hint(for text: String) -> String {
        let typed = text.drop { $0 == ":" || $0 == " " }
        let name = typed.prefix { $0 != " " }.lowercased()
        guard !name.isEmpty else { return Phrase.commandLineHint.text() }
        if let command = command(named: name) { return command.usage + "  " + command.help }
        let matches = commands.filter { $0.name.hasPrefix(name) }
        if matches.count == 1, !typed.contains(" ") { return matches[0].usage + "  " + matches[0].help }
        if matches.isEmpty, let close = Suggestion.closest(to: name, among: commands.map(\.name)) {
            return Phrase.commandDidYouMean.text(close)
        }
        return matches.map { ":" + $0.name }.joined(separator: " ")
    }
}
