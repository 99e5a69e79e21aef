import CampaignCore
@testable import DeckUI
import Testing

/// `D` selects the copy it made, so `D` then `d` removes that copy — also
/// when `kickoff-copy` exists already and the new one is `kickoff-copy2`.
@Suite struct DeckDuplicateSelectionTests {
    func selectedTask(_ state: DeckState) -> String? {
        state.visibleSelection(.gantt).map { state.plan.tasks[$0].id }
    }

    @Test func aSecondCopyIsTheOneSelectedAndDeleted() throws {
        let document = PlanDocument(text: DemoCampaign.planText())
        let plan = try #require(document.plan)
        var state = DeckState(plan: plan, schedule: try? Schedule(computing: PlanScheduling.input(for: plan)),
                              editor: PlanEditHistory(document: document, savedText: document.text))
        _ = DeckUpdate.apply(.key(.character("2")), to: &state)
        #expect(selectedTask(state) == "kickoff")
        _ = DeckUpdate.apply(.key(.character("D")), to: &state)
        #expect(selectedTask(state) == "kickoff-copy")
        _ = DeckUpdate.apply(.key(.character("k")), to: &state)
        #expect(selectedTask(state) == "kickoff")
        _ = DeckUpdate.apply(.key(.character("D")), to: &state)
        #expect(state.message == "duplicated kickoff as kickoff-copy2")
        #expect(selectedTask(state) == "kickoff-copy2")
        _ = DeckUpdate.apply(.key(.character("d")), to: &state)
        #expect(state.plan.task("kickoff-copy2") == nil)
        #expect(state.plan.task("kickoff-copy") != nil, "the first copy stays")
    }
}
