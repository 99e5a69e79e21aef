import CampaignCore

/// The plan's alert rules, one selected (`e` in the KPI pane): j/k choose a
/// rule, T/F/V edit its threshold, its `for` and its min_volume.
struct AlertEditor: KeyedOverlay {
    static let scope = KeyBinding.ModalView.alertEditor
    static let bindings: [KeyBinding] = [
        KeyBinding("edit_alert_threshold", [.character("T")], .editAlert(.threshold), "edit the threshold", scope: .view(.alertEditor), hint: "threshold"),
        KeyBinding("edit_alert_for", [.character("F")], .editAlert(.forDuration), "edit 'for' (how long before firing)", scope: .view(.alertEditor), hint: "for"),
        KeyBinding("edit_alert_min_volume", [.character("V")], .editAlert(.minVolume), "edit min_volume", scope: .view(.alertEditor), hint: "volume"),
    ]

    var selected: Int

    func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        switch command {
        case .moveUp, .moveDown:
            let count = state.plan.alerts.count
            state.overlay = .alertEditor(selected: max(0, min(count - 1, selected + (command == .moveUp ? -1 : 1))))
        case .editAlert(let field):
            guard PlanEditing.requireEditor(&state), state.plan.alerts.indices.contains(selected) else { return [] }
            let alert = state.plan.alerts[selected]
            let current: String
            switch field {
            case .threshold: current = alert.threshold
            case .forDuration: current = alert.forSeconds % 60 == 0 ? "\(alert.forSeconds / 60)m" : "\(alert.forSeconds)s"
            case .minVolume: current = String(alert.minVolume)
            }
            state.overlay = .prompt(Prompt(.alert(selected, field), text: current))
        default:
            return nil
        }
        return []
    }

    func draw(_ state: DeckState, grid: inout CellGrid) {
        var lines: [(String, Style)] = []
        for (index, alert) in state.plan.alerts.enumerated() {
            let window = alert.window.description
            let text = "\(index + 1). \(alert.name) — \(alert.metric) per \(alert.per.rawValue) \(alert.direction.rawValue) "
                + "\(alert.threshold) · \(window) · for \(alert.forSeconds / 60)m · min_volume \(alert.minVolume)"
            lines.append(((index == selected ? "▶ " : "  ") + text,
                          index == selected ? Style(.selection, attributes: .bold) : Style(.text)))
        }
        lines.append(("", Style(.text)))
        let keys = state.keys
        lines.append(("\(keys.label("move_down"))/\(keys.label("move_up")) choose · \(keys.label("edit_alert_threshold")) threshold · "
                      + "\(keys.label("edit_alert_for")) for · \(keys.label("edit_alert_min_volume")) min_volume · "
                      + "\(keys.label("back")) close · \(keys.label("undo")) undo", Style(.muted)))
        Overlays.box("Alert rules", lines: lines, grid: &grid)
    }
}
