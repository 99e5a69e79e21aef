import CampaignCore
import Testing

private typealias Task = ScheduleInput.Task
private typealias Dependency = ScheduleInput.Dependency
private let monday = Day(iso: "2026-03-02")!

/// `after` lists written as plain ids, to keep the cycle shapes readable.
private func plan(_ tasks: [(id: String, after: [String])]) -> ScheduleInput {
    ScheduleInput(projectStart: monday, tasks: tasks.map { task in
        Task(id: task.id, durationDays: 1, after: task.after.map { Dependency(taskID: $0) })
    })
}

@Suite struct ScheduleDependencyCheckTests {
    @Test func twoCycle() {
        let input = plan([("a", ["b"]), ("b", ["a"])])
        #expect(input.dependencyCycles() == [["a", "b"]])
        #expect(throws: ScheduleError.dependencyCycle(["a", "b"])) { try Schedule(computing: input) }
    }

    @Test func threeCycleIsNamedInWaitingOrderNotFileOrder() {
        // x waits for z, z waits for y, y waits for x.
        let input = plan([("x", ["z"]), ("y", ["x"]), ("z", ["y"])])
        #expect(input.dependencyCycles() == [["x", "z", "y"]])
        #expect(throws: ScheduleError.dependencyCycle(["x", "z", "y"])) { try Schedule(computing: input) }
        #expect(ScheduleError.dependencyCycle(["x", "z", "y"]).description == "dependency cycle: x -> z -> y -> x")
    }

    @Test func cycleIsRotatedToStartAtTheFirstTaskInTheFile() {
        // a waits for b, b for c, c for a; b is written first, so the cycle starts there.
        let input = plan([("start", []), ("b", ["c"]), ("c", ["a", "start"]), ("a", ["b"])])
        #expect(input.dependencyCycles() == [["b", "c", "a"]])
    }

    @Test func selfLoop() {
        let input = plan([("ok", []), ("s", ["ok", "s"])])
        #expect(input.dependencyCycles() == [["s"]])
        #expect(throws: ScheduleError.dependencyCycle(["s"])) { try Schedule(computing: input) }
    }

    @Test func oneCyclePerTangleInFileOrderAndNothingDownstream() {
        let input = plan([
            ("free", []),
            ("p", ["q"]), ("q", ["p"]),             // first tangle
            ("victim", ["p"]),                      // waits on a cycle but is not on one
            ("m", ["n"]), ("n", ["o", "m"]), ("o", ["m"]),  // m-n-o with a shortcut n->m
            ("loop", ["loop"]),
        ])
        // From m the shortest way back is m -> n -> m, so that is the cycle named.
        #expect(input.dependencyCycles() == [["p", "q"], ["m", "n"], ["loop"]])
        #expect(throws: ScheduleError.dependencyCycle(["p", "q"])) { try Schedule(computing: input) }
    }

    @Test func acyclicPlanHasNoCycles() {
        #expect(plan([("a", []), ("b", ["a"]), ("c", ["a", "b"])]).dependencyCycles().isEmpty)
    }

    @Test func unknownDependencyIsReportedWithItsPosition() {
        let input = plan([("a", []), ("b", ["a", "ghost"]), ("c", ["gohst", "b"])])
        #expect(input.unknownDependencies() == [
            UnknownDependency(taskID: "b", dependencyPosition: 1, missingID: "ghost"),
            UnknownDependency(taskID: "c", dependencyPosition: 0, missingID: "gohst"),
        ])
        #expect(throws: ScheduleError.unknownDependency(taskID: "b", missingID: "ghost")) {
            try Schedule(computing: input)
        }
        // Cycle detection still works around the dangling reference.
        #expect(input.dependencyCycles().isEmpty)
    }

    @Test func longChainAndLongCycleDoNotExhaustTheStack() throws {
        // Deep recursion would crash on chains like these; both checks are iterative.
        let count = 50_000
        var tasks = (0..<count).map { index in
            Task(id: "t\(index)", durationDays: 2, after: index == 0 ? [] : [Dependency(taskID: "t\(index - 1)")])
        }
        let chain = try Schedule(computing: ScheduleInput(projectStart: monday, tasks: tasks))
        // Each task adds 2 days: the last finishes 2 * 50 000 - 1 days after the start.
        #expect(chain.projectEnd == monday + (2 * count - 1))
        #expect(chain.criticalTasks.count == count)
        // One chain of every task, found without recursion.
        #expect(chain.criticalPaths.chains == [tasks.map(\.id)])

        tasks[0].after = [Dependency(taskID: "t\(count - 1)")]
        let cycles = ScheduleInput(projectStart: monday, tasks: tasks).dependencyCycles()
        // t0 waits for the last task, which waits for the one before it, and so on.
        #expect(cycles.count == 1)
        #expect(cycles.first?.count == count)
        #expect(cycles.first?.prefix(3) == ["t0", "t\(count - 1)", "t\(count - 2)"])
    }
}
