import CampaignText
import CampaignCore
import CampaignText

/// The status bar while `/` or `:` is typed: the line with its cursor, then
/// what it will do (rows left, or the command's usage), then any message.
enum InputLineBar {
    static func draw(_ line: InputLine, state: DeckState, in rect: Rect, grid: inout CellGrid) {
        grid.fill(rect, style: Style(.statusBar))
        // Room goes to the typed text (up to half the bar), then the message
        // (an error says what to fix), then the hint in whatever is left.
        // The text goes through the grid, which shows control characters as
        // escapes; a line longer than its room shows its end, where the cursor is.
        let room = max(1, rect.width / 2 - 2)
        let typed = tail(line.leader + line.field.beforeCursor, width: room)
        var column = grid.put(typed, row: rect.row, column: rect.column + 1, style: Style(.statusBar, attributes: .bold))
        column = grid.put("▏", row: rect.row, column: column, style: Style(.accent, attributes: .bold))
        let after = line.field.afterCursor
        let afterRoom = room - DisplayWidth.of(typed)
        if !after.isEmpty, afterRoom > 1 {
            column = grid.put(after, row: rect.row, column: column, style: Style(.statusBar, attributes: .bold), maxWidth: afterRoom)
        }
        let end = rect.column + rect.width
        let messageWidth = state.message.map { min(DisplayWidth.of($0) + 2, end - column - 1) } ?? 0
        if let message = state.message, messageWidth > 1 {
            grid.put(message, row: rect.row, column: end - messageWidth, style: Style(.statusBar, attributes: .bold),
                     maxWidth: messageWidth - 1)
        }
        let hintRoom = end - messageWidth - column - 3
        if hintRoom > 3 {
            grid.put(hint(line, state: state), row: rect.row, column: column + 2, style: Style(.muted), maxWidth: hintRoom)
        }
    }

    private static func hint(_ line: InputLine, state: DeckState) -> String {
        switch line.kind {
        case .filter(let pane):
            let shown = state.visibleRows(pane).count
            let count = line.text.isEmpty ? "" : (shown == 1 ? Phrase.filterRowsOne.text() : Phrase.filterRows.text(shown)) + " "
            return count + Phrase.filterKeys.text()
        case .command:
            if let completion = line.completion, completion.text == line.text { return completion.hint }
            // What the names typed mean, before Enter: `→ kickoff` for 项目启动会.
            let subject = CommandLineAction.subject(of: line.text, plan: state.plan).map { "→ " + $0 + "  " } ?? ""
            return subject + CommandTable.hint(for: line.text)
        case .helpSearch:
            let page = HelpPage(state, columns: state.screen.columns, rows: state.screen.rows)
            return Phrase.helpSearchTyping.text(TextSearch.matches(line.text, in: page.lines.map(\.0)).count)
        case .messageSearch:
            return Phrase.helpSearchTyping.text(TextSearch.matches(line.text, in: MessageLogOverlay.lines(state)).count)
        }
    }

    /// The last `width` columns of `text`, with `…` when it was cut.
    static func tail(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var kept = Substring(text)
        while DisplayWidth.of("…" + kept) > width, !kept.isEmpty { kept = kept.dropFirst() }
        return "…" + kept
    }
}
