import CampaignCore
@testable import DeckUI
import Testing

/// Until the user turns to the Gantt, its selected row is the task at today,
/// so the rows on screen are those the chart's days show. Expected tasks are
/// read off the demo's schedule (`plan schedule demo`): the prep tasks end by
/// 03-14, the launch ones by 03-22; `creative` runs 03-23 to 04-26; `close`
/// is the last task (05-05). Screen order is by phase.
@Suite struct GanttRowsFollowTodayTests {
    func state() throws -> DeckState {
        let plan = try #require(PlanLoader.load(yaml: DemoCampaign.planText()).plan)
        return DeckState(plan: plan, schedule: try Schedule(computing: PlanScheduling.input(for: plan)))
    }

    func frame(today: Day?) -> DeckAction {
        var snapshot = DashboardSnapshot()
        snapshot.today = today
        return .data(snapshot)
    }

    func selectedTask(_ state: DeckState) -> String { state.plan.tasks[state.selected(.gantt)].id }

    @Test func theSelectionIsTheFirstTaskNotFinishedByToday() throws {
        var state = try state()
        _ = DeckUpdate.apply(frame(today: Day(year: 2026, month: 3, day: 3)), to: &state)
        #expect(selectedTask(state) == "segment-analysis", "kickoff ended 03-02")
        _ = DeckUpdate.apply(frame(today: Day(year: 2026, month: 4, day: 22)), to: &state)
        #expect(selectedTask(state) == "creative", "the first run-phase task, under way until 04-26")
        _ = DeckUpdate.apply(frame(today: Day(year: 2026, month: 5, day: 10)), to: &state)
        #expect(selectedTask(state) == "close", "after the last finish: the last task")
    }

    @Test func onceTheUserTurnsToTheGanttTheSelectionIsTheirs() throws {
        var state = try state()
        _ = DeckUpdate.apply(frame(today: Day(year: 2026, month: 4, day: 22)), to: &state)
        _ = DeckUpdate.apply(.key(.character("2")), to: &state)
        _ = DeckUpdate.apply(.key(.character("k")), to: &state)
        let chosen = selectedTask(state)
        _ = DeckUpdate.apply(frame(today: Day(year: 2026, month: 5, day: 10)), to: &state)
        #expect(selectedTask(state) == chosen)
        #expect(chosen != "close")
    }

    @Test func withoutADayNothingMoves() throws {
        var state = try state()
        _ = DeckUpdate.apply(frame(today: nil), to: &state)
        #expect(selectedTask(state) == "kickoff")
    }
}
