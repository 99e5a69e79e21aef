import CampaignText

/// The help's `/` (`TextSearch`): Enter goes to the first match, `n`/`N`
/// walk them; the status line counts them.
extension HelpOverlay {
    /// `n` / `N`: the next or previous line with the search's text, put at
    /// the top of the box (or as near as the last page allows).
    func jump(forward: Bool, _ state: inout DeckState) {
        guard let search = state.helpSearch else {
            state.message = Phrase.helpSearchNone.text()
            return
        }
        let page = HelpPage(state, columns: state.screen.columns, rows: state.screen.rows)
        let matches = TextSearch.matches(search.pattern, in: page.lines.map(\.0))
        let anchor = search.anchor(top: page.clamped(scroll), visible: page.visibleLines, forward: forward)
        guard let line = TextSearch.step(from: anchor, forward: forward, in: matches) else {
            state.message = Phrase.helpSearchNoMatch.text(search.pattern)
            return
        }
        state.helpSearch?.line = line
        state.overlay = .help(scroll: page.clamped(line))
        state.message = Phrase.helpSearchMatch.text(matches.firstIndex(of: line)! + 1, matches.count, search.pattern)
    }

    /// Enter on the search line: the first match from the top of what was
    /// shown, wrapping; the help stays where it was when nothing matches.
    static func find(_ pattern: String, from scroll: Int, _ state: inout DeckState) {
        state.overlay = .help(scroll: scroll)
        guard !pattern.isEmpty else { return }
        state.helpSearch = TextSearch(pattern: pattern)
        HelpOverlay(scroll: scroll).jump(forward: true, &state)
    }
}
