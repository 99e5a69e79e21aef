/// What the schedule engine needs from a plan, and nothing more.
///
/// Kept independent of the YAML model so that the engine can be tested (and
/// reused by the dashboard while a planner drags tasks) without parsing files.
/// The plan loader maps `tasks:` onto this in file order.
public struct ScheduleInput: Sendable, Equatable {
    /// The day week 1 starts; tasks with neither `start` nor `after` begin here.
    public var projectStart: Day
    /// In file order: that order breaks every tie in the output.
    public var tasks: [Task]

    public init(projectStart: Day, tasks: [Task]) {
        self.projectStart = projectStart
        self.tasks = tasks
    }

    /// One task of the plan. Nested so that it does not shadow Swift's
    /// concurrency `Task` anywhere else in the module.
    public struct Task: Sendable, Equatable {
        public var id: String
        /// A fixed start. With `after` it pins the task; without, it is simply its start.
        public var start: Day?
        /// Calendar days covered, start inclusive. Ignored for milestones.
        public var durationDays: Int
        public var isMilestone: Bool
        /// Finish-to-start dependencies, in the order written.
        public var after: [Dependency]
        /// 0…1; at 1 the task is done and can no longer be late.
        public var progress: Double

        public init(
            id: String, start: Day? = nil, durationDays: Int, isMilestone: Bool = false,
            after: [Dependency] = [], progress: Double = 0
        ) {
            self.id = id
            self.start = start
            self.durationDays = durationDays
            self.isMilestone = isMilestone
            self.after = after
            self.progress = progress
        }
    }

    /// `after: [a+2d]` is `Dependency(taskID: "a", lagDays: 2)`.
    public struct Dependency: Sendable, Hashable {
        public var taskID: String
        /// Extra days to wait after the predecessor allows a start.
        public var lagDays: Int

        public init(taskID: String, lagDays: Int = 0) {
            self.taskID = taskID
            self.lagDays = lagDays
        }
    }
}
