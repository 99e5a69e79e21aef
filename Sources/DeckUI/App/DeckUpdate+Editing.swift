import CampaignCore

/// Plan editing keys: each becomes a `PlanEdit` applied through the one
/// history (so `u` / Ctrl-R cover everything), or opens a prompt first.
extension DeckUpdate {
    static func editCommand(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect] {
        guard state.editor != nil else {
            state.message = "this plan cannot be edited here"
            return []
        }
        switch command {
        case .undo:
            guard let undone = state.editor?.undo() else { state.message = "nothing to undo"; return [] }
            state.adoptEditedPlan()
            state.message = "undid: \(undone)"
        case .redo:
            guard let redone = state.editor?.redo() else { state.message = "nothing to redo"; return [] }
            state.adoptEditedPlan()
            state.message = "redid: \(redone)"
        case .save:
            return save(&state)
        case .moveTask(let days):
            withTask(&state) { id, state in edit(.moveTask(id: id, days: days), selecting: id, &state) }
        case .resizeTask(let days):
            withTask(&state) { id, state in edit(.resizeTask(id: id, days: days), selecting: id, &state) }
        case .toggleTaskDone:
            withTask(&state) { id, state in
                let done = (state.plan.task(id)?.progress ?? 0) >= 1
                edit(.setProgress(taskID: id, progress: done ? 0 : 1), selecting: id, &state)
            }
        case .duplicateTask:
            // Select the copy, whatever number it got: `D` then `d` must delete the new copy.
            withTask(&state) { id, state in
                edit(.duplicateTask(id: id), selecting: PlanEditor.duplicateID(of: id, in: state.plan), &state)
            }
        case .deleteTask:
            withTask(&state) { id, state in
                edit(.deleteTask(id: id), &state)
                if !state.lastEditFailed { state.message = (state.message ?? "") + " (u undoes)" }
            }
        case .editTaskOwner:
            withTask(&state) { id, state in state.overlay = .prompt(Prompt(.taskOwner(id), text: state.plan.task(id)?.owner ?? "")) }
        case .editTaskProgress:
            withTask(&state) { id, state in
                let progress = state.plan.task(id)?.progress ?? 0
                state.overlay = .prompt(Prompt(.taskProgress(id), text: Formatting.plain((progress * 100).rounded()) + "%"))
            }
        case .addTask:
            withTask(&state) { id, state in state.overlay = .prompt(Prompt(.newTask(after: id))) }
        case .addDependency:
            withTask(&state) { id, state in state.overlay = .prompt(Prompt(.addDependency(id))) }
        case .removeDependency:
            withTask(&state) { id, state in
                let after = state.plan.task(id)?.after ?? []
                guard !after.isEmpty else { state.message = "\(id) waits for nothing"; return }
                state.overlay = .prompt(Prompt(.removeDependency(id), text: after.count == 1 ? after[0].taskID : ""))
            }
        case .editSegment(let field):
            guard let index = state.visibleSelection(.segments), state.plan.segments.indices.contains(index) else {
                state.message = "no segment selected"
                return []
            }
            let segment = state.plan.segments[index]
            let current: String
            switch field {
            case .name: current = segment.name
            case .persona: current = segment.persona?.traits ?? ""
            case .budgetShare: current = segment.budgetShare.map { Formatting.plain($0) } ?? ""
            case .rule: current = segment.rule
            }
            state.overlay = .prompt(Prompt(.segment(segment.id, field), text: current))
        case .openAlertEditor:
            guard !state.plan.alerts.isEmpty else { state.message = "the plan has no alert rules"; return [] }
            state.overlay = .alertEditor(selected: 0)
        case .editAlert(let field):
            guard case .alertEditor(let index)? = state.overlay, state.plan.alerts.indices.contains(index) else { return [] }
            let alert = state.plan.alerts[index]
            let current: String
            switch field {
            case .threshold: current = alert.threshold
            case .forDuration: current = alert.forSeconds % 60 == 0 ? "\(alert.forSeconds / 60)m" : "\(alert.forSeconds)s"
            case .minVolume: current = String(alert.minVolume)
            }
            state.overlay = .prompt(Prompt(.alert(index, field), text: current))
        default:
            break
        }
        return []
    }

    /// Runs `body` with the selected task's id, or says there is none (the
    /// filter may hide every task: keys never act on a task that is not shown).
    private static func withTask(_ state: inout DeckState, _ body: (String, inout DeckState) -> Void) {
        guard let index = state.visibleSelection(.gantt) else {
            state.message = "no task selected"
            return
        }
        body(state.plan.tasks[index].id, &state)
    }

    /// Applies `edit` through the history; the status bar gets its summary or
    /// why it was refused. The plan, schedule and selection follow.
    static func edit(_ edit: PlanEdit, selecting taskID: String? = nil, _ state: inout DeckState) {
        do {
            guard let summary = try state.editor?.apply(edit) else { return }
            state.lastEditFailed = false
            state.adoptEditedPlan(selecting: taskID)
            state.message = summary
        } catch {
            state.lastEditFailed = true
            state.message = "\(error)"
        }
    }

    // MARK: Saving and quitting

    private static func save(_ state: inout DeckState) -> [DeckEffect] {
        guard let editor = state.editor else { return [] }
        guard editor.hasUnsavedEdits else {
            state.message = "nothing to save"
            return []
        }
        state.message = "saving…"
        return [.savePlan(text: editor.document.text, overwrite: false)]
    }

    static func saveFinished(_ result: PlanSaveResult, _ state: inout DeckState) -> [DeckEffect] {
        switch result {
        case .saved(let path, let text):
            state.editor?.markSaved(text)
            state.message = "saved \(path)"
            state.saveAsAttempt = nil
            // Usually the editor still holds what was saved (parsed); only an
            // edit made while the save was under way needs the text parsed again.
            let document = state.editor.map(\.document).flatMap { $0.text == text ? $0 : nil } ?? PlanDocument(text: text)
            let saved = PlanVersion(document).map { [DeckEffect.planSaved($0)] } ?? []
            if state.quitsAfterSave {
                state.quitting = true
                return saved + [.quit]
            }
            return saved
        case .changedOnDisk(let path):
            state.overlay = .confirm(.overwriteChangedFile(path: path))
            state.message = "not saved: \(path) changed on disk"
        case .deletedOnDisk(let path):
            state.overlay = .confirm(.recreateDeletedFile(path: path))
            state.message = "not saved: \(path) is gone"
        case .needsPath:
            state.overlay = .prompt(Prompt(.saveAs, text: "campaign.yaml"))
        case .failed(let reason):
            state.quitsAfterSave = false
            state.message = "not saved: \(reason)"
            // A name that did not work (the file exists, no such folder): ask
            // again with it, rather than let the next keys act on the dashboard.
            if let attempt = state.saveAsAttempt { state.overlay = .prompt(Prompt(.saveAs, text: attempt)) }
        }
        state.saveAsAttempt = nil
        return []
    }

    static func answer(_ key: Key, _ question: Confirmation, _ state: inout DeckState) -> [DeckEffect] {
        if key == .escape {
            state.overlay = nil
            state.quitsAfterSave = false
            state.message = question == .quitWithUnsavedEdits ? "still here; Ctrl-S saves" : "not saved; your edits are kept (u undoes them)"
            return []
        }
        guard case .character(let choice) = key, question.choices.contains(where: { $0.key == choice }) else {
            state.message = question.choices.map { "\($0.key) \($0.hint)" }.joined(separator: " · ") + " · Esc cancel"
            return []
        }
        state.overlay = nil
        switch (question, choice) {
        case (.quitWithUnsavedEdits, "s"):
            state.quitsAfterSave = true
            return save(&state)
        case (.quitWithUnsavedEdits, _):
            state.quitting = true
            return [.quit]
        case (.overwriteChangedFile, "r"):
            state.message = "reloading…"
            return [.reloadPlan]
        default:
            guard let editor = state.editor else { return [] }
            state.message = "saving…"
            return [.savePlan(text: editor.document.text, overwrite: true)]
        }
    }

    /// Their version replaces ours on screen; ours stays one `u` away. A file
    /// that no longer loads cleanly is not taken (the message says why).
    static func reloadFinished(_ result: PlanReloadResult, _ state: inout DeckState) -> [DeckEffect] {
        switch result {
        case .failed(let reason):
            state.message = "not reloaded: \(reason)"
        case .loaded(let text):
            let document = PlanDocument(text: text)
            if let error = document.diagnostics.errors.first {
                state.message = "not reloaded: the file on disk has errors (line \(error.location.line): \(error.message))"
                return []
            }
            state.editor?.reload(document)
            state.adoptEditedPlan()
            state.message = "reloaded from disk (u brings your version back)"
            guard let version = PlanVersion(document) else { return [] }
            return [.planEdited(version), .planSaved(version)]
        }
        return []
    }
}
