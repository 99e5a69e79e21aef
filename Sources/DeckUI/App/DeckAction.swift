import CampaignCore
import Foundation

/// What can happen to the dashboard: the terminal's input, the clock, and the
/// data pipeline. The app loop turns each into an action for `DeckUpdate`.
public enum DeckAction: Sendable {
    case key(Key)
    /// A mouse report, at `time` seconds on the terminal loop's monotonic
    /// clock (for double clicks; the update code reads no clock itself).
    case mouse(MouseEvent, time: Double)
    case resize(columns: Int, rows: Int)
    case data(DashboardSnapshot)
    case streamEnded
    case message(String)
    /// The outcome of a `savePlan` / `savePlanAs` effect.
    case saveFinished(PlanSaveResult)
    /// The outcome of a `reloadPlan` effect.
    case reloadFinished(PlanReloadResult)
    /// The wall clock reached this time: a status message may be due to go.
    case time(Date)
}

/// Side effects `DeckUpdate` asks the app to perform; it never does I/O itself.
public enum DeckEffect: Equatable, Sendable {
    case quit
    case setPaused(Bool)
    case setSpeed(Double)
    case useTheme(String)
    case acknowledge(anomalyID: Int64)
    case assignOwner(anomalyID: Int64, owner: String)
    case addNote(anomalyID: Int64, text: String)
    case resolve(anomalyID: Int64, cause: String?, action: String?)
    /// Undo a resolution (the anomaly goes back to the status it was resolved from).
    case reopen(anomalyID: Int64)
    /// Write a silence (from now, for its seconds) to the dashboard's database.
    case silence(SilenceRequest)
    /// Write the plan's text to its file; without `overwrite`, refuse if it changed on disk.
    case savePlan(text: String, overwrite: Bool)
    /// Read the plan's file again (it changed on disk).
    case reloadPlan
    /// Write the plan to a new file (never replacing one).
    case savePlanAs(path: String, text: String)
    /// The plan was edited (or an edit undone): the app applies its alert rules live.
    case planEdited(PlanVersion)
    /// The plan's file now holds `text` (saved, or reloaded from disk): alert
    /// transitions judged by its rules may be written to the anomaly log again.
    case planSaved(PlanVersion)
    /// The walkthrough opened or closed: the app builds the agenda only while it is open.
    case walkthrough(active: Bool)
    /// Put `text` on the system clipboard (the terminal's OSC 52).
    case copyToClipboard(String)
}
