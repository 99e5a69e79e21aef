import CampaignText

/// Moving a task in time and changing its length.
enum TaskTimingEdits {
    typealias EditError = PlanDocument.EditError

    /// A task with a `start:` keeps its shape (`end:` moves too); a task placed
    /// only by its dependencies gets a `start:` — moving it means pinning it.
    /// Moving before its dependencies allow is refused.
    static func move(_ id: String, by days: Int, _ context: EditContext) throws -> EditStep {
        let task = try context.task(id)
        guard days != 0 else { throw EditError(message: Phrase.editNothingToMove.text()) }
        guard let currentStart = task.start ?? context.schedule?[id: id]?.earlyStart else {
            throw EditError(message: Phrase.checkEditCannotPlace.text(id))
        }
        var document = try context.document.setting(context.taskPath(id, "start"), to: .literal((currentStart + days).description))
        if let end = task.end {
            document = try document.setting(context.taskPath(id, "end"), to: .literal((end + days).description))
        }
        let weeks = abs(days) / 7
        let amount = abs(days) % 7 == 0 ? (weeks == 1 ? Phrase.oneWeek.text() : Phrase.manyWeeks.text(weeks)) : Phrase.days(abs(days))
        let summary = (days > 0 ? Phrase.editMovedLater : Phrase.editMovedEarlier).text(id, amount, currentStart + days)
        return EditStep(document: document, summary: summary,
                        subject: id, refusesOwnConflict: true)
    }

    /// Changes `days:` (or `end:` when the task is written with one); a task
    /// with neither is one day long and gets a `days:`.
    static func resize(_ id: String, by days: Int, _ context: EditContext) throws -> EditStep {
        let task = try context.task(id)
        guard !task.isMilestone else { throw EditError(message: Phrase.editMilestoneNoLength.text(id)) }
        let length = task.durationDays + days
        guard length >= 1 else { throw EditError(message: Phrase.editAlreadyOneDay.text(id)) }
        let document: PlanDocument
        if let end = task.end, task.days == nil {
            document = try context.document.setting(context.taskPath(id, "end"), to: .literal((end + days).description))
        } else {
            document = try context.document.setting(context.taskPath(id, "days"), to: .literal(String(length)))
        }
        return EditStep(document: document, summary: Phrase.editLength.text(id, Phrase.days(length)), subject: id)
    }

    /// Sets a task's `start:` to `day`, moving a written `end:` with it.
    static func pin(_ id: String, to day: Day, in document: PlanDocument) throws -> PlanDocument {
        try pin([(id, day)], in: document)
    }

    /// Pins several tasks in one text edit (one parse, one check).
    static func pin(_ pins: [(id: String, day: Day)], in document: PlanDocument) throws -> PlanDocument {
        guard let plan = document.plan else { throw EditError(message: Phrase.checkEditPlanDoesNotLoad.text()) }
        var edits: [(path: [PlanDocument.PathComponent], value: PlanDocument.Value)] = []
        // The first task of each id, as `firstIndex` would find it, looked up once per pin.
        let indexByID = Dictionary(plan.tasks.indices.map { (plan.tasks[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, day) in pins {
            guard let index = indexByID[id] else { throw EditError(message: Phrase.checkEditNoTaskHint.text(id, "")) }
            let task = plan.tasks[index]
            edits.append(([.key("tasks"), .index(index), .key("start")], .literal(day.description)))
            if let start = task.start, let end = task.end {
                edits.append(([.key("tasks"), .index(index), .key("end")], .literal((end + (day - start)).description)))
            }
        }
        return try document.setting(edits)
    }
}
