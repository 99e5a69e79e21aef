import CampaignCore

/// The anomaly log's rows, keys and Enter (its drawing is in AnomalyPane.swift).
/// Its keys also act on the anomaly whose detail is open.
extension AnomalyPane: PaneUnit {
    static let bindings: [KeyBinding] = [
        KeyBinding([.character("a")], .acknowledge, "acknowledge", scope: .pane(.anomalies), hint: "ack"),
        KeyBinding([.character("o")], .assignOwner, "assign an owner", scope: .pane(.anomalies), hint: "owner"),
        KeyBinding([.character("n")], .addNote, "add a note", scope: .pane(.anomalies), hint: "note"),
        KeyBinding([.character("r")], .resolveAnomaly, "resolve, writing cause and action", scope: .pane(.anomalies), hint: "resolve"),
    ]

    static func rowCount(_ state: DeckState) -> Int { state.data.anomalies.count }

    /// An anomaly is found by what it is, where, who owns it or its status.
    static func visibleRows(_ state: DeckState, filter: RowFilter?) -> [Int] {
        state.data.anomalies.indices.filter { index in
            let row = state.data.anomalies[index]
            return filter?.matches([row.title, row.scope, row.owner, row.status.rawValue]) ?? true
        }
    }

    /// Enter shows the selected anomaly's detail.
    static func open(_ state: inout DeckState) -> [DeckEffect] {
        guard let anomaly = selectedAnomaly(state) else { return [] }
        state.overlay = .anomalyDetail(id: anomaly.id)
        return []
    }

    static func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        switch command {
        case .acknowledge:
            return withAnomaly(&state) { anomaly, state in
                state.message = "#\(anomaly.id) acknowledged"
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
                state.overlay = .prompt(Prompt(.anomalyCause(anomaly.id)))
                return []
            }
        default:
            return nil
        }
    }

    /// Runs `body` on the anomaly the keys act on, or says there is none.
    private static func withAnomaly(_ state: inout DeckState,
                                    _ body: (DashboardSnapshot.AnomalyRow, inout DeckState) -> [DeckEffect]) -> [DeckEffect] {
        guard let anomaly = selectedAnomaly(state) else {
            state.message = "no anomaly selected"
            return []
        }
        return body(anomaly, &state)
    }

    /// The anomaly keys act on: the one whose detail is open, else the selected row.
    static func selectedAnomaly(_ state: DeckState) -> DashboardSnapshot.AnomalyRow? {
        if case .anomalyDetail(let id)? = state.overlay { return state.data.anomalies.first { $0.id == id } }
        return state.visibleSelection(.anomalies).map { state.data.anomalies[$0] }
    }
}
