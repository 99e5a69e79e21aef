import CampaignCore

/// One line of typed text with the editing keys every input shares (a
/// prompt, the `/` filter, the `:` command line), so they behave the same
/// everywhere; Enter and Esc (or Ctrl-C) end it.
///
/// A field opened with a suggestion in it (a task's owner, `campaign.yaml`)
/// holds it "selected", as a dialog box does: the first printable key
/// replaces it, so typing a new name never lands after the old one; an
/// arrow, Home or End first keeps it to be edited at the cursor.
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

    public private(set) var text: String
    /// Where typing goes, in characters from the start (0 ... text.count).
    public private(set) var cursor: Int
    /// The suggested text is still as it was opened: typing replaces it.
    public private(set) var isSuggestion: Bool

    /// `suggested` text is replaced by the first printable key; other text
    /// (a recalled command) is simply there to be edited.
    public init(text: String = "", suggested: Bool = false) {
        self.text = text
        cursor = text.count
        isSuggestion = suggested && !text.isEmpty
    }

    /// Replaces the whole text (Tab completion, ↑ history), cursor at the end.
    mutating func set(_ text: String) {
        self.text = text
        cursor = text.count
        isSuggestion = false
    }

    /// Replaces the whole text with the cursor at `cursor` (Tab completion
    /// keeps what followed the cursor after the completed word).
    mutating func set(_ text: String, cursor: Int) {
        self.text = text
        self.cursor = min(max(0, cursor), text.count)
        isSuggestion = false
    }

    /// The text before and after the cursor, for drawing it.
    var beforeCursor: String { String(text.prefix(cursor)) }
    var afterCursor: String { String(text.dropFirst(cursor)) }

    mutating func handle(_ key: Key) -> Event {
        let wasSuggestion = isSuggestion
        isSuggestion = false
        switch key {
        case .enter: return .submitted(text)
        case .escape, .control("c"): return .cancelled
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        case .backspace:
            guard cursor > 0 else { break }
            remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            if cursor < text.count { remove(at: cursor) }
        case .control("u"):
            set("") // as in a shell: clear the line
        case .control("w"):
            // As in a shell: drop the word before the cursor.
            var before = Array(beforeCursor)
            while before.last == " " { before.removeLast() }
            while let last = before.last, last != " " { before.removeLast() }
            text = String(before) + afterCursor
            cursor = before.count
        case .character(let character):
            // A control character (C1, a bidi override) pasted into a name or a
            // command would be invisible in it: it is left out rather than kept.
            guard !character.unicodeScalars.contains(where: ControlCharacters.isUnsafe) else {
                isSuggestion = wasSuggestion
                return .editing
            }
            if wasSuggestion { set("") }
            text = beforeCursor + String(character) + afterCursor
            cursor += 1
        default:
            isSuggestion = wasSuggestion
            return .ignored
        }
        return .editing
    }

    private mutating func remove(at offset: Int) {
        text.remove(at: text.index(text.startIndex, offsetBy: offset))
    }
}
