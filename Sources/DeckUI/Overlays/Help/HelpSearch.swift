import CampaignText

/// `/` in the help finds text rather than filtering (the help is one column
/// read in order, and hiding lines would hide their section titles); `n` and
/// `N` jump to the next and previous line holding it, wrapping round, as in
/// less and vim. The pattern stays for the session, like vim's last search.
public struct HelpSearch: Equatable, Sendable {
    public var pattern: String
    /// The help line the last jump went to.
    public var line: Int?

    public init(pattern: String, line: Int? = nil) {
        self.pattern = pattern
        self.line = line
    }

    /// The lines holding the pattern, ignoring case, in order.
    static func matches(_ pattern: String, in lines: [String]) -> [Int] {
        let needle = pattern.lowercased()
        guard !needle.isEmpty else { return [] }
        return lines.indices.filter { lines[$0].lowercased().contains(needle) }
    }

    /// The match after (`forward`) or before `anchor`, wrapping round; nil without any.
    static func step(from anchor: Int, forward: Bool, in matches: [Int]) -> Int? {
        guard !matches.isEmpty else { return nil }
        if forward { return matches.first { $0 > anchor } ?? matches.first }
        return matches.last { $0 < anchor } ?? matches.last
    }

    /// Where `n`/`N` count from: the last match while it is on screen, else
    /// the line just above (`n`) or below (`N`) what is shown, so a search
    /// after scrolling starts from what the person is looking at.
    func anchor(page: HelpPage, scroll: Int, forward: Bool) -> Int {
        let top = page.clamped(scroll)
        if let line, line >= top, line < top + page.visibleLines { return line }
        return forward ? top - 1 : top + page.visibleLines
    }
}

extension HelpOverlay {
    /// `n` / `N`: the next or previous line with the search's text, put at
    /// the top of the box (or as near as the last page allows).
    func jump(forward: Bool, _ state: inout DeckState) {
        guard let search = state.helpSearch else {
            state.message = Phrase.helpSearchNone.text()
            return
        }
        let page = HelpPage(state, columns: state.screen.columns, rows: state.screen.rows)
        let matches = HelpSearch.matches(search.pattern, in: page.lines.map(\.0))
        let anchor = search.anchor(page: page, scroll: scroll, forward: forward)
        guard let line = HelpSearch.step(from: anchor, forward: forward, in: matches) else {
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
        state.helpSearch = HelpSearch(pattern: pattern)
        HelpOverlay(scroll: scroll).jump(forward: true, &state)
    }
}
