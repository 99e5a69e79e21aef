import CampaignText
import CampaignCore

/// Plan edits from any key, prompt or `:` command go through here: one
/// history (so `u` / Ctrl-R cover everything), and the panes, schedule and
/// selection follow the edited plan.
enum PlanEditing {
    /// Whether an edit was applied or refused (the status bar says why).
    /// A refused edit keeps its prompt or command line open with the text, so
    /// a typo is fixed rather than typed again.
    enum Outcome: Equatable {
        case applied, refused
    }

    /// False (and the status bar says so) when this plan cannot be edited here.
    static func requireEditor(_ state: inout DeckState) -> Bool {
        guard state.editor != nil else {
            state.message = Phrase.editNotHere.text()
            return false
        }
        return true
    }

    /// Applies `edit` through the history; the status bar gets its summary or
    /// why it was refused.
    @discardableResult
    static func edit(_ edit: PlanEdit, selecting taskID: String? = nil, _ state: inout DeckState) -> Outcome {
        guard requireEditor(&state) else { return .refused }
        do {
            guard let summary = try state.editor?.apply(edit) else { return .refused }
            state.adoptEditedPlan(selecting: taskID)
            state.message = summary
            return .applied
        } catch {
            state.message = "\(error)"
            return .refused
        }
    }

    static func undo(_ state: inout DeckState) {
        guard requireEditor(&state) else { return }
        guard let undone = state.editor?.undo() else { state.message = Phrase.undoNothing.text(); return }
        state.adoptEditedPlan()
        state.message = Phrase.undoDone.text(undone)
    }

    static func redo(_ state: inout DeckState) {
        guard requireEditor(&state) else { return }
        guard let redone = state.editor?.redo() else { state.message = Phrase.redoNothing.text(); return }
        state.adoptEditedPlan()
        state.message = Phrase.redoDone.text(redone)
    }
}
