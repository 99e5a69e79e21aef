import CampaignText
import CampaignCore

/// The Segments pane's rows, keys and Enter (its drawing is in SegmentsPane.swift).
extension SegmentsPane: PaneUnit {
    static let bindings: [KeyBinding] = [
        KeyBinding("edit_segment_rule", [.character("r")], .editSegment(.rule), .keyEditSegmentRule, scope: .pane(.segments), hint: .hintEditSegmentRule),
        KeyBinding("rename_segment", [.character("n")], .editSegment(.name), .keyRenameSegment, scope: .pane(.segments), hint: .hintRenameSegment),
        KeyBinding("edit_segment_persona", [.character("P")], .editSegment(.persona), .keyEditSegmentPersona, scope: .pane(.segments)),
        KeyBinding("edit_segment_budget_share", [.character("b")], .editSegment(.budgetShare), .keyEditSegmentBudgetShare, scope: .pane(.segments), hint: .hintEditSegmentBudgetShare),
    ]

    /// The plan's segments count even before the stream has sized them.
    static func rowCount(_ state: DeckState) -> Int { max(state.plan.segments.count, state.data.segments.count) }

    /// A segment is found by its id or its name.
    static func visibleRows(_ state: DeckState, filter: RowFilter?) -> [Int] {
        let rows = state.segmentRows
        return rows.indices.filter { filter?.matches([rows[$0].id, rows[$0].name]) ?? true }
    }

    /// Enter shows the selected segment's persona card.
    static func open(_ state: inout DeckState) -> [DeckEffect] {
        guard let index = state.visibleSelection(.segments) else { return [] }
        state.overlay = .personaCard(segment: index)
        return []
    }

    static func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        guard case .editSegment(let field) = command else { return nil }
        guard PlanEditing.requireEditor(&state) else { return [] }
        guard let index = state.visibleSelection(.segments), state.plan.segments.indices.contains(index) else {
            state.message = Phrase.segmentNoneSelected.text()
            return []
        }
        let segment = state.plan.segments[index]
        let current: String
        switch field {
        case .name: current = segment.name
        case .persona: current = segment.persona?.traits ?? ""
        case .budgetShare: current = segment.budgetShare.map { Formatting.plain($0) } ?? ""
        case .rule: current = segment.rule
        }
        state.overlay = .prompt(Prompt(.segment(segment.id, field), text: current))
        return []
    }
}

extension DeckState {
    /// The rows the Segments pane lists: live ones once the stream has sent them.
    var segmentRows: [DashboardSnapshot.SegmentRow] {
        data.segments.isEmpty
            ? plan.segments.map { DashboardSnapshot.SegmentRow(id: $0.id, name: $0.name, budgetShare: $0.budgetShare) }
            : data.segments
    }
}
