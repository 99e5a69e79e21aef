/// Latest dates: how late each task may run without moving the project end.
///
/// A fixed `start` is a "start no earlier than" constraint: it bounds the early
/// dates only, never the late ones, so float measures real room to slip.
struct BackwardPass {
    var lateStart: [Day]
    var lateFinish: [Day]

    /// `order` must be topological; it is walked backwards so every successor
    /// is dated before the tasks it waits for.
    init(_ tasks: [ScheduleInput.Task], graph: DependencyGraph, order: [Int], projectEnd: Day) {
        lateFinish = [Day](repeating: projectEnd, count: tasks.count)
        lateStart = lateFinish
        for index in order.reversed() {
            let task = tasks[index]
            // Capped at the project end even with successors: with a negative lag a
            // successor could otherwise let this task run past the end, which would
            // move the end (it is the latest early finish of all tasks).
            var finish = projectEnd
            for edge in graph.successors[index] {
                finish = min(finish, lateStart[edge.task] + (-edge.lagDays - task.successorGap))
            }
            lateFinish[index] = finish
            lateStart[index] = finish + (-task.finishOffset)
        }
    }
}
