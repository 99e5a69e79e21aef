import CampaignCore
@testable import DeckUI
import Testing

/// Editing keys on the built-in demo plan (kickoff on 2026-03-02 for a day;
/// segment-analysis waits for it, four days from 03-03).
@Suite struct DeckEditingTests {
    func editableState() throws -> DeckState {
        let document = PlanDocument(text: DemoCampaign.planText())
        let plan = try #require(document.plan)
        var state = DeckState(plan: plan, schedule: try? Schedule(computing: PlanScheduling.input(for: plan)),
                              editor: PlanEditHistory(document: document, savedText: document.text))
        _ = DeckUpdate.apply(.key(.character("2")), to: &state)
        return state
    }

    func press(_ keys: Key..., in state: inout DeckState) -> [DeckEffect] {
        keys.flatMap { DeckUpdate.apply(.key($0), to: &state) }
    }

    @Test func movingATaskMovesWhatWaitsForItAndUndoRestoresTheText() throws {
        var state = try editableState()
        _ = press(.character("L"), in: &state)
        #expect(state.plan.task("kickoff")?.start?.description == "2026-03-03")
        #expect(state.schedule?[id: "segment-analysis"]?.earlyStart.description == "2026-03-04")
        #expect(state.message?.hasPrefix("kickoff 1 day later, starts 2026-03-03; moved segment-analysis +1d") == true)
        #expect(state.hasUnsavedEdits)
        _ = press(.character("u"), in: &state)
        #expect(state.editor?.document.text == DemoCampaign.planText())
        #expect(state.plan.task("kickoff")?.start?.description == "2026-03-02")
        #expect(!state.hasUnsavedEdits)
        _ = press(.control("r"), in: &state)
        #expect(state.plan.task("kickoff")?.start?.description == "2026-03-03")
    }

    @Test func savingAsksTheAppAndAChangedFileBecomesAQuestion() throws {
        var state = try editableState()
        #expect(press(.control("s"), in: &state).isEmpty)
        #expect(state.message == "nothing to save")
        _ = press(.shiftRight, in: &state)
        let effects = press(.control("s"), in: &state)
        guard case .savePlan(let text, overwrite: false)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(text.contains("start: 2026-03-09"))
        _ = DeckUpdate.apply(.saveFinished(.changedOnDisk(path: "plan.yaml")), to: &state)
        #expect(state.overlay == .confirm(.overwriteChangedFile(path: "plan.yaml")))
        #expect(state.hasUnsavedEdits)
        // Only 'o' overwrites; anything else keeps asking.
        #expect(press(.character("x"), in: &state).isEmpty)
        #expect(press(.character("o"), in: &state) == [.savePlan(text: text, overwrite: true)])
        // The app is told what the file now holds: its alert rules are the saved ones again.
        #expect(DeckUpdate.apply(.saveFinished(.saved(path: "plan.yaml", text: text)), to: &state) == [.planSaved(PlanVersion(PlanDocument(text: text))!)])
        #expect(!state.hasUnsavedEdits)
        #expect(state.message == "saved plan.yaml")
    }

    @Test func reloadingTheirVersionKeepsOursOneUndoAway() throws {
        var state = try editableState()
        _ = press(.character("L"), in: &state)
        let ours = try #require(state.editor?.document.text)
        let theirs = DemoCampaign.planText() + "# a colleague's comment\n"
        _ = DeckUpdate.apply(.saveFinished(.changedOnDisk(path: "plan.yaml")), to: &state)
        #expect(press(.character("r"), in: &state) == [.reloadPlan])
        #expect(DeckUpdate.apply(.reloadFinished(.loaded(text: theirs)), to: &state)
                == [.planEdited(PlanVersion(PlanDocument(text: theirs))!), .planSaved(PlanVersion(PlanDocument(text: theirs))!)])
        #expect(state.editor?.document.text == theirs)
        #expect(!state.hasUnsavedEdits)
        #expect(state.plan.task("kickoff")?.start?.description == "2026-03-02")
        _ = press(.character("u"), in: &state)
        #expect(state.editor?.document.text == ours)
        #expect(state.hasUnsavedEdits)
        // A broken file on disk is not taken.
        _ = DeckUpdate.apply(.reloadFinished(.loaded(text: "tasks: [")), to: &state)
        #expect(state.editor?.document.text == ours)
        #expect(state.message?.hasPrefix("not reloaded") == true)
    }

    @Test func aSaveAsThatFailsAsksAgainWithTheSameName() throws {
        var state = try editableState()
        state.editor = PlanEditHistory(document: state.editor!.document, savedText: nil) // the demo: no file
        _ = press(.character("L"), in: &state)
        _ = DeckUpdate.apply(.saveFinished(.needsPath), to: &state)
        guard case .prompt(var prompt)? = state.overlay else { Issue.record("no save-as prompt"); return }
        prompt.text = "taken.yaml"
        state.overlay = .prompt(prompt)
        #expect(press(.enter, in: &state) == [.savePlanAs(path: "taken.yaml", text: state.editor!.document.text)])
        _ = DeckUpdate.apply(.saveFinished(.failed("it already exists (taken.yaml)")), to: &state)
        #expect(state.overlay == .prompt(Prompt(.saveAs, text: "taken.yaml")))
        #expect(state.message == "not saved: it already exists (taken.yaml)")
    }

    @Test func aPlanFileDeletedBehindUsIsWrittenAgainOnlyWhenAsked() throws {
        var state = try editableState()
        _ = press(.character("L"), in: &state)
        let text = state.editor!.document.text
        _ = DeckUpdate.apply(.saveFinished(.deletedOnDisk(path: "plan.yaml")), to: &state)
        #expect(state.overlay == .confirm(.recreateDeletedFile(path: "plan.yaml")))
        #expect(press(.character("r"), in: &state).isEmpty, "no reload: there is nothing to reload")
        #expect(press(.character("o"), in: &state) == [.savePlan(text: text, overwrite: true)])
    }

    @Test func quittingWithUnsavedEditsAsks() throws {
        var state = try editableState()
        _ = press(.character(">"), in: &state)
        #expect(press(.character("q"), in: &state).isEmpty)
        #expect(state.overlay == .confirm(.quitWithUnsavedEdits))
        _ = press(.escape, in: &state)
        #expect(!state.quitting)
        _ = press(.character("q"), in: &state)
        #expect(press(.character("s"), in: &state).first.map { if case .savePlan = $0 { true } else { false } } == true)
        _ = DeckUpdate.apply(.saveFinished(.saved(path: "p.yaml", text: state.editor!.document.text)), to: &state)
        #expect(state.quitting)
    }

    @Test func aRefusedDependencyKeepsThePromptAndNamesTheCycle() throws {
        var state = try editableState()
        _ = press(.character("A"), in: &state)
        for character in "creative-brief" { _ = press(.character(character), in: &state) }
        _ = press(.enter, in: &state)
        #expect(state.message?.hasPrefix("refused: that makes a cycle: kickoff → creative-brief → segment-analysis → kickoff") == true)
        // The refused text stays, to be fixed (no longer a suggestion: typing edits it).
        #expect(KeyTyping.prompt(state)?.purpose == .addDependency("kickoff"))
        #expect(KeyTyping.prompt(state)?.text == "creative-brief")
        #expect(!state.hasUnsavedEdits)
    }

    @Test func theRulePromptShowsTheErrorColumnAsYouType() throws {
        var state = try editableState()
        _ = press(.character("1"), .character("r"), in: &state)
        guard case .prompt(var prompt)? = state.overlay else { Issue.record("no prompt"); return }
        prompt.text = "recency_days > 90 and"
        state.overlay = .prompt(prompt)
        let screen = DeckRenderer.render(state, columns: 100, rows: 30).lines().joined(separator: "\n")
        let error = try #require(ExpressionCheck.segmentRule(prompt.text, plan: state.plan))
        #expect(screen.contains("column \(error.column): \(error.message)"))
    }

    @Test func theWalkthroughStepsThroughFiveItems() throws {
        var state = try editableState()
        #expect(press(.character("w"), in: &state) == [.walkthrough(active: true)])
        #expect(state.overlay == .walkthrough(step: 0))
        _ = press(.character("n"), .character("n"), .character("p"), in: &state)
        #expect(state.overlay == .walkthrough(step: 1))
        _ = press(.character("n"), .character("n"), .character("n"), in: &state)
        #expect(press(.character("n"), in: &state) == [.walkthrough(active: false)])
        #expect(state.overlay == nil)
        // Jumping to a pane closes it too, and the app is told.
        _ = press(.character("w"), in: &state)
        #expect(press(.character("3"), in: &state) == [.walkthrough(active: false)])
        #expect(state.focus == .kpis)
    }
}

@Suite struct GanttSelectionOrderTests {
    /// Tasks written out of phase order: the chart groups them (prep: a, c; run: b),
    /// and j walks the chart's order, not the file's.
    @Test func jWalksTasksInTheOrderTheChartShowsThem() throws {
        let text = """
        campaign: { id: t, name: T, timezone: UTC, start: 2026-03-02, budget: 1 }
        phases:
          - { id: prep, name: Prep, weeks: 1 }
          - { id: run, name: Run, weeks: 2 }
        tasks:
          - { id: a, name: A, phase: prep, start: 2026-03-02, days: 1 }
          - { id: b, name: B, phase: run, start: 2026-03-09, days: 1 }
          - { id: c, name: C, phase: prep, start: 2026-03-03, days: 1 }

        """
        let plan = try #require(PlanDocument(text: text).plan)
        var state = DeckState(plan: plan, schedule: try? Schedule(computing: PlanScheduling.input(for: plan)))
        _ = DeckUpdate.apply(.key(.character("2")), to: &state)
        var seen = [plan.tasks[state.selected(.gantt)].id]
        for _ in 0..<3 {
            _ = DeckUpdate.apply(.key(.character("j")), to: &state)
            seen.append(plan.tasks[state.selected(.gantt)].id)
        }
        #expect(seen == ["a", "c", "b", "b"])
        _ = DeckUpdate.apply(.key(.character("k")), to: &state)
        #expect(plan.tasks[state.selected(.gantt)].id == "c")
    }
}
