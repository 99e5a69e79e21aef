import CampaignCore

/// The one-line input typed in the status bar (the k9s lesson: `/` and `:`
/// share one input model): what it is for and the text typed so far.
public struct InputLine: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Narrows this pane's rows as it is typed.
        case filter(Pane)
        /// A command from `CommandTable`, run on Enter.
        case command
    }

    public var kind: Kind
    public var text: String
    /// Where ↑/↓ are in the command history; nil while typing a new line.
    public var historyPosition: Int?

    public init(_ kind: Kind, text: String = "", historyPosition: Int? = nil) {
        self.kind = kind
        self.text = text
        self.historyPosition = historyPosition
    }

    /// What the line starts with on screen, as in vim and k9s.
    public var leader: String {
        switch kind {
        case .filter: return "/"
        case .command: return ":"
        }
    }
}

/// The editing keys every one-line input shares (prompts, the filter, the
/// command line), so they behave the same everywhere.
enum LineEditing {
    /// Applies an editing key to `text`; false when `key` does not edit text.
    static func apply(_ key: Key, to text: inout String) -> Bool {
        switch key {
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text = "" // as in a shell: clear the line
        case .control("w"):
            // As in a shell: drop the last word.
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { _ = last; text.removeLast() }
        case .character(let character):
            // A control character (C1, a bidi override) pasted into a name or a
            // command would be invisible in it: it is left out rather than kept.
            guard !character.unicodeScalars.contains(where: ControlCharacters.isUnsafe) else { return true }
            text.append(character)
        default:
            return false
        }
        return true
    }
}
