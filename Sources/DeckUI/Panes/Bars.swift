import CampaignCore

/// The header (campaign, day N of M, phase, budget, stream) and the status
/// bar (the keys that work here, from the key registry, and messages).
enum Bars {
    static func header(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        grid.fill(rect, style: Style(.header))
        let plan = state.plan
        var parts = [plan.campaign.name]
        if let today = state.data.today {
            let day = today - plan.campaign.start + 1
            let total = (state.schedule.map { $0.projectEnd - plan.campaign.start + 1 }).map {
                max($0, (plan.phases.map { $0.weeks.upperBound }.max() ?? 0) * 7)
            } ?? 0
            parts.append(total > 0 ? "day \(day)/\(total)" : "day \(day)")
            if let phase = plan.phases.first(where: { (($0.startDay(campaignStart: plan.campaign.start))...($0.endDay(campaignStart: plan.campaign.start))).contains(today) }) {
                parts.append(phase.name)
            }
        }
        if let burn = state.data.budgetBurn { parts.append("burn " + Cells.percent(burn, decimals: 0)) }
        if let pacing = state.data.pacing { parts.append("pacing " + Formatting.fixed(pacing, decimals: 2)) }
        let stream: String
        switch state.stream {
        case .live: stream = state.data.catchingUp ? "⏩ catching up" : "● live ×\(Formatting.plain(state.speed))"
        case .paused: stream = "❚❚ paused"
        case .replay(let speed): stream = "▶ replay ×\(Formatting.plain(speed))"
        case .finished: stream = "■ stream ended"
        }
        parts.append(stream)
        if state.stream != .finished { parts.append(Cells.compact(state.data.eventsPerSecond) + " ev/s") }
        if let asOf = state.data.asOf { parts.append(String(asOf.prefix(16)).replacingOccurrences(of: "T", with: " ")) }
        grid.put(" " + parts.joined(separator: " · "), row: rect.row, column: rect.column,
                 style: Style(.header, attributes: .bold), maxWidth: rect.width)
    }

    static func status(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        grid.fill(rect, style: Style(.statusBar))
        var column = rect.column + 1
        let hints = promptHints(state) ?? KeyRegistry.hints(for: state.focus)
        let messageWidth = state.message.map { min(DisplayWidth.of($0) + 2, rect.width / 2) } ?? 0
        let limit = rect.column + rect.width - messageWidth
        for hint in hints {
            let width = DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.hint) + 2
            guard column + width < limit else { break }
            column = grid.put(hint.keys, row: rect.row, column: column, style: Style(.accent, attributes: .bold))
            column = grid.put(" " + hint.hint + "  ", row: rect.row, column: column, style: Style(.statusBar))
        }
        if let message = state.message {
            grid.put(message, row: rect.row, column: rect.column + rect.width - messageWidth,
                     style: Style(.statusBar, attributes: .bold), maxWidth: messageWidth - 1)
        }
    }

    private static func promptHints(_ state: DeckState) -> [(keys: String, hint: String)]? {
        if case .prompt? = state.overlay { return [("Enter", "save"), ("Esc", "cancel")] }
        return nil
    }
}
