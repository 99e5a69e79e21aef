import CampaignText

/// The one table of key bindings (the lazygit lesson): the key handler, the
/// status-bar hints and the `?` overlay all read it, so help never lies.
public struct KeyBinding: Sendable {
    public enum Scope: Hashable, Sendable {
        case global
        case pane(Pane)
        /// Keys of a modal view that takes them before the panes do.
        case view(ModalView)
        /// One key shared by some panes, acting on each one's selected row
        /// (silencing: a KPI row's rule or an anomaly's).
        case panes(PaneSet)

        /// Whether the binding works while `pane` has the focus (global keys aside).
        public func isOwn(to pane: Pane) -> Bool {
            switch self {
            case .pane(let own): return own == pane
            case .panes(let own): return own.contains(pane)
            case .global, .view: return false
            }
        }
    }

    /// Overlays with keys of their own, listed in the help like panes.
    public enum ModalView: Hashable, Sendable, CaseIterable {
        case help, alertEditor, walkthrough

        public var title: String {
            switch self {
            case .help: return Phrase.viewHelp.text()
            case .alertEditor: return Phrase.viewAlertEditor.text()
            case .walkthrough: return Phrase.viewWalkthrough.text()
            }
        }
    }

    /// The binding's stable name (`next_pane`): a key config and the help
    /// refer to a binding by it, so it never changes when keys or wording do.
    public var id: String
    public var keys: [Key]
    public var command: DeckCommand
    /// What the `?` help says the key does, in the catalog (the registry is
    /// built once; the language is read when the text is shown).
    public var helpPhrase: Phrase
    public var scope: Scope
    /// Short hint for the status bar; nil keeps the binding out of the footer.
    public var hintPhrase: Phrase?

    public init(_ id: String, _ keys: [Key], _ command: DeckCommand, _ help: Phrase, scope: Scope = .global, hint: Phrase? = nil) {
        self.id = id
        self.keys = keys
        self.command = command
        self.helpPhrase = help
        self.scope = scope
        self.hintPhrase = hint
    }

    public var help: String { helpPhrase.text() }
    public var hint: String? { hintPhrase?.text() }

    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// Some panes, as bits rather than an array: a multi-payload enum keeps its
/// case in a pointer payload's spare bits, which hides the array from
/// LeakSanitizer (the fuzzers reported the registry's one such array as a leak).
public struct PaneSet: Hashable, Sendable, ExpressibleByArrayLiteral {
    let bits: UInt8

    public init(arrayLiteral panes: Pane...) {
        bits = panes.reduce(0) { $0 | 1 << UInt8($1.rawValue) }
    }

    public func contains(_ pane: Pane) -> Bool { bits & 1 << UInt8(pane.rawValue) != 0 }
}

public enum KeyRegistry {
    /// Every binding, gathered from the units that give them meaning: the
    /// global keys, each pane's, each keyed view's. Lookups, the footer and
    /// the help read only this.
    public static let bindings: [KeyBinding] = GlobalCommands.bindings
        + Pane.allCases.flatMap { $0.unit.bindings } + Silencing.bindings
        + HelpOverlay.bindings + AlertEditor.bindings + Walkthrough.bindings

    /// The binding a key triggers in a modal view: its own keys, then the global ones.
    public static func binding(for key: Key, in view: KeyBinding.ModalView) -> KeyBinding? {
        bindings.first { $0.scope == .view(view) && $0.keys.contains(key) }
            ?? bindings.first { $0.scope == .global && $0.keys.contains(key) }
    }

    /// Footer hints of a modal view: its own, then close.
    public static func hints(for view: KeyBinding.ModalView) -> [(keys: String, hint: String)] {
        bindings.filter { $0.scope == .view(view) && $0.hint != nil }.map { ($0.keys.first!.label, $0.hint!) }
            + [("Esc", Phrase.hintClose.text())]
    }

    /// The binding a key triggers in `pane`: pane bindings win over global ones.
    public static func binding(for key: Key, in pane: Pane) -> KeyBinding? {
        bindings.first { $0.scope.isOwn(to: pane) && $0.keys.contains(key) }
            ?? bindings.first { $0.scope == .global && $0.keys.contains(key) }
    }

    /// Footer hints: the focused pane's first, then the global ones.
    public static func hints(for pane: Pane) -> [(keys: String, hint: String)] {
        let local = bindings.filter { $0.scope.isOwn(to: pane) && $0.hint != nil }
        let global = bindings.filter { $0.scope == .global && $0.hint != nil }
        return (local + global).map { ($0.keys.first!.label, $0.hint!) }
    }
}
