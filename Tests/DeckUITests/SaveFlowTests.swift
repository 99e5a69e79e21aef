import CampaignCore
@testable import DeckUI
import Testing

private typealias K = KeyTyping

/// A save lasts from Ctrl-S until the plan is written or the user gives up
/// on it; what it meant to do afterwards (quit) must not outlive it. Before
/// the save became one value these leaked through a flag that only some
/// ways out cleared.
@Suite struct SaveFlowTests {
    /// The demo with one unsaved edit (kickoff a day later), Gantt focused.
    func edited() -> DeckState {
        var state = K.editableDemo()
        K.press(.character("2"), .character("L"), in: &state)
        return state
    }

    @Test func escAtTheNameAskedAfterSaveAndQuitMeansALaterSaveDoesNotQuit() {
        var state = edited()
        K.press(.character("q"), .character("s"), in: &state)
        _ = DeckUpdate.apply(.saveFinished(.needsPath), to: &state)
        #expect(state.overlay == .prompt(Prompt(.saveAs, text: "campaign.yaml")))
        K.press(.escape, in: &state)
        #expect(state.message == "cancelled")
        K.press(.character("L"), .control("s"), in: &state)
        let text = state.editor!.document.text
        #expect(DeckUpdate.apply(.saveFinished(.saved(path: "plan.yaml", text: text)), to: &state) == [.planSaved(PlanVersion(PlanDocument(text: text))!)])
        #expect(!state.quitting)
    }

    @Test func reloadingTheirsAtSaveAndQuitMeansALaterSaveDoesNotQuit() {
        var state = edited()
        K.press(.character("q"), .character("s"), in: &state)
        _ = DeckUpdate.apply(.saveFinished(.changedOnDisk(path: "plan.yaml")), to: &state)
        #expect(K.press(.character("r"), in: &state) == [.reloadPlan])
        _ = DeckUpdate.apply(.reloadFinished(.loaded(text: DemoCampaign.planText())), to: &state)
        K.press(.character("u"), in: &state) // ours back, unsaved
        #expect(state.hasUnsavedEdits)
        K.press(.control("s"), in: &state)
        let text = state.editor!.document.text
        #expect(DeckUpdate.apply(.saveFinished(.saved(path: "plan.yaml", text: text)), to: &state) == [.planSaved(PlanVersion(PlanDocument(text: text))!)])
        #expect(!state.quitting)
    }

    @Test func saveAndQuitStillQuitsAfterTheOverwriteQuestion() {
        var state = edited()
        K.press(.character("q"), .character("s"), in: &state)
        _ = DeckUpdate.apply(.saveFinished(.changedOnDisk(path: "plan.yaml")), to: &state)
        let text = state.editor!.document.text
        #expect(K.press(.character("o"), in: &state) == [.savePlan(text: text, overwrite: true)])
        #expect(DeckUpdate.apply(.saveFinished(.saved(path: "plan.yaml", text: text)), to: &state)
                == [.planSaved(PlanVersion(PlanDocument(text: text))!), .quit])
        #expect(state.quitting)
    }

    @Test func anEmptyNewTaskNameClosesThePromptWhateverWasRefusedBefore() {
        var state = edited()
        // kickoff waiting for creative-brief is a cycle: refused, the prompt stays.
        K.press(.character("g"), .character("A"), in: &state)
        K.type("creative-brief", in: &state)
        K.press(.enter, in: &state)
        // The refused text stays, to be fixed (no longer a suggestion: typing edits it).
        #expect(KeyTyping.prompt(state)?.purpose == .addDependency("kickoff"))
        #expect(KeyTyping.prompt(state)?.text == "creative-brief")
        K.press(.escape, in: &state)
        K.press(.character("a"), .enter, in: &state)
        #expect(state.message == "nothing entered")
        #expect(state.overlay == nil, "as it closes when nothing was refused before")
    }
}
