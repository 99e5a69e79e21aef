/// The one table of key bindings (the lazygit lesson): the key handler, the
/// status-bar hints and the `?` overlay all read it, so help never lies.
public struct KeyBinding: Sendable {
    public enum Scope: Hashable, Sendable {
        case global
        case pane(Pane)
        /// Keys of a modal view that takes them before the panes do.
        case view(ModalView)
    }

    /// Overlays with keys of their own, listed in the help like panes.
    public enum ModalView: Hashable, Sendable, CaseIterable {
        case alertEditor, walkthrough

        public var title: String {
            switch self {
            case .alertEditor: return "Alert editor (e in KPIs)"
            case .walkthrough: return "Stand-up walkthrough (w)"
            }
        }
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
        KeyBinding([.character("u")], .undo, "undo the last plan edit", hint: "undo"),
        KeyBinding([.control("r")], .redo, "redo"),
        KeyBinding([.control("s")], .save, "save the plan (atomic, minimal diff)", hint: "save"),
        KeyBinding([.character("w")], .startWalkthrough, "stand-up walkthrough", hint: "stand-up"),
        // Last of the hints: the footer shows them where there is room.
        KeyBinding([.character("/")], .startFilter, "filter the focused pane's rows", hint: "filter"),
        KeyBinding([.character(":")], .openCommandLine, "command line (:help lists commands)", hint: "command"),
        KeyBinding([.character("?")], .toggleHelp, "show every key and command", hint: "help"),
        KeyBinding([.character("q")], .quit, "quit", hint: "quit"),
        // Gantt
        KeyBinding([.left, .character("h")], .moveLeft, "scroll earlier", scope: .pane(.gantt), hint: "scroll"),
        KeyBinding([.right, .character("l")], .moveRight, "scroll later", scope: .pane(.gantt)),
        KeyBinding([.character("]")], .ganttZoomIn, "days axis", scope: .pane(.gantt), hint: "days"),
        KeyBinding([.character("[")], .ganttZoomOut, "weeks axis", scope: .pane(.gantt), hint: "weeks"),
        KeyBinding([.character(".")], .ganttToday, "scroll to today", scope: .pane(.gantt), hint: "today"),
        KeyBinding([.character("H")], .moveTask(days: -1), "move the task a day earlier", scope: .pane(.gantt), hint: "move"),
        KeyBinding([.character("L")], .moveTask(days: 1), "move the task a day later", scope: .pane(.gantt)),
        KeyBinding([.shiftLeft], .moveTask(days: -7), "move the task a week earlier", scope: .pane(.gantt)),
        KeyBinding([.shiftRight], .moveTask(days: 7), "move the task a week later", scope: .pane(.gantt)),
        KeyBinding([.character("<")], .resizeTask(days: -1), "shorten the task by a day", scope: .pane(.gantt)),
        KeyBinding([.character(">")], .resizeTask(days: 1), "stretch the task by a day", scope: .pane(.gantt), hint: "stretch"),
        KeyBinding([.character("o")], .editTaskOwner, "change the task's owner", scope: .pane(.gantt), hint: "owner"),
        KeyBinding([.character("%")], .editTaskProgress, "set the task's progress", scope: .pane(.gantt)),
        KeyBinding([.character("x")], .toggleTaskDone, "mark the task done / not done", scope: .pane(.gantt), hint: "done"),
        KeyBinding([.character("a")], .addTask, "add a task after this one", scope: .pane(.gantt), hint: "add"),
        KeyBinding([.character("D")], .duplicateTask, "duplicate the task", scope: .pane(.gantt)),
        KeyBinding([.character("d"), .delete], .deleteTask, "delete the task (dependants rewired)", scope: .pane(.gantt)),
        KeyBinding([.character("A")], .addDependency, "add a dependency (waits for…)", scope: .pane(.gantt), hint: "dep"),
        KeyBinding([.character("R")], .removeDependency, "remove a dependency", scope: .pane(.gantt)),
        // Segments
        KeyBinding([.character("r")], .editSegment(.rule), "edit the segment's rule", scope: .pane(.segments), hint: "rule"),
        KeyBinding([.character("n")], .editSegment(.name), "rename the segment", scope: .pane(.segments), hint: "name"),
        KeyBinding([.character("P")], .editSegment(.persona), "edit the persona's traits", scope: .pane(.segments)),
        KeyBinding([.character("b")], .editSegment(.budgetShare), "set the budget share", scope: .pane(.segments), hint: "share"),
        // KPIs
        KeyBinding([.character("s")], .toggleKPIGrouping, "per channel / per segment", scope: .pane(.kpis), hint: "by"),
        KeyBinding([.character("e")], .openAlertEditor, "edit the alert rules", scope: .pane(.kpis), hint: "alerts"),
        // Anomaly log
        KeyBinding([.character("a")], .acknowledge, "acknowledge", scope: .pane(.anomalies), hint: "ack"),
        KeyBinding([.character("o")], .assignOwner, "assign an owner", scope: .pane(.anomalies), hint: "owner"),
        KeyBinding([.character("n")], .addNote, "add a note", scope: .pane(.anomalies), hint: "note"),
        KeyBinding([.character("r")], .resolveAnomaly, "resolve, writing cause and action", scope: .pane(.anomalies), hint: "resolve"),
        // Alert editor
        KeyBinding([.character("T")], .editAlert(.threshold), "edit the threshold", scope: .view(.alertEditor), hint: "threshold"),
        KeyBinding([.character("F")], .editAlert(.forDuration), "edit 'for' (how long before firing)", scope: .view(.alertEditor), hint: "for"),
        KeyBinding([.character("V")], .editAlert(.minVolume), "edit min_volume", scope: .view(.alertEditor), hint: "volume"),
        // Stand-up walkthrough
        KeyBinding([.character("n"), .right], .nextStep, "next agenda item", scope: .view(.walkthrough), hint: "next"),
        KeyBinding([.character("p"), .left], .previousStep, "previous agenda item", scope: .view(.walkthrough), hint: "previous"),
    ]

    /// The binding a key triggers in a modal view: its own keys, then the global ones.
    public static func binding(for key: Key, in view: KeyBinding.ModalView) -> KeyBinding? {
        bindings.first { $0.scope == .view(view) && $0.keys.contains(key) }
            ?? bindings.first { $0.scope == .global && $0.keys.contains(key) }
    }

    /// Footer hints of a modal view: its own, then close.
    public static func hints(for view: KeyBinding.ModalView) -> [(keys: String, hint: String)] {
        bindings.filter { $0.scope == .view(view) && $0.hint != nil }.map { ($0.keys.first!.label, $0.hint!) }
            + [("Esc", "close")]
    }

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
