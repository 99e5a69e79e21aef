import CampaignCore
@testable import DeckUI
import Testing

private typealias K = KeyTyping

/// Edits are never lost or mangled by a key that meant something else:
/// Ctrl-C, a save after "reload theirs" and `u`, a suggestion typed over, a
/// failed command, a save under another name.
@Suite struct EditingSafetyTests {
    /// The demo with one unsaved edit (kickoff a day later), Gantt focused.
    func edited() -> DeckState {
        var state = K.editableDemo()
        K.press(.character("2"), .character("L"), in: &state)
        return state
    }

    @Test func ctrlCWithUnsavedEditsAsksAsQDoes() {
        var state = edited()
        #expect(K.press(.control("c"), in: &state).isEmpty)
        #expect(state.overlay == .confirm(.quitWithUnsavedEdits))
        #expect(!state.quitting)
        // Ctrl-C again backs out of the question: the edits stay.
        #expect(K.press(.control("c"), in: &state).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.hasUnsavedEdits && !state.quitting)
    }

    @Test func ctrlCWithNothingUnsavedQuits() {
        var state = K.editableDemo()
        #expect(K.press(.control("c"), in: &state) == [.quit])
        #expect(state.quitting)
    }

    @Test func ctrlCInAPromptCancelsIt() {
        var state = edited()
        K.press(.character("o"), in: &state)
        K.press(.control("c"), in: &state)
        #expect(state.overlay == nil)
        #expect(state.message == "cancelled")
    }

    /// Their file has budget 1300000 where ours (from before the reload) has
    /// 1200000: after "reload theirs" and `u`, Ctrl-S must not write ours over it unasked.
    @Test func aSaveAfterReloadingTheirsAndUndoingAsksBeforeOverwritingTheirs() throws {
        var state = edited()
        let ours = state.editor!.document.text
        #expect(ours.contains("budget: 1200000"))
        let theirs = DemoCampaign.planText().replacingOccurrences(of: "budget: 1200000", with: "budget: 1300000")
        #expect(theirs != DemoCampaign.planText())
        K.press(.control("s"), in: &state)
        _ = DeckUpdate.apply(.saveFinished(.changedOnDisk(path: "plan.yaml")), to: &state)
        #expect(K.press(.character("r"), in: &state) == [.reloadPlan])
        _ = DeckUpdate.apply(.reloadFinished(.loaded(text: theirs)), to: &state)
        K.press(.character("u"), in: &state)
        #expect(state.editor?.document.text == ours)
        #expect(K.press(.control("s"), in: &state).isEmpty, "nothing is written unasked")
        #expect(state.overlay == .confirm(.overwriteReloadedVersion))
        // Esc: nothing written, ours still here and unsaved.
        #expect(K.press(.escape, in: &state).isEmpty)
        #expect(state.hasUnsavedEdits && state.saving == nil)
        // Asked again, `o` writes ours over theirs; afterwards saves no longer ask.
        K.press(.control("s"), in: &state)
        #expect(K.press(.character("o"), in: &state) == [.savePlan(text: ours, overwrite: true)])
        _ = DeckUpdate.apply(.saveFinished(.saved(path: "plan.yaml", text: ours)), to: &state)
        K.press(.character("L"), in: &state)
        guard case .savePlan(_, overwrite: false)? = K.press(.control("s"), in: &state).first else {
            Issue.record("a save after ours was written should not ask")
            return
        }
    }

    @Test func editsMadeOnTopOfTheirReloadedVersionSaveWithoutAsking() throws {
        var state = edited()
        let theirs = DemoCampaign.planText().replacingOccurrences(of: "budget: 1200000", with: "budget: 1300000")
        _ = DeckUpdate.apply(.saveFinished(.changedOnDisk(path: "plan.yaml")), to: &state)
        K.press(.character("r"), in: &state)
        _ = DeckUpdate.apply(.reloadFinished(.loaded(text: theirs)), to: &state)
        K.press(.character("L"), in: &state)
        let effects = K.press(.control("s"), in: &state)
        #expect(effects == [.savePlan(text: state.editor!.document.text, overwrite: false)])
        #expect(state.editor!.document.text.contains("budget: 1300000"))
        // Undo past their version and redo up to it again: building on theirs, no question.
        var back = state
        _ = DeckUpdate.apply(.saveFinished(.failed("disk full")), to: &back)
        K.press(.character("u"), .character("u"), in: &back)
        #expect(back.editor?.overwritesReloadedVersion == true)
        K.press(.control("r"), .control("r"), in: &back)
        #expect(back.editor?.overwritesReloadedVersion == false)
    }

    /// The `A` prompt's hint says "'id+2d' adds two days".
    @Test func aDependencyWithALagIsAccepted() {
        var state = K.editableDemo()
        K.command("goto crm-setup", in: &state)
        #expect(K.selectedTask(state) == "crm-setup")
        K.press(.character("A"), in: &state)
        K.type("kickoff+2d", in: &state)
        K.press(.enter, in: &state)
        #expect(state.overlay == nil, "accepted: \(state.message ?? "")")
        let after = state.plan.task("crm-setup")?.after.map(\.text)
        #expect(after == ["segment-analysis", "kickoff+2d"])
        #expect(state.plan.task("crm-setup")?.after.last?.lagDays == 2)
        #expect(state.editor!.document.text.contains("after: [segment-analysis, kickoff+2d]"))
    }

    @Test func aSuggestedFileNameIsReplacedByTyping() {
        var state = edited()
        state.editor = PlanEditHistory(document: state.editor!.document, savedText: nil) // the demo: no file
        K.press(.character("L"), in: &state)
        _ = DeckUpdate.apply(.saveFinished(.needsPath), to: &state)
        #expect(state.overlay == .prompt(Prompt(.saveAs, text: "campaign.yaml")))
        K.type("demo-copy.yaml", in: &state)
        #expect(K.press(.enter, in: &state) == [.savePlanAs(path: "demo-copy.yaml", text: state.editor!.document.text)])
    }

    @Test func arrowsHomeAndEndKeepTheSuggestionForEditing() {
        var state = edited()
        K.press(.character("g"), .character("o"), in: &state) // kickoff's owner: 项目经理
        K.press(.end, in: &state)
        K.type("A", in: &state)
        guard case .prompt(let prompt)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.text == "项目经理A")

        var left = edited()
        K.press(.character("g"), .character("o"), .left, in: &left)
        K.type("B", in: &left)
        guard case .prompt(let leftPrompt)? = left.overlay else { Issue.record("no prompt"); return }
        #expect(leftPrompt.text == "项目经B理")

        var home = edited()
        K.press(.character("g"), .character("o"), .home, in: &home)
        K.type("C", in: &home)
        K.press(.delete, in: &home)
        guard case .prompt(let homePrompt)? = home.overlay else { Issue.record("no prompt"); return }
        #expect(homePrompt.text == "C目经理")

        var typed = edited()
        K.press(.character("g"), .character("o"), in: &typed)
        K.type("Li Wei", in: &typed)
        K.press(.enter, in: &typed)
        #expect(typed.plan.task("kickoff")?.owner == "Li Wei")
    }

    @Test func aFailedCommandLeavesAnEmptyLineAndTheErrorInTheLog() {
        var state = K.editableDemo()
        K.command("mvoe kickoff +1d", in: &state)
        guard case .inputLine(let line)? = state.overlay else { Issue.record("the line closed"); return }
        #expect(line.kind == .command && line.text.isEmpty)
        let error = "unknown command 'mvoe' (did you mean 'move'?)"
        #expect(state.message == error)
        #expect(state.messages.log.last?.text == error)
        // What failed is one ↑ away.
        K.press(.up, in: &state)
        guard case .inputLine(let recalled)? = state.overlay else { Issue.record("the line closed"); return }
        #expect(recalled.text == "mvoe kickoff +1d")
        // A refused edit empties the line too.
        K.press(.escape, in: &state)
        K.command("after kickoff creative-brief", in: &state) // a cycle
        guard case .inputLine(let refused)? = state.overlay else { Issue.record("the line closed"); return }
        #expect(refused.text.isEmpty)
        #expect(state.message?.hasPrefix("refused: that makes a cycle") == true)
        #expect(!state.hasUnsavedEdits)
    }

    @Test func writeWithAPathSavesUnderThatName() {
        var state = edited()
        let text = state.editor!.document.text
        #expect(K.command("w other.yaml", in: &state) == [.savePlanAs(path: "other.yaml", text: text)])
        #expect(state.overlay == nil)
        #expect(DeckUpdate.apply(.saveFinished(.saved(path: "other.yaml", text: text)), to: &state)
                == [.planSaved(PlanVersion(PlanDocument(text: text))!)])
        #expect(state.message == "saved other.yaml")
        #expect(!state.hasUnsavedEdits)
        // A name with a space needs no quotes.
        K.press(.character("L"), in: &state)
        #expect(K.command("w my plan.yaml", in: &state) == [.savePlanAs(path: "my plan.yaml", text: state.editor!.document.text)])
    }

    @Test func aFailedRewriteOfADeletedFileSaysWhereElseToSave() {
        var state = edited()
        _ = DeckUpdate.apply(.saveFinished(.deletedOnDisk(path: "gone/plan.yaml")), to: &state)
        K.press(.character("o"), in: &state)
        _ = DeckUpdate.apply(.saveFinished(.failed("no such folder: gone")), to: &state)
        #expect(state.message == "not saved: no such folder: gone (:w PATH saves under another name)")
        #expect(state.hasUnsavedEdits)
    }
}
