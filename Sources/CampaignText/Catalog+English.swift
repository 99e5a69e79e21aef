extension Phrase {
    /// The English catalog.
    var english: String {
        switch self {
        // MARK: Pane titles
        case .paneSegments: return "Segments"
        case .paneGantt: return "Gantt"
        case .paneKPIs: return "KPIs"
        case .paneAnomalies: return "Anomaly log"
        // MARK: Names where people use names (issue 15 item 2)
        case .nameKindTask: return "task"
        case .nameKindSegment: return "segment"
        case .nameKindRule: return "alert rule"
        case .nameKindOwner: return "owner"
        case .nameKindTheme: return "theme"
        case .nameAmbiguousIDs: return "{1} {2}s are named '{3}': use an id instead ({4})"
        case .nameAmbiguousNumbers: return "{1} {2}s are named '{3}': use a number instead ({4})"
        case .nameUnknown: return "no {1} '{2}' (Tab completes ids and names)"
        case .nameUnknownSuggest: return "no {1} '{2}' (did you mean '{3}'?)"
        case .completionNone: return "no {1} matches '{2}'"
        case .completionChoices: return "Tab cycles: {1}"
        case .commandNamesHelp: return "{1}: an id or a name (a rule: its number or name). A name with spaces may be typed as it is (the longest name that fits is taken) or quoted, {2}. Tab completes commands, ids and names; Tab again gives the next match."
        case .derivedTaskID: return "id {1} given to '{2}'"
        case .newTaskTitle: return "New task after {1}: a name, or an id and a name"
        case .newTaskHint: return "e.g. {1} (an id is made for it) or {2} (the id first)"
        case .dependencyTitle: return "{1} waits for (a task's id or name)"
        case .removeDependencyTitle: return "{1} no longer waits for (a task's id or name)"
        case .copyName: return "{1} (copy)"
        case .numberedCopyName: return "{1} (copy {2})"
        }
    }
}
