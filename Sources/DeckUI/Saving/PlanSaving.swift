import CampaignText
import CampaignCore

/// Saving the plan and reloading it, as the dashboard sees it: it asks the
/// app (effects) and turns the app's answer into a message, a question or
/// the next name to try. The app does the writing.
enum PlanSaving {
    private enum Text {
        static var notSavedOverTheirs: String { Phrase.saveNotOverTheirs.text() }
    }

    /// Ctrl-S, `:w`; with `thenQuit`, `:wq` and the quit question's `s`.
    static func save(thenQuit: Bool = false, _ state: inout DeckState) -> [DeckEffect] {
        guard PlanEditing.requireEditor(&state), let editor = state.editor else { return [] }
        guard editor.hasUnsavedEdits else {
            state.message = Phrase.saveNothing.text()
            return []
        }
        // A second Ctrl-S while `:wq`'s save is under way still quits after it.
        state.saving = SaveInProgress(thenQuit: thenQuit || (state.saving?.thenQuit ?? false))
        // The file holds their version (reloaded), and `u` went back past it:
        // the file has not changed since, but writing would still lose their edits.
        if editor.overwritesReloadedVersion {
            state.overlay = .confirm(.overwriteReloadedVersion)
            state.message = Text.notSavedOverTheirs
            return []
        }
        state.message = Phrase.saveSaving.text()
        return [.savePlan(text: editor.document.text, overwrite: false)]
    }

    /// The answer to "the file changed on disk / is gone": write ours anyway.
    static func overwrite(_ state: inout DeckState) -> [DeckEffect] {
        guard let editor = state.editor else { return [] }
        state.message = Phrase.saveSaving.text()
        return [.savePlan(text: editor.document.text, overwrite: true)]
    }

    /// Enter on the save-as prompt.
    static func saveAs(_ path: String, _ state: inout DeckState) -> [DeckEffect] {
        guard !path.isEmpty, let document = state.editor?.document else {
            giveUp(&state)
            state.message = Phrase.saveNoFileName.text()
            return []
        }
        state.saving = SaveInProgress(thenQuit: state.saving?.thenQuit ?? false, newPath: path)
        state.message = Phrase.saveSaving.text()
        return [.savePlanAs(path: path, text: document.text)]
    }

    /// Esc at a question or the name prompt: the save is over, and nothing it
    /// meant to do afterwards (quitting) happens on a later save.
    static func giveUp(_ state: inout DeckState) {
        state.saving = nil
    }

    static func finished(_ result: PlanSaveResult, _ state: inout DeckState) -> [DeckEffect] {
        switch result {
        case .saved(let path, let text):
            state.editor?.markSaved(text)
            state.message = Phrase.saveSaved.text(path)
            let thenQuit = state.saving?.thenQuit ?? false
            state.saving = nil
            // Usually the editor still holds what was saved, parsed; only an
            // edit made while the save was under way needs the text parsed again.
            let document = state.editor.map(\.document).flatMap { $0.text == text ? $0 : nil } ?? PlanDocument(text: text)
            let saved = PlanVersion(document).map { [DeckEffect.planSaved($0)] } ?? []
            if thenQuit {
                state.quitting = true
                return saved + [.quit]
            }
            return saved
        case .changedOnDisk(let path):
            state.overlay = .confirm(.overwriteChangedFile(path: path))
            state.message = Phrase.saveChangedOnDisk.text(path)
        case .deletedOnDisk(let path):
            state.overlay = .confirm(.recreateDeletedFile(path: path))
            state.message = Phrase.saveGone.text(path)
        case .needsPath:
            state.overlay = .prompt(Prompt(.saveAs, text: "campaign.yaml"))
        case .failed(let reason):
            // A name that did not work (the file exists, no such folder): ask
            // again with it, rather than let the next keys act on the dashboard.
            // Quitting afterwards is off: the user is choosing a name again.
            if let attempt = state.saving?.newPath {
                state.message = Phrase.saveFailed.text(reason)
                state.saving = SaveInProgress(thenQuit: false)
                state.overlay = .prompt(Prompt(.saveAs, text: attempt))
                return []
            }
            state.saving = nil
            state.message = Phrase.saveElsewhere.text(Phrase.saveFailed.text(reason))
            return []
        }
        state.saving?.newPath = nil
        return []
    }

    /// Their version replaces ours on screen; ours stays one `u` away. A file
    /// that no longer loads cleanly is not taken (the message says why).
    static func reloadFinished(_ result: PlanReloadResult, _ state: inout DeckState) -> [DeckEffect] {
        switch result {
        case .failed(let reason):
            state.message = Phrase.reloadFailed.text(reason)
        case .loaded(let text):
            let document = PlanDocument(text: text)
            if let error = document.diagnostics.errors.first {
                state.message = Phrase.reloadHasErrors.text(error.location.line, error.message)
                return []
            }
            state.editor?.reload(document)
            state.adoptEditedPlan()
            state.message = Phrase.reloadDone.text()
            guard let version = PlanVersion(document) else { return [] }
            return [.planEdited(version), .planSaved(version)]
        }
        return []
    }
}
