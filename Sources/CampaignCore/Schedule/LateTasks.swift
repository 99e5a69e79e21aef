/// A task past its finish and not done, with the work it holds up: what a
/// stand-up needs to decide what to chase first.
public struct LateTask: Sendable, Equatable {
    public var task: ScheduledTask
    /// Days since its early finish (at least 1).
    public var daysLate: Int
    /// Tasks that list it in `after`, in input order.
    public var directlyBlocked: [String]
    /// Every task downstream of it, direct or not, in input order.
    public var allBlocked: [String]

    public init(task: ScheduledTask, daysLate: Int, directlyBlocked: [String], allBlocked: [String]) {
        self.task = task
        self.daysLate = daysLate
        self.directlyBlocked = directlyBlocked
        self.allBlocked = allBlocked
    }
}

extension Schedule {
    /// Late tasks in input order (late: today is past its finish and progress < 1).
    public func lateTasks(today: Day) -> [LateTask] {
        tasks.indices.compactMap { index in
            let task = tasks[index]
            guard task.isLate(today: today) else { return nil }
            return LateTask(
                task: task, daysLate: today - task.earlyFinish,
                directlyBlocked: ids(ofSortedUnique: graph.successors[index].map(\.task)),
                allBlocked: ids(ofSortedUnique: downstreamIndices(of: index)))
        }
    }

    /// Ids of the tasks that wait for `id`, directly or not, in input order;
    /// empty for an unknown id.
    public func downstream(of id: String) -> [String] {
        guard let index = graph.indexByID[id] else { return [] }
        return ids(ofSortedUnique: downstreamIndices(of: index))
    }

    /// Ids of the tasks that list `id` in `after`, in input order.
    public func directSuccessors(of id: String) -> [String] {
        guard let index = graph.indexByID[id] else { return [] }
        return ids(ofSortedUnique: graph.successors[index].map(\.task))
    }

    private func downstreamIndices(of index: Int) -> [Int] {
        var reached = Set<Int>()
        var pending = [index]
        while let current = pending.popLast() {
            for edge in graph.successors[current] where reached.insert(edge.task).inserted {
                pending.append(edge.task)
            }
        }
        return Array(reached)
    }

    /// Sorting by index gives input order; the set drops a task listed twice in `after`.
    private func ids(ofSortedUnique indices: [Int]) -> [String] {
        Set(indices).sorted().map { tasks[$0].id }
    }
}
