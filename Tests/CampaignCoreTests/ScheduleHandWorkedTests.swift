import CampaignCore
import Testing

// Every expected date below was worked out by hand; the comments show the
// arithmetic. Project start is Monday 2026-03-02 throughout. Rules used:
// finish = start + days - 1; after a normal task a successor may start on
// finish + 1 + lag; after a milestone on its date + lag.

private func day(_ iso: String) -> Day { Day(iso: iso)! }
private let monday = day("2026-03-02")
private typealias Task = ScheduleInput.Task
private typealias Dependency = ScheduleInput.Dependency

private func schedule(_ tasks: [Task]) throws -> Schedule {
    try Schedule(computing: ScheduleInput(projectStart: monday, tasks: tasks))
}

/// Early, late and float of one task in a single comparable value.
private struct Dates: Equatable, CustomStringConvertible {
    var es, ef, ls, lf: String
    var float: Int
    var description: String { "\(es)..\(ef) late \(ls)..\(lf) float \(float)" }
}

private func dates(_ schedule: Schedule, _ id: String) -> Dates? {
    schedule[id: id].map {
        Dates(es: "\($0.earlyStart)", ef: "\($0.earlyFinish)", ls: "\($0.lateStart)",
              lf: "\($0.lateFinish)", float: $0.floatDays)
    }
}

@Suite struct ScheduleHandWorkedTests {
    @Test func chainWithLags() throws {
        let plan = try schedule([
            // 03-02 + 5 - 1 = 03-06
            Task(id: "a", durationDays: 5),
            // 03-06 + 1 + lag 2 = 03-09; + 3 - 1 = 03-11
            Task(id: "b", durationDays: 3, after: [Dependency(taskID: "a", lagDays: 2)]),
            // 03-11 + 1 = 03-12; + 4 - 1 = 03-15
            Task(id: "c", durationDays: 4, after: [Dependency(taskID: "b")]),
        ])
        #expect(plan.projectStart == monday)
        #expect(plan.projectEnd == day("2026-03-15"))
        // A single chain has no slack anywhere: late dates equal early dates.
        #expect(dates(plan, "a") == Dates(es: "2026-03-02", ef: "2026-03-06", ls: "2026-03-02", lf: "2026-03-06", float: 0))
        #expect(dates(plan, "b") == Dates(es: "2026-03-09", ef: "2026-03-11", ls: "2026-03-09", lf: "2026-03-11", float: 0))
        #expect(dates(plan, "c") == Dates(es: "2026-03-12", ef: "2026-03-15", ls: "2026-03-12", lf: "2026-03-15", float: 0))
        #expect(plan.criticalTasks == ["a", "b", "c"])
        #expect(plan.criticalPaths.chains == [["a", "b", "c"]])
        #expect(plan.conflicts.isEmpty)
        #expect(plan.tasks.map(\.id) == ["a", "b", "c"])
        #expect(plan.tasks.filter(\.isCritical).count == 3)
    }

    @Test func diamondWithOneSlackBranch() throws {
        let plan = try schedule([
            // 03-02..03-03
            Task(id: "kickoff", durationDays: 2),
            // 03-04 + 3 - 1 = 03-06: the short branch
            Task(id: "short", durationDays: 3, after: [Dependency(taskID: "kickoff")]),
            // 03-04 + 10 - 1 = 03-13: the long branch
            Task(id: "long", durationDays: 10, after: [Dependency(taskID: "kickoff")]),
            // max(03-13 + 1, 03-06 + 1) = 03-14, one day
            Task(id: "join", durationDays: 1, after: [Dependency(taskID: "long"), Dependency(taskID: "short")]),
        ])
        #expect(plan.projectEnd == day("2026-03-14"))
        // Backward: join LF = end 03-14, LS 03-14. Both branches: LF = 03-14 - 1 = 03-13.
        // long LS = 03-13 - 10 + 1 = 03-04 (float 0); short LS = 03-13 - 3 + 1 = 03-11,
        // float 03-11 - 03-04 = 7. kickoff LF = min(03-04, 03-11) - 1 = 03-03.
        #expect(dates(plan, "kickoff") == Dates(es: "2026-03-02", ef: "2026-03-03", ls: "2026-03-02", lf: "2026-03-03", float: 0))
        #expect(dates(plan, "short") == Dates(es: "2026-03-04", ef: "2026-03-06", ls: "2026-03-11", lf: "2026-03-13", float: 7))
        #expect(dates(plan, "long") == Dates(es: "2026-03-04", ef: "2026-03-13", ls: "2026-03-04", lf: "2026-03-13", float: 0))
        #expect(dates(plan, "join") == Dates(es: "2026-03-14", ef: "2026-03-14", ls: "2026-03-14", lf: "2026-03-14", float: 0))
        #expect(plan[id: "short"]?.isCritical == false)
        #expect(plan.criticalTasks == ["kickoff", "long", "join"])
        #expect(plan.criticalPaths.chains == [["kickoff", "long", "join"]])
    }

    @Test func milestoneLetsSuccessorsStartTheSameDay() throws {
        let plan = try schedule([
            // 03-02..03-04
            Task(id: "prep", durationDays: 3),
            // 03-04 + 1 = 03-05; a milestone finishes the day it starts; its days are ignored
            Task(id: "go-live", durationDays: 7, isMilestone: true, after: [Dependency(taskID: "prep")]),
            // 03-05 + 0 = 03-05 (same day as the milestone); 03-05..03-06
            Task(id: "launch", durationDays: 2, after: [Dependency(taskID: "go-live")]),
            // 03-05 + 0 + lag 1 = 03-06, one day
            Task(id: "promo", durationDays: 1, after: [Dependency(taskID: "go-live", lagDays: 1)]),
        ])
        #expect(plan.projectEnd == day("2026-03-06"))
        // Backward: launch and promo end on 03-06 (LS 03-05 and 03-06).
        // go-live LF = min(03-05 - 0, 03-06 - 1) = 03-05 (no +1 gap after a milestone).
        // prep LF = 03-05 - 1 = 03-04, LS = 03-02.
        #expect(dates(plan, "prep") == Dates(es: "2026-03-02", ef: "2026-03-04", ls: "2026-03-02", lf: "2026-03-04", float: 0))
        #expect(dates(plan, "go-live") == Dates(es: "2026-03-05", ef: "2026-03-05", ls: "2026-03-05", lf: "2026-03-05", float: 0))
        #expect(dates(plan, "launch") == Dates(es: "2026-03-05", ef: "2026-03-06", ls: "2026-03-05", lf: "2026-03-06", float: 0))
        #expect(dates(plan, "promo") == Dates(es: "2026-03-06", ef: "2026-03-06", ls: "2026-03-06", lf: "2026-03-06", float: 0))
        #expect(plan[id: "go-live"]?.durationDays == 0)
        #expect(plan[id: "go-live"]?.isMilestone == true)
        // go-live and launch share 03-05: input order breaks the tie.
        #expect(plan.criticalTasks == ["prep", "go-live", "launch", "promo"])
        // launch and promo run side by side after go-live: two chains, not
        // "prep → go-live → launch → promo". go-live drives launch (03-05 + 0)
        // and promo (03-05 + 0 + lag 1 = 03-06).
        #expect(plan.criticalPaths.chains == [["prep", "go-live", "launch"], ["prep", "go-live", "promo"]])
        #expect(plan.criticalPaths.count == 2)
        #expect(plan.criticalPaths.through("launch") == [["prep", "go-live", "launch"]])
    }

    @Test func milestoneAfterATaskFallsOnTheNextDay() throws {
        let plan = try schedule([
            Task(id: "work", durationDays: 4),  // 03-02..03-05
            Task(id: "done", durationDays: 0, isMilestone: true, after: [Dependency(taskID: "work")]),  // 03-06
        ])
        #expect(dates(plan, "done") == Dates(es: "2026-03-06", ef: "2026-03-06", ls: "2026-03-06", lf: "2026-03-06", float: 0))
        #expect(plan.projectEnd == day("2026-03-06"))
    }

    @Test func pinnedTaskThatItsDependenciesCannotMeet() throws {
        let plan = try schedule([
            // 03-02..03-06
            Task(id: "design", durationDays: 5),
            // 03-06 + 1 + lag 1 = 03-08; 03-08..03-09
            Task(id: "review", durationDays: 2, after: [Dependency(taskID: "design", lagDays: 1)]),
            // Pinned to 03-05, but design allows 03-07 and review only 03-10:
            // placed on 03-10, 03-10..03-12, and review is named as the cause.
            Task(id: "shoot", start: day("2026-03-05"), durationDays: 3,
                 after: [Dependency(taskID: "design"), Dependency(taskID: "review")]),
        ])
        let expected = PinnedStartConflict(
            taskID: "shoot", pinnedStart: day("2026-03-05"), earliestAllowedStart: day("2026-03-10"),
            forcedBy: Dependency(taskID: "review"))
        #expect(plan.conflicts == [expected])
        #expect(plan[id: "shoot"]?.conflict == expected)
        #expect(expected.slipDays == 5)
        #expect(plan[id: "review"]?.conflict == nil)
        #expect(dates(plan, "shoot") == Dates(es: "2026-03-10", ef: "2026-03-12", ls: "2026-03-10", lf: "2026-03-12", float: 0))
        #expect(plan.projectEnd == day("2026-03-12"))
        #expect(plan.criticalTasks == ["design", "review", "shoot"])
        // design allows shoot on 03-07, review on 03-10 (its date): only review drives it.
        #expect(plan.criticalPaths.chains == [["design", "review", "shoot"]])
    }

    @Test func conflictNamesTheFirstWrittenDependencyOnATie() throws {
        let plan = try schedule([
            Task(id: "p", durationDays: 3),  // 03-02..03-04 -> allows 03-05
            Task(id: "q", durationDays: 2, after: [Dependency(taskID: "p", lagDays: -2)]),  // 03-03..03-04 -> allows 03-05
            Task(id: "r", start: day("2026-03-02"), durationDays: 1,
                 after: [Dependency(taskID: "q"), Dependency(taskID: "p")]),
        ])
        #expect(plan.conflicts.map(\.forcedBy) == [Dependency(taskID: "q")])
        #expect(plan.conflicts.map(\.earliestAllowedStart) == [day("2026-03-05")])
    }

    @Test func pinnedTaskWithSlackKeepsItsDateAndItsFloat() throws {
        let plan = try schedule([
            // 03-02..03-05
            Task(id: "a", durationDays: 4),
            // 03-06 + 10 - 1 = 03-15
            Task(id: "b", durationDays: 10, after: [Dependency(taskID: "a")]),
            // a allows 03-06, pinned later to 03-09: kept, no conflict; 03-09..03-10
            Task(id: "c", start: day("2026-03-09"), durationDays: 2, after: [Dependency(taskID: "a")]),
            // fixed start only: 03-04..03-05
            Task(id: "d", start: day("2026-03-04"), durationDays: 2),
        ])
        #expect(plan.conflicts.isEmpty)
        #expect(plan.projectEnd == day("2026-03-15"))
        // c has no successors: LF = end 03-15, LS = 03-14; the pin does not cap
        // the late dates, so float = 03-14 - 03-09 = 5.
        #expect(dates(plan, "c") == Dates(es: "2026-03-09", ef: "2026-03-10", ls: "2026-03-14", lf: "2026-03-15", float: 5))
        // d: LS = 03-14, float = 03-14 - 03-04 = 10.
        #expect(dates(plan, "d") == Dates(es: "2026-03-04", ef: "2026-03-05", ls: "2026-03-14", lf: "2026-03-15", float: 10))
        // a: LF = min(b LS 03-06, c LS 03-14) - 1 = 03-05.
        #expect(dates(plan, "a") == Dates(es: "2026-03-02", ef: "2026-03-05", ls: "2026-03-02", lf: "2026-03-05", float: 0))
        #expect(plan.criticalTasks == ["a", "b"])
        #expect(plan.criticalPaths.chains == [["a", "b"]])
    }

    @Test func criticalPathIsOrderedByEarlyStartThenInputOrder() throws {
        let plan = try schedule([
            Task(id: "zeta", durationDays: 3, after: [Dependency(taskID: "alpha")]),  // 03-05..03-07
            Task(id: "omega", durationDays: 3, after: [Dependency(taskID: "alpha")]),  // 03-05..03-07
            Task(id: "alpha", durationDays: 3),  // 03-02..03-04
            Task(id: "beta", durationDays: 3),  // 03-02..03-04, float 3
        ])
        #expect(plan.criticalTasks == ["alpha", "zeta", "omega"])
        // zeta and omega both wait for alpha and run in parallel; successors in input order.
        #expect(plan.criticalPaths.chains == [["alpha", "zeta"], ["alpha", "omega"]])
        #expect(plan[id: "beta"]?.floatDays == 3)
    }

    @Test func aTaskPinnedLaterThanItsDependencyAllowsStartsItsOwnChain() throws {
        let plan = try schedule([
            // 03-02..03-04; it allows its successor from 03-05.
            Task(id: "early", durationDays: 3),
            // Pinned to 03-06, a day after early allows: 03-06..03-07.
            Task(id: "pinned", start: day("2026-03-06"), durationDays: 2, after: [Dependency(taskID: "early")]),
            // 03-08 + 4 - 1 = 03-11.
            Task(id: "last", durationDays: 4, after: [Dependency(taskID: "pinned")]),
            // Alone: 03-02 + 10 - 1 = 03-11, the same end.
            Task(id: "solo", durationDays: 10),
        ])
        #expect(plan.projectEnd == day("2026-03-11"))
        // Backward: last LS 03-08, pinned LF 03-07 LS 03-06 (float 0); early LF
        // 03-05, LS 03-03: float 1, so not critical and not on a chain.
        #expect(plan[id: "early"]?.floatDays == 1)
        #expect(plan.criticalTasks == ["solo", "pinned", "last"])
        // solo starts first (03-02), the pinned chain on 03-06.
        #expect(plan.criticalPaths.chains == [["solo"], ["pinned", "last"]])
    }

    @Test func manyParallelBranchesAreCountedAndTheListIsCapped() throws {
        // Ten diamonds in a row: each has two 2-day branches between joins, so
        // every branch is critical and there are 2^10 = 1024 chains.
        var tasks = [Task(id: "j0", durationDays: 1)]
        for diamond in 1...10 {
            tasks.append(Task(id: "a\(diamond)", durationDays: 2, after: [Dependency(taskID: "j\(diamond - 1)")]))
            tasks.append(Task(id: "b\(diamond)", durationDays: 2, after: [Dependency(taskID: "j\(diamond - 1)")]))
            tasks.append(Task(id: "j\(diamond)", durationDays: 1,
                              after: [Dependency(taskID: "a\(diamond)"), Dependency(taskID: "b\(diamond)")]))
        }
        let plan = try schedule(tasks)
        #expect(plan.criticalPaths.count == 1024)
        #expect(plan.criticalPaths.chains.count == CriticalPaths.limit)
        // The first chain takes the first branch everywhere; the second differs in the last diamond only.
        let allA = ["j0"] + (1...10).flatMap { ["a\($0)", "j\($0)"] }
        #expect(plan.criticalPaths.chains.first == allA)
        var lastB = allA
        lastB[lastB.count - 2] = "b10"
        #expect(plan.criticalPaths.chains.dropFirst().first == lastB)
    }

    @Test func emptyPlanEndsWhereItStarts() throws {
        let plan = try schedule([])
        #expect(plan.projectEnd == monday)
        #expect(plan.tasks.isEmpty)
        #expect(plan.criticalTasks.isEmpty)
        #expect(plan.criticalPaths.chains.isEmpty && plan.criticalPaths.count == 0)
        #expect(plan[id: "anything"] == nil)
    }

    @Test func invalidPlansAreRefusedWithTheReason() {
        #expect(throws: ScheduleError.duplicateTaskID("a")) {
            try schedule([Task(id: "a", durationDays: 1), Task(id: "a", durationDays: 2)])
        }
        #expect(throws: ScheduleError.nonPositiveDuration(taskID: "a", days: 0)) {
            try schedule([Task(id: "a", durationDays: 0)])
        }
        // A milestone needs no duration.
        #expect(throws: Never.self) {
            try schedule([Task(id: "m", durationDays: 0, isMilestone: true)])
        }
    }
}
