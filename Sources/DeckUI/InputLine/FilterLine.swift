import CampaignText
import Foundation

/// Applying and clearing a pane's `/` filter; the status bar says how many rows are left.
enum FilterLine {
    /// Keeps `text` as `pane`'s filter; empty text clears it.
    static func apply(_ text: String, to pane: Pane, _ state: inout DeckState) {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            clear(pane, &state)
            return
        }
        state.filters[pane] = text
        let shown = state.visibleRows(pane).count
        state.message = shown == 0 ? PaneFrame.noMatch(text)
                                   : shown == 1 ? Phrase.filterMatchesOne.text(pane.title, text) : Phrase.filterMatches.text(pane.title, shown, text)
    }

    static func clear(_ pane: Pane, _ state: inout DeckState) {
        guard let old = state.filters.removeValue(forKey: pane) else { return }
        state.message = Phrase.filterCleared.text(pane.title, old)
    }
}
