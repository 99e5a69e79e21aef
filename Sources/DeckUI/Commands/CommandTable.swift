import CampaignCore

/// One command of the `:` line: its name, what it takes, what it does.
public struct TypedCommand: Sendable {
    public let name: String
    /// How its arguments are written in the help, e.g. `TASK-ID +3d|-1w` (empty: none).
    public let arguments: String
    public let help: String
    let parse: @Sendable (CommandArguments) throws(CommandLineError) -> CommandLineAction

    init(_ name: String, takes arguments: String = "", _ help: String,
         parse: @escaping @Sendable (CommandArguments) throws(CommandLineError) -> CommandLineAction) {
        self.name = name
        self.arguments = arguments
        self.help = help
        self.parse = parse
    }

    /// `:move TASK-ID +3d|-1w`
    public var usage: String { ":" + name + (arguments.isEmpty ? "" : " " + arguments) }
}

/// The one table of `:` commands (the key registry's lesson): the parser, the
/// hints while typing, "did you mean" and the help overlay's Commands section
/// all read it, so the help never lies about them either.
public enum CommandTable {
    public static let commands: [TypedCommand] = [
        TypedCommand("w", takes: "[PATH]", "save (PATH: as a new file)") {
            arguments throws(CommandLineError) in
            guard !arguments.words.isEmpty else { return .key(.save) }
            return .saveAs(try arguments.rest(from: 0))
        },
        TypedCommand("q", "quit; asks if edits are unsaved") { arguments throws(CommandLineError) in
            try arguments.none(); return .key(.quit)
        },
        TypedCommand("q!", "quit, discarding unsaved edits") { arguments throws(CommandLineError) in
            try arguments.none(); return .quitDiscarding
        },
        TypedCommand("wq", "save, then quit") { arguments throws(CommandLineError) in
            try arguments.none(); return .saveAndQuit
        },
        TypedCommand("theme", takes: "NAME|FILE.theme", "use a theme (as t) or a theme file") { arguments throws(CommandLineError) in
            .theme(try arguments.exactly(1)[0])
        },
        TypedCommand("speed", takes: "N", "replay speed, e.g. 600 (as +/-)") { arguments throws(CommandLineError) in
            let text = try arguments.exactly(1)[0]
            let number = text.hasPrefix("x") || text.hasPrefix("×") ? String(text.dropFirst()) : text
            guard let speed = Double(number), speed.isFinite, speed > 0 else {
                throw CommandLineError("the speed is a positive number such as 60 or 600; got '\(text)'")
            }
            return .speed(speed)
        },
        TypedCommand("pause", "pause the stream (as p)") { arguments throws(CommandLineError) in
            try arguments.none(); return .pause
        },
        TypedCommand("resume", "resume the stream (as p)") { arguments throws(CommandLineError) in
            try arguments.none(); return .resume
        },
        TypedCommand("help", "show every key and command") { arguments throws(CommandLineError) in
            try arguments.none(); return .key(.toggleHelp)
        },
        TypedCommand("messages", "the message log") { arguments throws(CommandLineError) in
            try arguments.none(); return .messages
        },
        TypedCommand("goto", takes: "TASK-ID", "select a task in the Gantt") { arguments throws(CommandLineError) in
            .goto(task: try arguments.exactly(1)[0])
        },
        TypedCommand("move", takes: "TASK-ID +3d|-1w", "move a task (as H/L)") { arguments throws(CommandLineError) in
            let words = try arguments.exactly(2)
            return .moveTask(words[0], days: try CommandArguments.days(words[1]))
        },
        TypedCommand("owner", takes: "TASK-ID NAME", "set a task's owner (as o)") { arguments throws(CommandLineError) in
            .answer(.taskOwner(try arguments.word(0)), text: try arguments.rest(from: 1))
        },
        TypedCommand("progress", takes: "TASK-ID 40%", "set a task's progress (as %)") { arguments throws(CommandLineError) in
            let words = try arguments.exactly(2)
            return .answer(.taskProgress(words[0]), text: words[1])
        },
        TypedCommand("after", takes: "TASK-ID OTHER-ID", "the task waits for another (as A)") { arguments throws(CommandLineError) in
            let words = try arguments.exactly(2)
            return .answer(.addDependency(words[0]), text: words[1])
        },
        TypedCommand("filter", takes: "TEXT", "filter the focused pane (as /)") { arguments throws(CommandLineError) in
            .filter(arguments.words.joined(separator: " "))
        },
    ]

    /// The action a typed line asks for; nil for an empty line. A leading `:`
    /// (typed twice from habit) is ignored; names are matched ignoring case.
    static func parse(_ text: String) throws(CommandLineError) -> CommandLineAction? {
        var words = try CommandWords.split(text.hasPrefix(":") ? String(text.dropFirst()) : text)
        guard !words.isEmpty else { return nil }
        let name = words.removeFirst()
        guard let command = command(named: name) else {
            let suggestion = Suggestion.hint(for: name, among: commands.map(\.name))
            throw CommandLineError("unknown command '\(name)'" + (suggestion.isEmpty ? " (:help lists commands)" : suggestion))
        }
        return try command.parse(CommandArguments(command: command, words: words))
    }

    static func command(named name: String) -> TypedCommand? {
        commands.first { $0.name == name.lowercased() }
    }

    /// What the status bar says while a command is typed: the usage of the
    /// command being typed, or the names that start with what is typed so far.
    static func hint(for text: String) -> String {
        let typed = text.drop { $0 == ":" || $0 == " " }
        let name = typed.prefix { $0 != " " }.lowercased()
        guard !name.isEmpty else { return "Tab completes · :help lists commands" }
        if let command = command(named: name) { return command.usage + "  " + command.help }
        let matches = commands.filter { $0.name.hasPrefix(name) }
        if matches.count == 1, !typed.contains(" ") { return matches[0].usage + "  " + matches[0].help }
        if matches.isEmpty, let close = Suggestion.closest(to: name, among: commands.map(\.name)) {
            return "did you mean :\(close)?"
        }
        return matches.map { ":" + $0.name }.joined(separator: " ")
    }

    /// Tab on a partly typed name: the name completed as far as it is
    /// unambiguous (with a space when the command takes arguments); nil when
    /// there is nothing to add.
    static func completion(of text: String) -> String? {
        guard !text.isEmpty, !text.contains(" ") else { return nil }
        let matches = commands.filter { $0.name.hasPrefix(text.lowercased()) }
        guard let first = matches.first else { return nil }
        if matches.count == 1 { return first.name + (first.arguments.isEmpty ? "" : " ") }
        let common = matches.dropFirst().reduce(first.name) { prefix, command in
            String(zip(prefix, command.name).prefix { $0 == $1 }.map(\.0))
        }
        return common.count > text.count ? common : nil
    }
}
