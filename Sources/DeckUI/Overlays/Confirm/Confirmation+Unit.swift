import CampaignText
/// A question takes every key: one of its choices, Esc, or a reminder of the choices.
extension Confirmation: OverlayUnit {
    func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect]? {
        // Ctrl-C at a question backs out of it, as it does everywhere else.
        if key == .escape || key == .control("c") {
            state.overlay = nil
            PlanSaving.giveUp(&state)
            state.message = (self == .quitWithUnsavedEdits ? Phrase.confirmStillHere : Phrase.confirmNotSaved).text()
            return []
        }
        guard case .character(let choice) = key, choices.contains(where: { $0.key == choice }) else {
            state.message = choices.map { "\($0.key) \($0.hint)" }.joined(separator: " · ") + " · " + Phrase.hintEscCancel.text()
            return []
        }
        state.overlay = nil
        switch (self, choice) {
        case (.quitWithUnsavedEdits, "s"):
            return PlanSaving.save(thenQuit: true, &state)
        case (.quitWithUnsavedEdits, _):
            state.quitting = true
            return [.quit]
        case (.overwriteChangedFile, "r"):
            // Taking their version ends this save: nothing of it (quitting) waits for a later one.
            PlanSaving.giveUp(&state)
            state.message = Phrase.confirmReloading.text()
            return [.reloadPlan]
        case (.overwriteChangedFile, _), (.recreateDeletedFile, _), (.overwriteReloadedVersion, _):
            return PlanSaving.overwrite(&state)
        }
    }

    var hints: [(keys: String, hint: String)]? { choices.map { (String($0.key), $0.hint) } + [("Esc", Phrase.hintCancel.text())] }

    func draw(_ state: DeckState, grid: inout CellGrid) {
        Overlays.box(title, lines: lines.map { ($0, Style(.text)) }, grid: &grid)
    }
}
