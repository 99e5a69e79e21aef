import CampaignText
import CampaignCore

/// The header (campaign, day N of M, phase, budget, stream) and the status
/// bar (the keys that work here, from the key registry, and messages).
enum Bars {
    static func header(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        grid.fill(rect, style: Style(.header))
        let plan = state.plan
        var header = HeaderParts(name: plan.campaign.name)
        if let today = state.data.today {
            header.append(CampaignDayText.text(CampaignLength(plan: plan, schedule: state.schedule), today: today), dropRank: 5)
            if let phase = plan.phases.first(where: { (($0.startDay(campaignStart: plan.campaign.start))...($0.endDay(campaignStart: plan.campaign.start))).contains(today) }) {
                header.append(phase.name, dropRank: 3)
            }
        }
        if let burn = state.data.budgetBurn { header.append(Phrase.headerBurn.text(Cells.percent(burn, decimals: 0)), dropRank: 4) }
        if let pacing = state.data.pacing { header.append(Phrase.headerPacing.text(Formatting.fixed(pacing, decimals: 2)), dropRank: 2) }
        // Beside burn and pacing: a day past what an ad platform lets it spend (2× its share).
        if let day = state.data.overspentDay {
            header.append(Phrase.targetHeaderDayOver.text(Cells.compact(day.spent), Cells.compact(day.reference)), dropRank: 4)
        }
        let stream: String
        switch state.stream {
        case .live: stream = state.data.catchingUp ? Phrase.streamCatchingUp.text() : Phrase.streamLive.text(Formatting.plain(state.speed))
        case .paused: stream = Phrase.streamPaused.text()
        case .replay(let speed): stream = Phrase.streamReplay.text(Formatting.plain(speed))
        case .finished: stream = Phrase.streamEnded.text()
        }
        header.append(stream)
        // A rate only while events flow: paused or ended, the last rate would be a stale number;
        // a stored history is folded whole, not counted as it goes (no rate to show).
        if state.stream != .finished && state.stream != .paused && !(state.data.catchingUp && state.data.eventsPerSecond == 0) {
            header.append(Phrase.eventsPerSecond.text(Cells.compact(state.data.eventsPerSecond)), dropRank: 1)
        }
        if state.hasUnsavedEdits { header.append(Phrase.headerUnsaved.text()) }
        if let asOf = state.data.asOf { header.append(String(asOf.prefix(16)).replacingOccurrences(of: "T", with: " ")) }
        grid.put(header.line(width: rect.width), row: rect.row, column: rect.column,
                 style: Style(.header, attributes: .bold), maxWidth: rect.width)
    }

    static func status(_ state: DeckState, in rect: Rect, grid: inout CellGrid) {
        if case .inputLine(let line)? = state.overlay {
            InputLineBar.draw(line, state: state, in: rect, grid: &grid)
            return
        }
        grid.fill(rect, style: Style(.statusBar))
        var column = rect.column + 1
        let hints = state.overlay?.unit.hints(state.keys) ?? state.keys.hints(for: state.focus)
        // Edit summaries say what moved: give them most of the bar.
        let messageWidth = state.message.map { min(DisplayWidth.of($0) + 2, rect.width * 3 / 4) } ?? 0
        let limit = rect.column + rect.width - messageWidth
        // Help and quit always stay (as the user binds them): they lead to everything else.
        let width = { (hint: (keys: String, hint: String)) in DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.hint) + 3 }
        let essentialKeys = ["help", "quit"].compactMap { state.keys.footerLabel($0) }
        let essential = hints.filter { essentialKeys.contains($0.keys) }
        let reserved = essential.map(width).reduce(0, +)
        var shown: [(keys: String, hint: String)] = []
        var used = 0
        for hint in hints where !essential.contains(where: { $0 == hint }) {
            guard column + used + width(hint) + reserved < limit else { break }
            shown.append(hint)
            used += width(hint)
        }
        for hint in shown + essential {
            guard column + width(hint) - 1 < limit else { break }
            column = grid.put(hint.keys, row: rect.row, column: column, style: Style(.accent, attributes: .bold))
            column = grid.put(" " + hint.hint + "  ", row: rect.row, column: column, style: Style(.statusBar))
        }
        if let message = state.message {
            let start = rect.column + rect.width - messageWidth
            let style = Style(.statusBar, attributes: .bold)
            // A message cut short says where to read it whole.
            if DisplayWidth.of(message) > messageWidth - 1, messageWidth > 3 * DisplayWidth.of(Text.readAll) {
                let end = grid.put(message, row: rect.row, column: start, style: style,
                                   maxWidth: messageWidth - 1 - DisplayWidth.of(Text.readAll))
                grid.put(Text.readAll, row: rect.row, column: end, style: Style(.accent, attributes: .bold))
            } else {
                grid.put(message, row: rect.row, column: start, style: style, maxWidth: messageWidth - 1)
            }
        }
    }

    private enum Text {
        /// After a status message too long for the bar: the log holds it whole.
        static let readAll = " :messages"
    }
}
