extension Phrase {
    /// The English catalog.
    var english: String {
        switch self {
        // MARK: Pane titles
        case .paneSegments: return "Segments"
        case .paneGantt: return "Gantt"
        case .paneKPIs: return "KPIs"
        case .paneAnomalies: return "Anomaly log"

        // MARK: Mouse and help search
        case .helpSearchBinding: return "search the help (n / N: next and previous match)"
        case .helpSearchHint: return "search"
        case .helpNextMatchBinding: return "next match of the search"
        case .helpNextMatchHint: return "next"
        case .helpPreviousMatchBinding: return "previous match of the search"
        case .helpSearchMatch: return "match {1} of {2} for /{3}"
        case .helpSearchNoMatch: return "no match for /{1} in the help"
        case .helpSearchNone: return "no search yet: / searches the help"
        case .helpSearchTyping: return "{1} matching lines · Enter finds · Esc cancels"
        case .mouseHelpTitle: return "Mouse"
        case .mouseHelpLines: return "click: focus the pane and select the row · double click: open it (as Enter) · wheel: scroll the pane under the pointer (the Gantt's days with Shift) · click a column head: sort by it, again: reverse · hold Shift to select text"
        case .messagesViewTitle: return "Messages (:messages)"
        case .messagesSearchBinding: return "search the messages (n / N: next and previous match)"
        case .messagesSearchNoMatch: return "no match for /{1}"
        }
    }
}
