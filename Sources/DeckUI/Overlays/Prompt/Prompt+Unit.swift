import CampaignText
import Foundation

/// A prompt takes every key until Enter or Esc.
extension Prompt: OverlayUnit {
    func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect]? {
        var prompt = self
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

    var hints: [(keys: String, hint: String)]? { [("Enter", Phrase.hintApply.text()), ("Esc", Phrase.hintCancel.text())] }

    func draw(_ state: DeckState, grid: inout CellGrid) {
        PromptBox.draw(self, state: state, grid: &grid)
    }
}
