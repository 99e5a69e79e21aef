/// The critical path schedule of a plan.
public struct Schedule: Sendable, Equatable {
    public let projectStart: Day
    /// The latest early finish of any task; the project start for an empty plan.
    public let projectEnd: Day
    /// In input order.
    public let tasks: [ScheduledTask]
    /// Ids of the tasks with zero float, by early start, then input order:
    /// a set, not a sequence (parallel critical tasks are on separate chains).
    public let criticalTasks: [String]
    /// The critical path as chains of tasks that drive each other's dates.
    public let criticalPaths: CriticalPaths
    /// Broken pins, in input order.
    public let conflicts: [PinnedStartConflict]

    /// The id lookup and the late-task queries index `tasks` through this graph;
    /// everything here is `let` so the two can never drift apart.
    let graph: DependencyGraph

    /// Schedules `input` in O(V + E), plus sorting the critical tasks by start
    /// (and listing at most `CriticalPaths.limit` chains).
    ///
    /// Throws rather than scheduling around a problem: a duplicate id, an
    /// unknown dependency, a normal task shorter than a day, or a dependency
    /// cycle (the first one in input order, named task by task).
    public init(computing input: ScheduleInput) throws(ScheduleError) {
        let graph = try Self.validatedGraph(input)
        guard let order = graph.topologicalOrder() else {
            let cycle = CycleSearch.cycles(in: graph)[0]
            throw .dependencyCycle(cycle.map { input.tasks[$0].id })
        }
        let forward = ForwardPass(input, graph: graph, order: order)
        let projectEnd = forward.earlyFinish.max() ?? input.projectStart
        let backward = BackwardPass(input.tasks, graph: graph, order: order, projectEnd: projectEnd)

        var scheduled: [ScheduledTask] = []
        scheduled.reserveCapacity(input.tasks.count)
        for (index, task) in input.tasks.enumerated() {
            let float = backward.lateStart[index] - forward.earlyStart[index]
            scheduled.append(ScheduledTask(
                id: task.id,
                earlyStart: forward.earlyStart[index], earlyFinish: forward.earlyFinish[index],
                lateStart: backward.lateStart[index], lateFinish: backward.lateFinish[index],
                floatDays: float, isCritical: float == 0, isMilestone: task.isMilestone,
                durationDays: task.scheduledDuration, progress: task.progress,
                dependencies: task.after, conflict: forward.conflicts[index]))
        }

        self.projectStart = input.projectStart
        self.projectEnd = projectEnd
        self.tasks = scheduled
        self.criticalTasks = scheduled.indices
            .filter { scheduled[$0].isCritical }
            .sorted { (scheduled[$0].earlyStart, $0) < (scheduled[$1].earlyStart, $1) }
            .map { scheduled[$0].id }
        self.criticalPaths = CriticalPaths(input, scheduled: scheduled, graph: graph)
        self.conflicts = forward.conflicts.compactMap { $0 }
        self.graph = graph
    }

    /// The scheduled task with this id, or nil.
    public subscript(id id: String) -> ScheduledTask? {
        graph.indexByID[id].map { tasks[$0] }
    }

    private static func validatedGraph(_ input: ScheduleInput) throws(ScheduleError) -> DependencyGraph {
        var seen = Set<String>()
        for task in input.tasks {
            guard seen.insert(task.id).inserted else { throw .duplicateTaskID(task.id) }
            if !task.isMilestone, task.durationDays < 1 {
                throw .nonPositiveDuration(taskID: task.id, days: task.durationDays)
            }
        }
        if let unknown = input.unknownDependencies().first {
            throw .unknownDependency(taskID: unknown.taskID, missingID: unknown.missingID)
        }
        return DependencyGraph(input.tasks)
    }
}
