import CampaignCore
import Foundation

/// `/` and `:`: typing in the status bar line, and what Enter and Esc do.
/// The filter narrows the pane as it is typed (`DeckState.filter(for:)` reads
/// the line), so Esc needs nothing undone: the applied filter was never touched.
extension DeckUpdate {
    /// The line takes the overlay's place (a walkthrough under it ends; `apply` tells the app).
    static func openInputLine(_ kind: InputLine.Kind, _ state: inout DeckState) -> [DeckEffect] {
        state.overlay = .inputLine(InputLine(kind))
        return []
    }

    static func editInputLine(_ key: Key, _ typed: InputLine, _ state: inout DeckState) -> [DeckEffect] {
        var line = typed
        switch key {
        case .escape:
            state.overlay = nil
            state.message = "cancelled"
            return []
        case .enter:
            state.overlay = nil
            switch line.kind {
            case .filter(let pane):
                applyFilter(line.text, to: pane, &state)
                return []
            case .command:
                return runCommandLine(line, &state)
            }
        case .tab where line.kind == .command:
            if let completed = CommandTable.completion(of: line.text) { line.text = completed }
        case .up where line.kind == .command, .down where line.kind == .command:
            recall(key == .up ? -1 : 1, into: &line, history: state.commandHistory)
        default:
            if LineEditing.apply(key, to: &line.text) { line.historyPosition = nil }
        }
        // The last error was about the text as it was: once it changes, the bar
        // shows the hint for what is typed now.
        if line.text != typed.text { state.message = nil }
        state.overlay = .inputLine(line)
        return []
    }

    /// ↑ / ↓ through earlier commands, as in a shell; past the newest, an empty line.
    private static func recall(_ step: Int, into line: inout InputLine, history: [String]) {
        guard !history.isEmpty else { return }
        let position = (line.historyPosition ?? history.count) + step
        if position >= history.count {
            line.historyPosition = nil
            line.text = ""
        } else {
            line.historyPosition = max(0, position)
            line.text = history[max(0, position)]
        }
    }

    /// Keeps `text` as `pane`'s filter; empty text clears it. The status bar
    /// says how many rows are left.
    static func applyFilter(_ text: String, to pane: Pane, _ state: inout DeckState) {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            clearFilter(of: pane, &state)
            return
        }
        state.filters[pane] = text
        let shown = state.visibleRows(pane).count
        state.message = shown == 0 ? PaneFrame.noMatch(text)
                                   : "\(pane.title): \(shown) row\(shown == 1 ? "" : "s") match /\(text)"
    }

    static func clearFilter(of pane: Pane, _ state: inout DeckState) {
        guard let old = state.filters.removeValue(forKey: pane) else { return }
        state.message = "\(pane.title): filter /\(old) cleared"
    }
}
