/// Tarjan's strongly connected components over the "waits for" edges.
///
/// Written with an explicit stack instead of recursion: a plan with a chain of
/// thousands of tasks would otherwise overflow the thread's stack.
enum StronglyConnectedComponents {
    /// The components that contain a cycle: more than one task, or a single
    /// task that waits for itself. Members are listed in no particular order.
    static func cyclic(in graph: DependencyGraph) -> [[Int]] {
        let count = graph.taskCount
        var visitOrder = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var isOnStack = [Bool](repeating: false, count: count)
        var componentStack: [Int] = []
        var visitStack: [(task: Int, nextEdge: Int)] = []
        var visited = 0
        var components: [[Int]] = []

        func visit(_ task: Int) {
            visitOrder[task] = visited
            lowLink[task] = visited
            visited += 1
            componentStack.append(task)
            isOnStack[task] = true
            visitStack.append((task, 0))
        }

        for root in 0..<count where visitOrder[root] == -1 {
            visit(root)
            while let (task, nextEdge) = visitStack.last {
                let edges = graph.predecessors[task]
                if nextEdge < edges.count {
                    visitStack[visitStack.count - 1].nextEdge += 1
                    let other = edges[nextEdge].task
                    if visitOrder[other] == -1 {
                        visit(other)
                    } else if isOnStack[other] {
                        lowLink[task] = min(lowLink[task], visitOrder[other])
                    }
                    continue
                }
                visitStack.removeLast()
                if let caller = visitStack.last {
                    lowLink[caller.task] = min(lowLink[caller.task], lowLink[task])
                }
                guard lowLink[task] == visitOrder[task] else { continue }
                var component: [Int] = []
                while let member = componentStack.popLast() {
                    isOnStack[member] = false
                    component.append(member)
                    if member == task { break }
                }
                let waitsForItself = graph.predecessors[task].contains { $0.task == task }
                if component.count > 1 || waitsForItself { components.append(component) }
            }
        }
        return components
    }
}
