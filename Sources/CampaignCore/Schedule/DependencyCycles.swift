extension ScheduleInput {
    /// One cycle per group of tasks that wait for each other (including a
    /// task that waits for itself), ordered by where the cycle starts.
    ///
    /// In each cycle `cycle[i]` waits for `cycle[i + 1]` and the last waits for
    /// the first. A cycle starts at its member that comes first in the file and
    /// is the shortest one through that member, so the message stays readable
    /// even when many tasks are tangled together. Unknown ids are ignored.
    ///
    /// Validation reports all of them; the scheduler refuses at the first.
    public func dependencyCycles() -> [[String]] {
        CycleSearch.cycles(in: DependencyGraph(tasks)).map { $0.map { tasks[$0].id } }
    }
}

/// Finds the dependency cycles that make a plan unschedulable, as task indices.
enum CycleSearch {
    /// See `ScheduleInput.dependencyCycles()`; shared with the scheduler's error path.
    static func cycles(in graph: DependencyGraph) -> [[Int]] {
        var componentOf = [Int](repeating: -1, count: graph.taskCount)
        let components = StronglyConnectedComponents.cyclic(in: graph)
        for (number, component) in components.enumerated() {
            for task in component { componentOf[task] = number }
        }
        // Shared across components so the search stays O(V + E) overall.
        var cameFrom = [Int](repeating: -1, count: graph.taskCount)
        return components
            .map { component in
                shortestCycle(through: component.min()!, within: componentOf, graph: graph, cameFrom: &cameFrom)
            }
            .sorted { $0[0] < $1[0] }
    }

    /// Breadth-first search along "waits for" edges, staying inside the
    /// component, until an edge leads back to `first`.
    private static func shortestCycle(
        through first: Int, within componentOf: [Int], graph: DependencyGraph, cameFrom: inout [Int]
    ) -> [Int] {
        let component = componentOf[first]
        var queue = [first]
        var next = 0
        cameFrom[first] = first
        defer { for task in queue { cameFrom[task] = -1 } }
        while next < queue.count {
            let task = queue[next]
            next += 1
            for edge in graph.predecessors[task] {
                if edge.task == first {
                    var cycle = [task]
                    while cycle[cycle.count - 1] != first { cycle.append(cameFrom[cycle[cycle.count - 1]]) }
                    return cycle.reversed()
                }
                if componentOf[edge.task] == component, cameFrom[edge.task] == -1 {
                    cameFrom[edge.task] = task
                    queue.append(edge.task)
                }
            }
        }
        // Unreachable: every member of a cyclic component lies on a cycle through `first`.
        return [first]
    }
}
