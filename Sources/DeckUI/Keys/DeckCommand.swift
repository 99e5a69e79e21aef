import CampaignCore

/// Everything a key can ask the dashboard to do. Keys map to commands in the
/// one key registry; `DeckUpdate` gives commands their meaning.
public enum DeckCommand: Hashable, Sendable {
    case nextPane, previousPane
    case focus(Pane)
    case moveUp, moveDown, moveLeft, moveRight, pageUp, pageDown, moveHome, moveEnd
    case open, back
    case toggleHelp
    /// `/` and `:`: the one-line input in the status bar.
    case startFilter, openCommandLine
    /// `n` / `N` after a search (the help's `/`).
    case nextMatch, previousMatch
    case zoom
    case togglePause, faster, slower
    case cycleTheme
    case toggleKPIGrouping
    /// The campaign targets view (`TargetsCard`), from the KPI pane.
    case showTargets
    case ganttZoomIn, ganttZoomOut, ganttToday
    case acknowledge, assignOwner, addNote, resolveAnomaly, reopenAnomaly
    /// Silence the rule of the selected KPI row or anomaly (`Silencing`).
    case silence
    case undo, redo, save
    case startWalkthrough, nextStep, previousStep
    // Gantt editing
    case moveTask(days: Int), resizeTask(days: Int)
    case editTaskOwner, editTaskProgress, toggleTaskDone
    case addTask, duplicateTask, deleteTask, addDependency, removeDependency
    // Segment and alert editing
    case editSegment(PlanEdit.SegmentField)
    case openAlertEditor, editAlert(PlanEdit.AlertField)
    case copySelection
    case sortNextColumn, sortPreviousColumn, reverseSort
    case quit
}
