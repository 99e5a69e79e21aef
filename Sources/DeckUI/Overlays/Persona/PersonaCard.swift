import CampaignCore

/// Enter on a segment: who the persona is, its rule, budget share, size,
/// goals and key KPIs.
struct PersonaCard: OverlayUnit {
    /// Index into plan.segments.
    var segment: Int

    func draw(_ state: DeckState, grid: inout CellGrid) {
        guard state.plan.segments.indices.contains(segment) else { return }
        let segment = state.plan.segments[self.segment]
        let row = state.data.segments.first { $0.id == segment.id }
        var lines: [(String, Style)] = [("\(segment.name) (\(segment.id))", Style(.title, attributes: .bold))]
        if let persona = segment.persona {
            if let traits = persona.traits { lines.append(("Who: " + traits, Style(.text))) }
            if !persona.painPoints.isEmpty { lines.append(("Pain points: " + persona.painPoints.joined(separator: ", "), Style(.text))) }
            if !persona.channels.isEmpty { lines.append(("Reach via: " + persona.channels.joined(separator: ", "), Style(.text))) }
        }
        lines.append(("Rule: " + segment.rule, Style(.muted)))
        if let share = segment.budgetShare { lines.append(("Budget share: " + Cells.percent(share, decimals: 0), Style(.text))) }
        if let customers = row?.customers {
            lines.append(("Customers: \(Formatting.count(Int64(customers)))" + (row?.share.map { " (" + Cells.percent($0) + ")" } ?? ""), Style(.text)))
        }
        for goal in segment.goals {
            var text = "Goal: " + goal.metric
            if let target = goal.target { text += " → " + Formatting.plain(target) }
            if let baseline = goal.baseline, let lift = goal.lift { text += " from \(Formatting.plain(baseline)) +\(Formatting.percent(lift))" }
            if let by = goal.by { text += " by \(by)" }
            lines.append((text, Style(.text)))
        }
        if let values = row?.values {
            lines.append(("CTR \(Cells.percent(values.ctr, decimals: 2))  CVR \(Cells.percent(values.cvr))  CPA \(Cells.number(values.cpa))  ROI \(Cells.number(values.roi))", Style(.accent)))
        }
        lines.append(("Esc closes", Style(.muted)))
        Overlays.box("Persona", lines: lines, grid: &grid)
    }
}
