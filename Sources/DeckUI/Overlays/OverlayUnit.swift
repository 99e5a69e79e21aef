/// A view over the panes (a prompt, a question, the help…) as one unit: the
/// keys it takes before the panes do, the commands it gives a meaning of
/// its own, its status-bar hints and its drawing.
protocol OverlayUnit {
    /// nil: not this view's key; the focused pane's and the global bindings get it.
    func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect]?
    /// nil: not this view's command; the focused pane or the global commands run it.
    func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]?
    /// What the status bar offers while the view is open (keys as `keys`
    /// binds them); nil: the focused pane's keys.
    func hints(_ keys: KeyRegistry) -> [(keys: String, hint: String)]?
    func draw(_ state: DeckState, grid: inout CellGrid)
}

extension OverlayUnit {
    func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect]? { nil }
    func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? { nil }
    func hints(_ keys: KeyRegistry) -> [(keys: String, hint: String)]? { nil }
}

/// A view with bindings of its own in the key registry (listed in the help
/// like a pane's): its keys first, then the global ones.
protocol KeyedOverlay: OverlayUnit {
    static var scope: KeyBinding.ModalView { get }
    static var bindings: [KeyBinding] { get }
}

extension KeyedOverlay {
    func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect]? {
        guard let binding = state.keys.binding(for: key, in: Self.scope) else { return nil }
        state.message = nil
        return DeckUpdate.run(binding.command, &state)
    }

    func hints(_ keys: KeyRegistry) -> [(keys: String, hint: String)]? { keys.hints(for: Self.scope) }
}

extension DeckState.Overlay {
    /// The unit that handles this overlay's keys and draws it: the one place
    /// an overlay is wired in.
    var unit: any OverlayUnit {
        switch self {
        case .help(let scroll): return HelpOverlay(scroll: scroll)
        case .personaCard(let segment): return PersonaCard(segment: segment)
        case .taskCard(let task): return TaskCard(taskID: task)
        case .anomalyDetail(let id): return AnomalyDetail(id: id)
        case .prompt(let prompt): return prompt
        case .confirm(let question): return question
        case .resolution(let resolution): return resolution
        case .alertEditor(let selected): return AlertEditor(selected: selected)
        case .walkthrough(let step): return Walkthrough(step: step)
        case .inputLine(let line): return line
        case .messageLog(let top): return MessageLogOverlay(top: top)
        case .targets: return TargetsCard()
        }
    }
}
