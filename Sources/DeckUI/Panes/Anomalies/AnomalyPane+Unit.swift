import CampaignText
import CampaignCore

/// The anomaly log's rows, keys and Enter (its drawing is in AnomalyPane.swift).
/// Its keys also act on the anomaly whose card is open.
extension AnomalyPane: PaneUnit {
    /// The reopen key's id: the message after resolving names the key bound to it.
    static let reopenBindingID = "reopen_anomaly"

    static let bindings: [KeyBinding] = [
        KeyBinding("acknowledge_anomaly", [.character("a")], .acknowledge, .keyAcknowledgeAnomaly, scope: .pane(.anomalies), hint: .hintAcknowledgeAnomaly),
        KeyBinding("assign_anomaly_owner", [.character("o")], .assignOwner, .keyAssignAnomalyOwner, scope: .pane(.anomalies), hint: .hintAssignAnomalyOwner),
        KeyBinding("add_anomaly_note", [.character("n")], .addNote, .keyAddAnomalyNote, scope: .pane(.anomalies), hint: .hintAddAnomalyNote),
        KeyBinding("resolve_anomaly", [.character("r")], .resolveAnomaly, .keyResolveAnomaly, scope: .pane(.anomalies),
                   hint: .hintResolveAnomaly),
        KeyBinding(reopenBindingID, [.character("R")], .reopenAnomaly, .keyReopenAnomaly,
                   scope: .pane(.anomalies), hint: .hintReopenAnomaly),
    ]

    static func rowCount(_ state: DeckState) -> Int { state.data.anomalies.count }

    /// An anomaly is found by what it is, where, who owns it or its status.
    static func visibleRows(_ state: DeckState, filter: RowFilter?) -> [Int] {
        state.data.anomalies.indices.filter { index in
            let row = state.data.anomalies[index]
            return filter?.matches([row.title, row.scope, row.owner, row.status.rawValue, AnomalyStatusWords.status(row.status)]) ?? true
        }
    }

    /// Enter shows the selected anomaly's card.
    static func open(_ state: inout DeckState) -> [DeckEffect] {
        guard let anomaly = selectedAnomaly(state) else { return [] }
        state.overlay = .anomalyDetail(id: anomaly.id)
        return []
    }

    static func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        switch command {
        case .acknowledge:
            return withAnomaly(&state) { anomaly, state in
                state.message = AnomalyWords.acknowledged(anomaly.id)
                return [.acknowledge(anomalyID: anomaly.id)]
            }
        case .assignOwner:
            return withAnomaly(&state) { anomaly, state in
                state.overlay = .prompt(Prompt(.anomalyOwner(anomaly.id), text: anomaly.owner ?? ""))
                return []
            }
        case .addNote:
            return withAnomaly(&state) { anomaly, state in
                state.overlay = .prompt(Prompt(.anomalyNote(anomaly.id)))
                return []
            }
        case .resolveAnomaly:
            return withAnomaly(&state) { anomaly, state in
                // A resolution is changed by undoing it, so the timeline shows both.
                guard anomaly.status != .resolved else {
                    state.message = AnomalyWords.alreadyResolved(anomaly.id, reopenKey: key(reopenBindingID))
                    return []
                }
                let fromCard = state.overlay == .anomalyDetail(id: anomaly.id)
                state.overlay = .resolution(Resolution(anomalyID: anomaly.id, fromCard: fromCard))
                return []
            }
        case .reopenAnomaly:
            return withAnomaly(&state) { anomaly, state in
                guard anomaly.status == .resolved else {
                    state.message = AnomalyWords.notResolved(anomaly.id)
                    return []
                }
                state.message = AnomalyWords.reopened(anomaly.id)
                return [.reopen(anomalyID: anomaly.id)]
            }
        case .silence:
            return withAnomaly(&state) { anomaly, state in Silencing.fromAnomaly(anomaly, &state) }
        default:
            return nil
        }
    }

    /// The first key bound to a binding id, as the footer writes it.
    static func key(_ bindingID: String) -> String? {
        KeyRegistry.bindings.first { $0.id == bindingID }?.keys.first?.label
    }

    /// Runs `body` on the anomaly the keys act on, or says there is none.
    private static func withAnomaly(_ state: inout DeckState,
                                    _ body: (DashboardSnapshot.AnomalyRow, inout DeckState) -> [DeckEffect]) -> [DeckEffect] {
        guard let anomaly = selectedAnomaly(state) else {
            state.message = AnomalyWords.noneSelected
            return []
        }
        return body(anomaly, &state)
    }

    /// The anomaly keys act on: the one whose card is open, else the selected row.
    static func selectedAnomaly(_ state: DeckState) -> DashboardSnapshot.AnomalyRow? {
        if case .anomalyDetail(let id)? = state.overlay { return state.data.anomalies.first { $0.id == id } }
        return state.visibleSelection(.anomalies).map { state.data.anomalies[$0] }
    }
}
