import CampaignCore

/// The one-line input typed in the status bar (the k9s lesson: `/` and `:`
/// share one input model): what it is for and the text typed so far.
public struct InputLine: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Narrows this pane's rows as it is typed.
        case filter(Pane)
        /// A command from `CommandTable`, run on Enter.
        case command
        /// Text to find in the help, opened at `scroll` (drawn under the line while typed).
        case helpSearch(scroll: Int)
        /// Text to find in the message log, opened at `top` (as `Overlay.messageLog`).
        case messageSearch(top: Int?)
    }

    public var kind: Kind
    var field: TextField
    /// Where ↑/↓ are in the command history; nil while typing a new line.
    public var historyPosition: Int?
    /// The choices the last Tab found, while Tab and Shift-Tab cycle them;
    /// any other key (or a changed text) ends it.
    var completion: LineCompletion?

    public init(_ kind: Kind, text: String = "", historyPosition: Int? = nil) {
        self.kind = kind
        field = TextField(text: text)
        self.historyPosition = historyPosition
    }

    public var text: String {
        get { field.text }
        set { field.set(newValue) }
    }

    /// What the line starts with on screen, as in vim and k9s.
    public var leader: String {
        switch kind {
        case .filter, .helpSearch, .messageSearch: return "/"
        case .command: return ":"
        }
    }
}
