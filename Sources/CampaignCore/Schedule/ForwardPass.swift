/// Earliest dates: each task as soon as its own start and its dependencies allow.
struct ForwardPass {
    var earlyStart: [Day]
    var earlyFinish: [Day]
    /// Indexed like the tasks; nil where no pin was broken.
    var conflicts: [PinnedStartConflict?]

    /// `order` must be topological, so every predecessor is dated before its successors.
    init(_ input: ScheduleInput, graph: DependencyGraph, order: [Int]) {
        let tasks = input.tasks
        earlyStart = [Day](repeating: input.projectStart, count: tasks.count)
        earlyFinish = earlyStart
        conflicts = [PinnedStartConflict?](repeating: nil, count: tasks.count)
        for index in order {
            let task = tasks[index]
            let required = requiredStart(of: index, tasks: tasks, graph: graph)
            var start: Day
            switch (task.start, required) {
            case (nil, nil):
                start = input.projectStart
            case (nil, let required?):
                start = required.day
            case (let pinned?, nil):
                start = pinned
            case (let pinned?, let required?):
                // A pin the dependencies cannot meet is reported, then the task
                // moves: showing it on an impossible date would hide the slip downstream.
                start = max(pinned, required.day)
                if required.day > pinned {
                    conflicts[index] = PinnedStartConflict(
                        taskID: task.id, pinnedStart: pinned, earliestAllowedStart: required.day,
                        forcedBy: task.after[required.dependencyPosition])
                }
            }
            earlyStart[index] = start
            earlyFinish[index] = start + task.finishOffset
        }
    }

    /// The earliest start the dependencies allow and the first dependency that
    /// demands it, or nil for a task without dependencies.
    private func requiredStart(
        of index: Int, tasks: [ScheduleInput.Task], graph: DependencyGraph
    ) -> (day: Day, dependencyPosition: Int)? {
        var latest: (day: Day, dependencyPosition: Int)?
        for edge in graph.predecessors[index] {
            let predecessor = tasks[edge.task]
            let allowed = earlyFinish[edge.task] + predecessor.successorGap + edge.lagDays
            // Strictly greater: on a tie the dependency written first is named.
            if let current = latest, allowed <= current.day { continue }
            latest = (allowed, edge.dependencyPosition)
        }
        return latest
    }
}
