import CampaignText
import CampaignCore

/// `/` and `:`: typing in the status bar line, and what Enter and Esc do.
/// The filter narrows the pane as it is typed (`DeckState.filter(for:)` reads
/// the line), so Esc needs nothing undone: the applied filter was never touched.
extension InputLine: OverlayUnit {
    func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect]? {
        var line = self
        switch key {
        case .tab where kind == .command, .backTab where kind == .command:
            let message = LineCompletion.press(key == .tab ? 1 : -1, on: &line, plan: state.plan)
            state.overlay = .inputLine(line)
            state.message = message
            return []
        case .up where kind == .command, .down where kind == .command:
            line.completion = nil
            line.recall(key == .up ? -1 : 1, history: state.commandHistory)
        default:
            line.completion = nil
            switch line.field.handle(key) {
            case .cancelled:
                state.overlay = nil
                if case .helpSearch(let scroll) = kind { state.overlay = .help(scroll: scroll) }
                if case .messageSearch(let top) = kind { state.overlay = .messageLog(top: top) }
                state.message = Phrase.promptCancelled.text()
                return []
            case .submitted(let text):
                state.overlay = nil
                switch kind {
                case .filter(let pane):
                    FilterLine.apply(text, to: pane, &state)
                    return []
                case .command:
                    return CommandLineRunner.run(line, &state)
                case .helpSearch(let scroll):
                    HelpOverlay.find(text, from: scroll, &state)
                    return []
                case .messageSearch(let top):
                    MessageLogOverlay.find(text, from: top, &state)
                    return []
                }
            case .editing:
                line.historyPosition = nil
            case .ignored:
                break
            }
        }
        // The last error was about the text as it was: once it changes, the bar
        // shows the hint for what is typed now.
        if line.text != text { state.message = nil }
        state.overlay = .inputLine(line)
        return []
    }

    /// Drawn in the status bar (`InputLineBar`); a search over the view it
    /// searches, its matches marked as they are typed.
    func draw(_ state: DeckState, grid: inout CellGrid) {
        switch kind {
        case .helpSearch(let scroll):
            HelpPage(state, columns: grid.columns, rows: grid.rows).draw(scroll: scroll, marking: text, grid: &grid)
        case .messageSearch(let top):
            MessageLogOverlay(top: top).draw(state, marking: text, grid: &grid)
        case .filter, .command:
            break
        }
    }

    /// ↑ / ↓ through earlier commands, as in a shell; past the newest, an empty line.
    private mutating func recall(_ step: Int, history: [String]) {
        guard !history.isEmpty else { return }
        let position = (historyPosition ?? history.count) + step
        if position >= history.count {
            historyPosition = nil
            text = ""
        } else {
            historyPosition = max(0, position)
            text = history[max(0, position)]
        }
    }
}
