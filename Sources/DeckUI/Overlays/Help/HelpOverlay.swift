import CampaignCore

/// `?`: every key from the registry, then the `:` commands. It takes no
/// keys of its own: the panes' and global keys still work under it.
struct HelpOverlay: OverlayUnit {
    /// Every key, the focused pane's first, then the `:` commands: on a small
    /// terminal the list is cut, and what stays is what works here.
    func draw(_ state: DeckState, grid: inout CellGrid) {
        var lines: [(String, Style)] = [("Esc or ? closes this", Style(.muted))]
        let keyWidth = KeyRegistry.bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 8
        func section(_ title: String, _ bindings: [KeyBinding], marks: [(mark: String, meaning: String)] = []) {
            guard !bindings.isEmpty else { return }
            lines.append((title, Style(.title, attributes: .bold)))
            for binding in bindings {
                lines.append((DisplayWidth.pad(binding.keyLabel, toWidth: keyWidth + 2) + binding.help, Style(.text)))
            }
            // What the pane's marks mean, under its keys.
            for mark in marks {
                lines.append((DisplayWidth.pad(mark.mark, toWidth: keyWidth + 2) + mark.meaning, Style(.muted)))
            }
        }
        let panes = [state.focus] + Pane.allCases.filter { $0 != state.focus }
        section(state.focus.title, KeyRegistry.bindings.filter { $0.scope == .pane(state.focus) }, marks: state.focus.unit.legend)
        section("Everywhere", KeyRegistry.bindings.filter { $0.scope == .global })
        lines.append(("Commands (type : first)", Style(.title, attributes: .bold)))
        let usageWidth = CommandTable.commands.map { DisplayWidth.of($0.usage) }.max() ?? 8
        for command in CommandTable.commands {
            lines.append((DisplayWidth.pad(command.usage, toWidth: usageWidth + 2) + command.help, Style(.text)))
        }
        for pane in panes.dropFirst() {
            section(pane.title, KeyRegistry.bindings.filter { $0.scope == .pane(pane) }, marks: pane.unit.legend)
        }
        for view in KeyBinding.ModalView.allCases {
            section(view.title, KeyRegistry.bindings.filter { $0.scope == .view(view) })
        }
        Overlays.columnsBox("Keys", lines: lines, grid: &grid)
    }
}
