import CampaignCore

/// One line of typed text with the editing keys every input shares (a
/// prompt, the `/` filter, the `:` command line), so they behave the same
/// everywhere; Enter and Esc end it.
public struct TextField: Equatable, Sendable {
    /// What a key did to the field.
    enum Event: Equatable {
        /// The text was edited (or the key was an editing key that changed nothing).
        case editing
        /// Not a key the field uses; the owner may give it a meaning (Tab, ↑/↓).
        case ignored
        case submitted(String)
        case cancelled
    }

    public var text: String

    public init(text: String = "") {
        self.text = text
    }

    mutating func handle(_ key: Key) -> Event {
        switch key {
        case .enter: return .submitted(text)
        case .escape: return .cancelled
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
            guard !character.unicodeScalars.contains(where: ControlCharacters.isUnsafe) else { return .editing }
            text.append(character)
        default:
            return .ignored
        }
        return .editing
    }
}
