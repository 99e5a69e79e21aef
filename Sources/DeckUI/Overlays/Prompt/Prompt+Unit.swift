import CampaignCore
import CampaignText
import Foundation

/// A prompt takes every key until Enter or Esc.
extension Prompt: OverlayUnit {
    func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect]? {
        var prompt = self
        if key == .tab || key == .backTab, let names = prompt.completesTasks(state.plan) {
            state.message = LineCompletion.press(key == .tab ? 1 : -1, field: &prompt.field, cycle: &prompt.completion) { before in
                let choices = names.completions(of: before)
                guard !choices.isEmpty else { return .noMatch(.task, typed: before) }
                return .choices(.init(start: 0, typed: before, choices: choices, spaceAfter: false, quoteBlanks: false))
            }
            state.overlay = .prompt(prompt)
            return []
        }
        prompt.completion = nil
        switch prompt.field.handle(key) {
        case .cancelled:
            state.overlay = nil
            state.message = Phrase.promptCancelled.text()
            if purpose == .saveAs { PlanSaving.giveUp(&state) }
            return []
        case .submitted(let text):
            state.overlay = nil
            switch PromptAnswer.submit(purpose, text.trimmingCharacters(in: .whitespaces), &state) {
            case .accepted(let effects):
                return effects
            case .refused:
                // A refused plan edit keeps the prompt open with the text, so a
                // rule with a typo is fixed rather than typed again.
                state.overlay = .prompt(prompt)
                return []
            }
        case .editing, .ignored:
            state.overlay = .prompt(prompt)
            return []
        }
    }

    /// The tasks Tab offers: in the prompts that name a task (`A`, `R`).
    func completesTasks(_ plan: Plan) -> PlanNames? {
        switch purpose {
        case .addDependency, .removeDependency: return PlanNames(.task, in: plan)
        default: return nil
        }
    }

    func hints(_ keys: KeyRegistry) -> [(keys: String, hint: String)]? { [("Enter", Phrase.hintApply.text()), ("Esc", Phrase.hintCancel.text())] }

    func draw(_ state: DeckState, grid: inout CellGrid) {
        PromptBox.draw(self, state: state, grid: &grid)
    }
}
