import CampaignCore

/// Everything the dashboard shows and remembers between keys. Changed only
/// by `DeckUpdate.apply`, so every key's effect is in one place.
public struct DeckState: Sendable {
    public enum Overlay: Equatable, Sendable {
        case help
        case personaCard(segment: Int)
        case anomalyDetail(id: Int64)
        /// A one-line prompt (owner, note) for the anomaly with this id.
        case prompt(PromptPurpose, anomalyID: Int64, text: String)
    }

    public enum PromptPurpose: Equatable, Sendable {
        case owner
        case note
        /// Resolving asks for the cause, then the action taken (either may be left empty).
        case cause
        case action(cause: String)

        public var title: String {
            switch self {
            case .owner: return "Owner"
            case .note: return "Note"
            case .cause: return "Cause (Enter to skip)"
            case .action: return "Action taken (Enter to skip)"
            }
        }
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

    public init(plan: Plan, schedule: Schedule?, speed: Double = 1, themeName: String = "default") {
        self.plan = plan
        self.schedule = schedule
        self.speed = speed
        self.themeName = themeName
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
