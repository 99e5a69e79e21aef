/// A task pinned to a `start` that its dependencies cannot meet.
///
/// The schedule reports the conflict and places the task at the
/// earliest day its dependencies allow, so the rest of the plan stays honest.
public struct PinnedStartConflict: Sendable, Hashable {
    public var taskID: String
    /// The `start:` the planner wrote.
    public var pinnedStart: Day
    /// Where the task was placed instead.
    public var earliestAllowedStart: Day
    /// The dependency that forces the later start (the first written, on a tie).
    public var forcedBy: ScheduleInput.Dependency

    /// How many days the pin is missed by (always > 0).
    public var slipDays: Int { earliestAllowedStart - pinnedStart }

    public init(taskID: String, pinnedStart: Day, earliestAllowedStart: Day, forcedBy: ScheduleInput.Dependency) {
        self.taskID = taskID
        self.pinnedStart = pinnedStart
        self.earliestAllowedStart = earliestAllowedStart
        self.forcedBy = forcedBy
    }
}
