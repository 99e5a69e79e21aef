import CampaignCore
import CampaignText

/// The `a` prompt's answer: `qa-check 验收检查` (an id, then a name) or just
/// a name, `素材二审`, for which an id is made (`TaskIDs`) and said, so the
/// person knows what `:move`, `after:` and the file call the task.
enum NewTaskAnswer {
    static func submit(_ text: String, after previous: String, _ state: inout DeckState) -> PromptAnswer.Outcome {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first else {
            state.message = Phrase.promptNothingEntered.text()
            return .accepted([])
        }
        // A first word that can be an id is one (`qa-check 验收检查`, and a
        // taken id is refused by the editor, never silently renamed); a name
        // that does not start with one (`素材二审`, `素材 二审`) gets an id made.
        if PlanDocument.isUsableID(first) {
            return PromptAnswer.edit(.addTask(id: first, name: parts.count > 1 ? parts[1] : first, afterTask: previous),
                                     selecting: first, &state)
        }
        let name = PlanNames.normalized(text)
        let id = TaskIDs.derive(fromName: name, existing: Set(state.plan.tasks.map(\.id)))
        let outcome = PromptAnswer.edit(.addTask(id: id, name: name, afterTask: previous), selecting: id, &state)
        if outcome != .refused { state.message = (state.message ?? "") + " · " + Phrase.derivedTaskID.text(id, name) }
        return outcome
    }
}
