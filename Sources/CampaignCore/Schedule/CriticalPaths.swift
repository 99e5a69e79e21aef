/// The critical path as chains: each chain is a run of zero-float tasks where
/// every task starts the moment the one before it lets it (the dependency
/// drives its date). Two critical tasks that run side by side are on two
/// chains, never one after the other in a single list.
public struct CriticalPaths: Sendable, Equatable {
    /// Chains of task ids, each from a critical task nothing critical drives
    /// to one that drives nothing critical (the schedule's end). Ordered by
    /// their first task's early start, then input order; where a chain
    /// branches, successors in input order. At most `limit` chains.
    public let chains: [[String]]
    /// How many chains there are (a plan of many parallel branches can have
    /// more than are listed); saturates at Int.max.
    public let count: Int

    /// Listing every chain of a plan built from many diamonds would be
    /// exponential; past this many only the count grows.
    public static let limit = 50

    public init(chains: [[String]], count: Int) {
        self.chains = chains
        self.count = count
    }

    /// Chains through `id` (the task's place on the critical path), in the order of `chains`.
    public func through(_ id: String) -> [[String]] { chains.filter { $0.contains(id) } }

    /// Finds the chains from the computed dates: a dependency drives its
    /// successor when both have zero float and the successor starts on the
    /// first day the dependency allows (a pinned start later than that is
    /// not driven by it, so its chain begins at the pin).
    init(_ input: ScheduleInput, scheduled: [ScheduledTask], graph: DependencyGraph) {
        let taskCount = scheduled.count
        var driven = [[Int]](repeating: [], count: taskCount)
        var isDriven = [Bool](repeating: false, count: taskCount)
        for index in 0..<taskCount where scheduled[index].isCritical {
            var seen = Set<Int>()
            for edge in graph.successors[index] where scheduled[edge.task].isCritical {
                let allowed = scheduled[index].earlyFinish + input.tasks[index].successorGap + edge.lagDays
                guard scheduled[edge.task].earlyStart == allowed, seen.insert(edge.task).inserted else { continue }
                driven[index].append(edge.task)
                isDriven[edge.task] = true
            }
        }
        let starts = (0..<taskCount)
            .filter { scheduled[$0].isCritical && !isDriven[$0] }
            .sorted { (scheduled[$0].earlyStart, $0) < (scheduled[$1].earlyStart, $1) }

        // Chains from each task to an end, counted backwards over a topological order.
        func saturatingSum(_ values: [Int]) -> Int {
            values.reduce(0) { total, value in
                let (sum, overflow) = total.addingReportingOverflow(value)
                return overflow ? Int.max : sum
            }
        }
        var chainsFrom = [Int](repeating: 0, count: taskCount)
        for index in (graph.topologicalOrder() ?? []).reversed() where scheduled[index].isCritical {
            chainsFrom[index] = driven[index].isEmpty ? 1 : saturatingSum(driven[index].map { chainsFrom[$0] })
        }
        count = saturatingSum(starts.map { chainsFrom[$0] })

        // Depth first without recursion: a chain can be thousands of tasks long.
        var chains: [[String]] = []
        for start in starts where chains.count < Self.limit {
            var path: [(task: Int, nextChild: Int)] = [(start, 0)]
            while let top = path.last, chains.count < Self.limit {
                if driven[top.task].isEmpty {
                    chains.append(path.map { scheduled[$0.task].id })
                }
                if top.nextChild < driven[top.task].count {
                    path[path.count - 1].nextChild += 1
                    path.append((driven[top.task][top.nextChild], 0))
                } else {
                    path.removeLast()
                }
            }
        }
        self.chains = chains
    }
}
