/// The one table of key bindings (the lazygit lesson): the key handler, the
/// status-bar hints and the `?` overlay all read it, so help never lies.
public struct KeyBinding: Sendable {
    public enum Scope: Hashable, Sendable {
        case global
        case pane(Pane)
    }

    public var keys: [Key]
    public var command: DeckCommand
    public var help: String
    public var scope: Scope
    /// Short hint for the status bar; nil keeps the binding out of the footer.
    public var hint: String?

    public init(_ keys: [Key], _ command: DeckCommand, _ help: String, scope: Scope = .global, hint: String? = nil) {
        self.keys = keys
        self.command = command
        self.help = help
        self.scope = scope
        self.hint = hint
    }

    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

public enum KeyRegistry {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.tab], .nextPane, "next pane", hint: "pane"),
        KeyBinding([.backTab], .previousPane, "previous pane"),
        KeyBinding([.character("1")], .focus(.segments), "focus Segments"),
        KeyBinding([.character("2")], .focus(.gantt), "focus Gantt"),
        KeyBinding([.character("3")], .focus(.kpis), "focus KPIs"),
        KeyBinding([.character("4")], .focus(.anomalies), "focus Anomaly log"),
        KeyBinding([.up, .character("k")], .moveUp, "move up"),
        KeyBinding([.down, .character("j")], .moveDown, "move down"),
        KeyBinding([.pageUp], .pageUp, "page up"),
        KeyBinding([.pageDown], .pageDown, "page down"),
        KeyBinding([.home, .character("g")], .moveHome, "first row"),
        KeyBinding([.end, .character("G")], .moveEnd, "last row"),
        KeyBinding([.enter], .open, "open the selected item", hint: "open"),
        KeyBinding([.escape], .back, "close / back"),
        KeyBinding([.character("z")], .zoom, "zoom the focused pane", hint: "zoom"),
        KeyBinding([.character("p")], .togglePause, "pause / resume the stream", hint: "pause"),
        KeyBinding([.character("+"), .character("=")], .faster, "replay faster"),
        KeyBinding([.character("-")], .slower, "replay slower"),
        KeyBinding([.character("t")], .cycleTheme, "next theme"),
        KeyBinding([.character("?")], .toggleHelp, "show every key", hint: "help"),
        KeyBinding([.character("q")], .quit, "quit", hint: "quit"),
        // Gantt
        KeyBinding([.left, .character("h")], .moveLeft, "scroll earlier", scope: .pane(.gantt), hint: "scroll"),
        KeyBinding([.right, .character("l")], .moveRight, "scroll later", scope: .pane(.gantt)),
        KeyBinding([.character("]")], .ganttZoomIn, "days axis", scope: .pane(.gantt), hint: "days"),
        KeyBinding([.character("[")], .ganttZoomOut, "weeks axis", scope: .pane(.gantt), hint: "weeks"),
        KeyBinding([.character(".")], .ganttToday, "scroll to today", scope: .pane(.gantt), hint: "today"),
        // KPIs
        KeyBinding([.character("s")], .toggleKPIGrouping, "per channel / per segment", scope: .pane(.kpis), hint: "by"),
        // Anomaly log
        KeyBinding([.character("a")], .acknowledge, "acknowledge", scope: .pane(.anomalies), hint: "ack"),
        KeyBinding([.character("o")], .assignOwner, "assign an owner", scope: .pane(.anomalies), hint: "owner"),
        KeyBinding([.character("n")], .addNote, "add a note", scope: .pane(.anomalies), hint: "note"),
        KeyBinding([.character("r")], .resolveAnomaly, "resolve, writing cause and action", scope: .pane(.anomalies), hint: "resolve"),
    ]

    /// The binding a key triggers in `pane`: pane bindings win over global ones.
    public static func binding(for key: Key, in pane: Pane) -> KeyBinding? {
        bindings.first { $0.scope == .pane(pane) && $0.keys.contains(key) }
            ?? bindings.first { $0.scope == .global && $0.keys.contains(key) }
    }

    /// Footer hints: the focused pane's first, then the global ones.
    public static func hints(for pane: Pane) -> [(keys: String, hint: String)] {
        let local = bindings.filter { $0.scope == .pane(pane) && $0.hint != nil }
        let global = bindings.filter { $0.scope == .global && $0.hint != nil }
        return (local + global).map { ($0.keys.first!.label, $0.hint!) }
    }
}
