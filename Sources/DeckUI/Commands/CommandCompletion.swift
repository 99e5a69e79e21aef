import CampaignCore

/// What Tab offers on the `:` line, like a shell: the command's name first,
/// then, by the argument the cursor is in, the ids and names of tasks,
/// segments, rules, owners or themes (`CommandTable`'s slots say which).
enum CommandCompletion {
    /// The choices for the word before the cursor: they replace the line's
    /// text from `start` (a character offset) to the cursor.
    struct Choices: Equatable {
        var start: Int
        var typed: String
        var choices: [String]
        /// The argument is followed by another: a chosen one gets a space.
        var spaceAfter: Bool
        /// Whether a choice with a blank must be quoted to stay one argument
        /// (not in the last one, which takes every word).
        var quoteBlanks: Bool
    }

    enum Outcome: Equatable {
        case choices(Choices)
        /// Nothing of this kind matches what is typed: the status bar says so.
        case noMatch(PlanNames.Kind, typed: String)
        /// Not an argument Tab can help with (a shift, a number, free text).
        case nothing
    }

    /// The choices for `before` (the line's text up to the cursor).
    static func complete(_ before: String, plan: Plan) -> Outcome {
        let leader = before.hasPrefix(":") ? 1 : 0
        let (complete, current) = TypedWords.split(String(before.dropFirst(leader)), offset: leader)
        guard let name = complete.first else {
            let matches = CommandTable.commands.filter { $0.name.hasPrefix(current.text.lowercased()) }
            guard !matches.isEmpty else { return .nothing }
            // A command that takes arguments comes with its space, in the cycle too.
            return .choices(Choices(start: current.start, typed: current.text,
                                    choices: matches.map { $0.name + ($0.slots.isEmpty ? "" : " ") },
                                    spaceAfter: false, quoteBlanks: false))
        }
        guard let command = CommandTable.command(named: name.text) else { return .nothing }
        return argument(command.slots, words: Array(complete.dropFirst()), current: current, plan: plan)
    }

    /// Walks the command's arguments over the words typed to find the one the
    /// cursor is in. A name may span words: the words from an argument's start
    /// are first tried as the start of a name; only when they are not one is
    /// the longest run of them that names an item taken as that argument.
    private static func argument(_ slots: [ArgumentSlot], words: [TypedWords.Word], current: TypedWords.Word,
                                 plan: Plan) -> Outcome {
        var index = 0
        for (position, slot) in slots.enumerated() {
            let isLast = position == slots.count - 1 || slot.takesTheRest
            guard let kind = slot.completionKind else {
                if case .text = slot { return .nothing }
                // A one-word argument: the cursor is in it, or it is done.
                guard index < words.count else { return .nothing }
                index += 1
                continue
            }
            let names = PlanNames(kind, in: plan)
            let tail = words[index...].map(\.text) + (current.text.isEmpty && !current.quoted ? [] : [current.text])
            let typed = tail.joined(separator: " ")
            let start = words.indices.contains(index) ? words[index].start : current.start
            let choices = Choices(start: start, typed: typed, choices: names.completions(of: typed),
                                  spaceAfter: !isLast, quoteBlanks: !isLast)
            // After a blank the word before is finished: the next argument is
            // wanted unless the words so far name nothing.
            let finished = current.text.isEmpty && !current.quoted
            if isLast || (!finished && !choices.choices.isEmpty) {
                return choices.choices.isEmpty ? .noMatch(kind, typed: typed) : .choices(choices)
            }
            guard let taken = (1...max(1, words.count - index)).reversed().first(where: { count in
                index + count <= words.count && names.match(words[index..<index + count].map(\.text).joined(separator: " ")) != .unknown
            }) else {
                return choices.choices.isEmpty ? .noMatch(kind, typed: typed) : .choices(choices)
            }
            index += taken
        }
        return .nothing
    }

    /// The longest start all `choices` share.
    static func commonPrefix(_ choices: [String]) -> String {
        guard var prefix = choices.first else { return "" }
        for choice in choices.dropFirst() {
            prefix = String(zip(prefix, choice).prefix { $0 == $1 }.map(\.0))
        }
        return prefix
    }
}

/// The words before the cursor as the command line will split them, with
/// where each starts, and the one being typed (empty after a blank; `quoted`
/// while its quote is still open), for completing it in place.
enum TypedWords {
    struct Word: Equatable {
        var text: String
        /// Character offset in the line where the word (its quote) starts.
        var start: Int
        var quoted: Bool
    }

    static func split(_ text: String, offset: Int = 0) -> (complete: [Word], current: Word) {
        var words: [Word] = []
        var word = Word(text: "", start: offset, quoted: false)
        var inWord = false, quote: Character?, escaping = false
        for (position, character) in text.enumerated() {
            if escaping {
                word.text.append(character)
                escaping = false
            } else if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaping = true } else { word.text.append(character) }
            } else if character == " " || character == "\t" {
                if inWord { words.append(word) }
                inWord = false
                word = Word(text: "", start: offset + position + 1, quoted: false)
            } else {
                if !inWord { word.start = offset + position }
                inWord = true
                switch character {
                case "\"", "'": quote = character; word.quoted = true
                case "\\": escaping = true
                default: word.text.append(character)
                }
            }
        }
        if !inWord { word = Word(text: "", start: offset + text.count, quoted: false) }
        // A closed quote is a finished word only after a blank; before it, it is still being typed.
        return (words, word)
    }
}
