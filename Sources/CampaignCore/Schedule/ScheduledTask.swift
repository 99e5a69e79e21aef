/// One task after the critical path computation.
public struct ScheduledTask: Sendable, Equatable {
    public var id: String
    public var earlyStart: Day
    /// Inclusive: the last day the task covers (a milestone's is its start).
    public var earlyFinish: Day
    public var lateStart: Day
    public var lateFinish: Day
    /// Total float: days the task can slip without moving the project end.
    public var floatDays: Int
    public var isCritical: Bool
    public var isMilestone: Bool
    /// 0 for a milestone, whatever the input said.
    public var durationDays: Int
    public var progress: Double
    /// The dependencies as written, so a view can draw them for the selected task.
    public var dependencies: [ScheduleInput.Dependency]
    /// Set when the task's pinned `start` could not be honoured.
    public var conflict: PinnedStartConflict?

    public init(
        id: String, earlyStart: Day, earlyFinish: Day, lateStart: Day, lateFinish: Day,
        floatDays: Int, isCritical: Bool, isMilestone: Bool, durationDays: Int,
        progress: Double, dependencies: [ScheduleInput.Dependency], conflict: PinnedStartConflict?
    ) {
        self.id = id
        self.earlyStart = earlyStart
        self.earlyFinish = earlyFinish
        self.lateStart = lateStart
        self.lateFinish = lateFinish
        self.floatDays = floatDays
        self.isCritical = isCritical
        self.isMilestone = isMilestone
        self.durationDays = durationDays
        self.progress = progress
        self.dependencies = dependencies
        self.conflict = conflict
    }

    /// Late when today is past its finish and it is not done.
    /// Uses the early finish: that is the date the plan promises.
    public func isLate(today: Day) -> Bool {
        today > earlyFinish && progress < 1
    }
}
