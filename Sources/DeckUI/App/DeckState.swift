import CampaignCore
import Foundation

/// Everything the dashboard shows and remembers between keys. Changed only
/// by `DeckUpdate.apply` and the units it routes to.
public struct DeckState: Sendable {
    public enum Overlay: Equatable, Sendable {
        /// `?`, scrolled down by `scroll` lines.
        case help(scroll: Int)
        case personaCard(segment: Int)
        /// A Gantt task's card, by the task's id.
        case taskCard(task: String)
        case anomalyDetail(id: Int64)
        /// A one-line input (an owner, a note, a rule…); takes every key until Enter or Esc.
        case prompt(Prompt)
        /// A question before something that could lose work.
        case confirm(Confirmation)
        /// Resolving an anomaly: cause, action, then a confirmation.
        case resolution(Resolution)
        /// The plan's alert rules, one selected, for editing thresholds.
        case alertEditor(selected: Int)
        /// The stand-up walkthrough, at one of its steps.
        case walkthrough(step: Int)
        /// The `/` filter or the `:` command line, typed in the status bar.
        case inputLine(InputLine)
        /// Every message shown (`:messages`), scrolled to a line; nil: to the newest.
        case messageLog(top: Int?)
        /// The campaign targets (`targets:`): actual, forecast, on track or at risk.
        case targets
    }

    public enum StreamMode: Equatable, Sendable {
        case live
        case paused
        case replay(speed: Double)
        case finished
    }

    /// The terminal's size in cells, for views that scroll by what fits on
    /// screen (the help); the terminal reports it with `DeckAction.resize`.
    public struct ScreenSize: Equatable, Sendable {
        public var columns: Int
        public var rows: Int
        public init(columns: Int, rows: Int) {
            self.columns = columns
            self.rows = rows
        }
    }

    public var plan: Plan
    public var screen = ScreenSize(columns: DeckLayout.minimumColumns, rows: DeckLayout.minimumRows)
    public var schedule: Schedule?
    public var data = DashboardSnapshot()
    public var focus: Pane = .segments
    public var zoomed = false
    public var selection: [Pane: Int] = [:]
    /// Applied `/` filters: a pane lists only rows containing its text.
    public var filters: [Pane: String] = [:]
    /// The column each table is sorted by (none: its own order).
    public var sorts: [Pane: TableSort] = [:]
    public var overlay: Overlay?
    public var kpiGrouping: KPIDimension = .channel
    /// The Gantt's scale and the days it shows.
    public var gantt = GanttViewport()
    public var stream: StreamMode = .live
    public var speed: Double
    /// The status bar's message. Every one shown goes to `messages.log`, and
    /// it goes away by itself once `messages.expiry` passes (`DeckAction.time`).
    public var message: String? {
        didSet { messages.show(message, at: clock()) }
    }
    public private(set) var messages = StatusMessages()
    /// The wall clock that stamps messages (tests set a fixed one).
    public var clock: @Sendable () -> Date = { Date() }
    /// The zone the message log shows its times in: the user's own.
    public var wallClockZone: TimeZone = .current
    public var themeName: String
    /// The keys in effect: built in, or with the user's overrides. Carried
    /// here so lookups, footer and help read one table (see `KeyRegistry`).
    public var keys: KeyRegistry = .builtIn
    public var quitting = false
    /// The plan's text and its undo/redo history; nil when the plan cannot be
    /// edited here (then edit keys say so).
    public var editor: PlanEditHistory?
    /// The save under way, from Ctrl-S until the plan is written or given up.
    public var saving: SaveInProgress?
    /// Commands run from the `:` line, oldest first (↑ recalls them).
    public var commandHistory: [String] = []
    /// The stand-up agenda the walkthrough steps through (built by the app).
    public var agenda: StandupAgenda?
    /// The first row (the Gantt: line) each pane showed after the last
    /// action: the next frame keeps it while the selection stays on screen.
    public var scrollTops: [Pane: Int] = [:]
    /// The help's last `/` search, for `n` and `N`.
    public var helpSearch: TextSearch?
    /// The message log's last `/` search.
    public var messageSearch: TextSearch?
    /// The last click on a row, for telling a double click (`MouseInput`).
    public var lastClick: MouseClick?

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
        schedule = editor?.document.schedule
        if let taskID, let index = edited.tasks.firstIndex(where: { $0.id == taskID }) {
            selection[.gantt] = index
        }
        for pane in Pane.allCases where selected(pane) >= rowCount(pane) {
            selection[pane] = max(0, rowCount(pane) - 1)
        }
    }

    public func selected(_ pane: Pane) -> Int { selection[pane] ?? 0 }

    /// How many rows the pane lists, for moving the selection.
    public func rowCount(_ pane: Pane) -> Int { pane.unit.rowCount(self) }
}
