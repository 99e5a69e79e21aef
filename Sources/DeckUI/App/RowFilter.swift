import CampaignCore

/// The `/` filter's rule: a row stays when any of its visible texts contains
/// the filter, ignoring case. Compared by characters, so CJK and emoji work.
struct RowFilter {
    private let needle: String

    /// nil for an empty filter (every row stays).
    init?(_ text: String?) {
        guard let text, !text.isEmpty else { return nil }
        needle = text.lowercased()
    }

    func matches(_ texts: [String?]) -> Bool {
        texts.contains { $0?.lowercased().contains(needle) ?? false }
    }
}

/// Which rows each pane lists under its filter, in the order it shows them.
/// The panes draw these rows and the selection moves among them, so what j/k
/// and the editing keys reach is always what is on screen.
extension DeckState {
    /// The filter in effect for `pane`: the one being typed, else the applied one.
    public func filter(for pane: Pane) -> String? {
        if case .inputLine(let line)? = overlay, line.kind == .filter(pane) {
            return line.text.isEmpty ? nil : line.text
        }
        return filters[pane]
    }

    /// Indices of the rows `pane` shows (into plan.tasks for the Gantt, into
    /// the pane's row list otherwise), in screen order.
    public func visibleRows(_ pane: Pane) -> [Int] {
        sorted(pane.unit.visibleRows(self, filter: RowFilter(filter(for: pane))), pane)
    }

    /// The selected row of `pane` if it is on screen; nil when the filter hides
    /// every row (then keys that act on "the selected one" say there is none).
    public func visibleSelection(_ pane: Pane) -> Int? {
        let index = selected(pane)
        return visibleRows(pane).contains(index) ? index : nil
    }

    /// Keeps each pane's selection on a row it shows: a hidden selection moves
    /// to the next shown row (in screen order), or the last one. With every
    /// row hidden by a filter the selection stays put for when it is cleared.
    mutating func keepSelectionsVisible() {
        for pane in Pane.allCases {
            let rows = visibleRows(pane)
            let current = selected(pane)
            guard !rows.isEmpty else {
                if filter(for: pane) == nil { selection[pane] = 0 }
                continue
            }
            guard !rows.contains(current) else { continue }
            let order = sorted(pane.unit.screenOrder(self), pane)
            let position = order.firstIndex(of: current) ?? order.count
            let shown = Set(rows)
            selection[pane] = order[position...].first(where: shown.contains) ?? rows.last!
        }
    }
}
