import CampaignText
import CampaignCore

/// The plan's alert rules, one selected (`e` in the KPI pane): j/k choose a
/// rule, T/F/V edit its threshold, its `for` and its min_volume.
struct AlertEditor: KeyedOverlay {
    static let scope = KeyBinding.ModalView.alertEditor
    static let bindings: [KeyBinding] = [
        KeyBinding("edit_alert_threshold", [.character("T")], .editAlert(.threshold), .keyEditAlertThreshold, scope: .view(.alertEditor), hint: .hintEditAlertThreshold),
        KeyBinding("edit_alert_for", [.character("F")], .editAlert(.forDuration), .keyEditAlertFor, scope: .view(.alertEditor), hint: .hintEditAlertFor),
        KeyBinding("edit_alert_min_volume", [.character("V")], .editAlert(.minVolume), .keyEditAlertMinVolume, scope: .view(.alertEditor), hint: .hintEditAlertMinVolume),
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
            let window = KPIPaneText.windowTag(alert.window)
            let text = Phrase.alertEditorLine.text(index + 1, alert.name, alert.metric, Self.per(alert.per),
                                                   Self.direction(alert), alert.threshold, window,
                                                   alert.forSeconds / 60, alert.minVolume)
            lines.append(((index == selected ? "▶ " : "  ") + text,
                          index == selected ? Style(.selection, attributes: .bold) : Style(.text)))
        }
        lines.append(("", Style(.text)))
        let keys = state.keys
        lines.append((Phrase.alertEditorKeys.text(keys.label("move_down"), keys.label("move_up"), keys.label("edit_alert_threshold"),
                                                  keys.label("edit_alert_for"), keys.label("edit_alert_min_volume"),
                                                  keys.label("back"), keys.label("undo")), Style(.muted)))
        Overlays.box(Phrase.alertEditorTitle.text(), lines: lines, grid: &grid)
    }

    /// `below`, or for a baseline rule (whose threshold is a z) `below usual by z`.
    static func direction(_ alert: AlertRule) -> String {
        switch (alert.direction, alert.usual != nil) {
        case (.below, false): return Phrase.directionBelow.text()
        case (.above, false): return Phrase.directionAbove.text()
        case (.below, true): return Phrase.usualDirectionBelow.text()
        case (.above, true): return Phrase.usualDirectionAbove.text()
        }
    }

    /// `per channel`: what a rule's values are counted over.
    static func per(_ scope: AlertRule.Scope) -> String {
        switch scope {
        case .channel: return Phrase.kpiPerChannel.text()
        case .segment: return Phrase.kpiPerSegment.text()
        case .campaign: return Phrase.perCampaign.text()
        case .total: return Phrase.perTotal.text()
        }
    }
}
