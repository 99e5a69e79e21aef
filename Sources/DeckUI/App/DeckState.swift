import CampaignCore

/// Everything the dashboard shows and remembers between keys. Changed only
/// by `DeckUpdate.apply`, so every key's effect is in one place.
public struct DeckState: Sendable {
    public enum Overlay: Equatable, Sendable {
        case help
        case personaCard(segment: Int)
        case anomalyDetail(id: Int64)
        /// A one-line input (an owner, a note, a rule…); takes every key until Enter or Esc.
        case prompt(Prompt)
        /// A question before something that could lose work.
        case confirm(Confirmation)
        /// The plan's alert rules, one selected, for editing thresholds.
        case alertEditor(selected: Int)
        /// The stand-up walkthrough, at one of its steps.
        case walkthrough(step: Int)
        /// The `/` filter or the `:` command line, typed in the status bar.
        case inputLine(InputLine)
    }

    public enum StreamMode: Equatable, Sendable {
        case live
        case paused
        case replay(speed: Double)
        case finished
    }

    public enum GanttScale: Sendable { case days, weeks }

    public var plan: Plan
    public var schedule: Schedule?
    public var data = DashboardSnapshot()
    public var focus: Pane = .segments
    public var zoomed = false
    public var selection: [Pane: Int] = [:]
    /// Applied `/` filters: a pane lists only rows containing its text.
    public var filters: [Pane: String] = [:]
    public var overlay: Overlay?
    public var kpiGrouping: KPIDimension = .channel
    public var ganttScale: GanttScale = .days
    /// Days from the campaign start to the first day shown.
    public var ganttOffset = 0
    /// Until the user scrolls, the chart keeps today in view.
    public var ganttFollowsToday = true
    public var stream: StreamMode = .live
    public var speed: Double
    public var message: String?
    public var themeName: String
    public var quitting = false
    /// The plan's text and its undo/redo history; nil when the plan cannot be
    /// edited here (then edit keys say so).
    public var editor: PlanEditHistory?
    /// Quit as soon as the save under way succeeds (chosen at the quit question).
    public var quitsAfterSave = false
    /// Commands run from the `:` line, oldest first (↑ recalls them).
    public var commandHistory: [String] = []
    /// The name a save-as is trying, so a refusal can ask again with it.
    public var saveAsAttempt: String?
    /// Whether the last plan edit was refused (its reason is the message).
    public var lastEditFailed = false
    /// The stand-up agenda the walkthrough steps through (built by the app).
    public var agenda: StandupAgenda?

    public init(plan: Plan, schedule: Schedule?, speed: Double = 1, themeName: String = "default",
                editor: PlanEditHistory? = nil) {
        self.plan = plan
        self.schedule = schedule
        self.speed = speed
        self.themeName = themeName
        self.editor = editor
    }

    public var hasUnsavedEdits: Bool { editor?.hasUnsavedEdits ?? false }

    var isInWalkthrough: Bool {
        if case .walkthrough? = overlay { return true }
        return false
    }

    /// Shows the editor's current plan: panes, schedule and selection follow it.
    mutating func adoptEditedPlan(selecting taskID: String? = nil) {
        guard let edited = editor?.plan else { return }
        plan = edited
        schedule = try? Schedule(computing: PlanScheduling.input(for: edited))
        if let taskID, let index = edited.tasks.firstIndex(where: { $0.id == taskID }) {
            selection[.gantt] = index
        }
        for pane in Pane.allCases where selected(pane) >= rowCount(pane) {
            selection[pane] = max(0, rowCount(pane) - 1)
        }
    }

    public func selected(_ pane: Pane) -> Int { selection[pane] ?? 0 }

    /// How many rows the pane lists, for moving the selection.
    public func rowCount(_ pane: Pane) -> Int {
        switch pane {
        case .segments: return max(plan.segments.count, data.segments.count)
        case .gantt: return plan.tasks.count
        case .kpis: return (kpiGrouping == .channel ? data.channelRows : data.segmentKPIRows).count
        case .anomalies: return data.anomalies.count
        }
    }
}
