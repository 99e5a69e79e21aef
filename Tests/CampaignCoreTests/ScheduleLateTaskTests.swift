import CampaignCore
import Testing

private typealias Task = ScheduleInput.Task
private typealias Dependency = ScheduleInput.Dependency
private func day(_ iso: String) -> Day { Day(iso: iso)! }

/// brief 03-02..03-04 (done), assets 03-05..03-09, review 03-10..03-11,
/// launch milestone 03-12, report 03-12, ads 03-02..03-05, recap 03-12.
private func campaign() throws -> Schedule {
    try Schedule(computing: ScheduleInput(projectStart: day("2026-03-02"), tasks: [
        Task(id: "brief", durationDays: 3, progress: 1),
        Task(id: "assets", durationDays: 5, after: [Dependency(taskID: "brief")], progress: 0.6),
        Task(id: "review", durationDays: 2, after: [Dependency(taskID: "assets")]),
        Task(id: "launch", durationDays: 0, isMilestone: true, after: [Dependency(taskID: "review")]),
        Task(id: "report", durationDays: 1, after: [Dependency(taskID: "launch")]),
        Task(id: "ads", start: day("2026-03-02"), durationDays: 4, progress: 0.5),
        // Waits on assets twice (directly and through review): listed once.
        Task(id: "recap", durationDays: 1, after: [Dependency(taskID: "assets", lagDays: 2), Dependency(taskID: "review")]),
    ]))
}

@Suite struct ScheduleLateTaskTests {
    @Test func lateTasksWithWhatTheyBlock() throws {
        let late = try campaign().lateTasks(today: day("2026-03-10"))
        // brief finished 03-04 but is done; assets was due 03-09 (1 day late);
        // ads was due 03-05 (5 days late) and blocks nothing.
        #expect(late.map(\.task.id) == ["assets", "ads"])
        #expect(late.map(\.daysLate) == [1, 5])
        #expect(late.first?.directlyBlocked == ["review", "recap"])
        #expect(late.first?.allBlocked == ["review", "launch", "report", "recap"])
        #expect(late.last?.directlyBlocked == [])
        #expect(late.last?.allBlocked == [])
    }

    @Test func aTaskIsNotLateOnItsFinishDay() throws {
        let plan = try campaign()
        #expect(plan[id: "assets"]?.isLate(today: day("2026-03-09")) == false)
        #expect(plan[id: "assets"]?.isLate(today: day("2026-03-10")) == true)
        #expect(plan.lateTasks(today: day("2026-03-09")).map(\.task.id) == ["ads"])
        #expect(plan.lateTasks(today: day("2026-03-01")).isEmpty)
    }

    @Test func downstreamLookups() throws {
        let plan = try campaign()
        #expect(plan.directSuccessors(of: "review") == ["launch", "recap"])
        #expect(plan.downstream(of: "review") == ["launch", "report", "recap"])
        #expect(plan.downstream(of: "report") == [])
        #expect(plan.downstream(of: "nope") == [])
    }
}
