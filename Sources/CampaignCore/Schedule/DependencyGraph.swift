/// The dependency edges of a plan as integer indices into `tasks`, in both
/// directions, so that both passes of the schedule are O(V + E).
struct DependencyGraph: Sendable, Equatable {
    struct Edge: Sendable, Equatable {
        /// The task at the other end (predecessor or successor, depending on the list).
        var task: Int
        var lagDays: Int
        /// Index into the successor's `after` list, to name the exact dependency.
        var dependencyPosition: Int
    }

    /// With duplicate ids the first task wins; duplicates are reported elsewhere.
    let indexByID: [String: Int]
    /// `predecessors[i]`: the tasks `tasks[i]` waits for, in `after` order.
    let predecessors: [[Edge]]
    /// `successors[i]`: the tasks waiting for `tasks[i]`, in input order.
    let successors: [[Edge]]

    /// Builds the graph, silently dropping references to unknown ids; callers
    /// that must not drop them check `ScheduleInput.unknownDependencies()` first.
    init(_ tasks: [ScheduleInput.Task]) {
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(tasks.count)
        for (index, task) in tasks.enumerated() where indexByID[task.id] == nil {
            indexByID[task.id] = index
        }
        var predecessors = [[Edge]](repeating: [], count: tasks.count)
        var successors = [[Edge]](repeating: [], count: tasks.count)
        for (index, task) in tasks.enumerated() {
            for (position, dependency) in task.after.enumerated() {
                guard let other = indexByID[dependency.taskID] else { continue }
                predecessors[index].append(Edge(task: other, lagDays: dependency.lagDays, dependencyPosition: position))
                successors[other].append(Edge(task: index, lagDays: dependency.lagDays, dependencyPosition: position))
            }
        }
        self.indexByID = indexByID
        self.predecessors = predecessors
        self.successors = successors
    }

    var taskCount: Int { predecessors.count }

    /// Kahn's algorithm, releasing ready tasks in input order so the result is
    /// deterministic. Nil when a cycle leaves some tasks forever waiting.
    func topologicalOrder() -> [Int]? {
        var waitingOn = predecessors.map(\.count)
        var order: [Int] = []
        order.reserveCapacity(taskCount)
        for index in 0..<taskCount where waitingOn[index] == 0 {
            order.append(index)
        }
        // `order` doubles as the FIFO queue: everything before `next` is processed.
        var next = 0
        while next < order.count {
            let done = order[next]
            next += 1
            for edge in successors[done] {
                waitingOn[edge.task] -= 1
                if waitingOn[edge.task] == 0 { order.append(edge.task) }
            }
        }
        return order.count == taskCount ? order : nil
    }
}
