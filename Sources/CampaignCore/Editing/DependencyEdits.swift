import CampaignText

/// Adding and removing finish-to-start dependencies (`after:`).
enum DependencyEdits {
    typealias EditError = PlanDocument.EditError

    /// A dependency that closes a loop is refused by validation, which names
    /// the whole cycle. A pinned task that must now start later is moved.
    /// `other` is written as in the file: `id`, or `id+2d` to start two days
    /// after that task finishes.
    static func add(_ id: String, waitsFor other: String, _ context: EditContext) throws -> EditStep {
        let task = try context.task(id)
        guard let dependency = PlanNodeReader.dependency(other, at: .start) else {
            throw EditError(message: Phrase.checkEditDependencyForm.text("id+2d", other))
        }
        _ = try context.task(dependency.taskID)
        guard id != dependency.taskID else { throw EditError(message: Phrase.editNoSelfWait.text()) }
        guard !task.after.contains(where: { $0.taskID == dependency.taskID }) else {
            throw EditError(message: Phrase.editAlreadyWaits.text(id, dependency.taskID))
        }
        let list = task.after.map(\.text) + [dependency.text]
        let document = try context.document.settingList(context.taskPath(id, "after"), to: list)
        if let cycle = PlanScheduling.input(for: document.plan ?? context.plan).dependencyCycles().first {
            throw EditError(message: Phrase.editCycle.text((cycle + [cycle[0]]).joined(separator: " → ")))
        }
        return EditStep(document: document, summary: Phrase.editWaitsFor.text(id, dependency.text), subject: id)
    }

    /// Removing the last dependency of a task without a `start:` pins it to
    /// its current start, so it does not jump to the campaign's first day.
    static func remove(_ id: String, waitsFor other: String, _ context: EditContext) throws -> EditStep {
        let task = try context.task(id)
        guard task.after.contains(where: { $0.taskID == other }) else {
            let current = task.after.map(\.taskID)
            throw EditError(message: current.isEmpty ? Phrase.editWaitsForNothing.text(id)
                : Phrase.editDoesNotWait.text(id, other, current.joined(separator: ", ")))
        }
        let remaining = task.after.filter { $0.taskID != other }.map(\.text)
        let path = try context.taskPath(id, "after")
        var document = remaining.isEmpty ? try context.document.removingKey(path)
            : try context.document.settingList(path, to: remaining)
        if remaining.isEmpty, task.start == nil, let start = context.schedule?[id: id]?.earlyStart {
            document = try TaskTimingEdits.pin(id, to: start, in: document)
        }
        return EditStep(document: document, summary: Phrase.editNoLongerWaits.text(id, other), subject: id)
    }
}
