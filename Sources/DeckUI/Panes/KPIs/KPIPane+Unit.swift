import CampaignText
import CampaignCore

/// The KPI pane's rows, keys and Enter (its drawing is in KPIPane.swift).
extension KPIPane: PaneUnit {
    static let bindings: [KeyBinding] = [
        KeyBinding("toggle_kpi_grouping", [.character("s")], .toggleKPIGrouping, .keyToggleKpiGrouping, scope: .pane(.kpis), hint: .hintToggleKpiGrouping),
        KeyBinding("open_alert_editor", [.character("e")], .openAlertEditor, .keyOpenAlertEditor, scope: .pane(.kpis), hint: .hintOpenAlertEditor),
        KeyBinding("show_targets", [.character("T")], .showTargets, .targetKeyShowTargets, scope: .pane(.kpis), hint: .targetHintShowTargets),
    ]

    static func rowCount(_ state: DeckState) -> Int { state.kpiRows.count }

    /// A row is found by its key or by the name it shows (a segment's id or its plan name).
    static func visibleRows(_ state: DeckState, filter: RowFilter?) -> [Int] {
        let rows = state.kpiRows
        return rows.indices.filter { filter?.matches([rows[$0].key, rows[$0].label]) ?? true }
    }

    static func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        switch command {
        case .toggleKPIGrouping:
            state.kpiGrouping = state.kpiGrouping == .channel ? .segment : .channel
            state.selection[.kpis] = 0
        case .openAlertEditor:
            guard PlanEditing.requireEditor(&state) else { return [] }
            guard !state.plan.alerts.isEmpty else { state.message = Phrase.kpiNoAlertRules.text(); return [] }
            state.overlay = .alertEditor(selected: 0)
        case .silence:
            return Silencing.fromKPIRow(&state)
        case .showTargets:
            state.overlay = .targets
        default:
            return nil
        }
        return []
    }
}

extension DeckState {
    /// The KPI rows of the grouping shown (per channel or per segment).
    var kpiRows: [DashboardSnapshot.KPIRow] { kpiGrouping == .channel ? data.channelRows : data.segmentKPIRows }
}
