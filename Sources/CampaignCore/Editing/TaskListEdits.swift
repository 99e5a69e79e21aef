import CampaignText

/// Adding, duplicating and deleting tasks: whole items of the `tasks:` list.
enum TaskListEdits {
    typealias EditError = PlanDocument.EditError
    static let tasksPath: [PlanDocument.PathComponent] = [.key("tasks")]

    /// A one-day task right after `previous` in the file and in time, in the
    /// same phase, written in the style (block or `{ }`) of its neighbour.
    static func add(id: String, name: String, after previous: String, _ context: EditContext) throws -> EditStep {
        try checkNewID(id, context)
        let index = try context.taskIndex(previous)
        let neighbour = context.plan.tasks[index]
        var fields: [(String, PlanDocument.Value)] = [("id", .text(id)), ("name", .text(name.isEmpty ? id : name))]
        if let phase = neighbour.phase { fields.append(("phase", .text(phase))) }
        fields.append(("after", .literal("[" + YAMLScalarText.render(text: previous, inFlow: true) + "]")))
        fields.append(("days", .literal("1")))
        let item = try itemText(fields, like: context.document.itemText(tasksPath, index: index))
        let document = try context.document.insertingItem(item, into: tasksPath, after: index)
        return EditStep(document: document, summary: Phrase.editAdded.text(id, previous), subject: id)
    }

    /// A copy right below the original, with a fresh id (`id-copy`, `id-copy2`…)
    /// and its name with the language's copy suffix (`CopyNames`).
    static func duplicate(_ id: String, _ context: EditContext) throws -> EditStep {
        let index = try context.taskIndex(id)
        let copyID = copyID(of: id, in: context.plan)
        let name = CopyNames.name(forCopyOf: context.plan.tasks[index].name, among: Set(context.plan.tasks.map(\.name)))
        let itemText = try context.document.itemText(tasksPath, index: index)
        let document: PlanDocument
        // The copy's id and name are written into its own lines (read as a
        // one-item list) before they go in: the plan is then read and checked
        // once, with the new task's lines alone (`addingTask`), not three times.
        if let copy = try? PlanDocument(text: itemText).setting([.index(0), .key("id")], to: .text(copyID))
            .setting([.index(0), .key("name")], to: .text(name)) {
            document = try context.document.insertingItem(copy.text, into: tasksPath, after: index)
        } else {
            // Lines that do not read alone (an alias to an anchor elsewhere):
            // set in the plan, after the copy goes in.
            document = try context.document.insertingItem(itemText, into: tasksPath, after: index)
                .setting([.key("tasks"), .index(index + 1), .key("id")], to: .text(copyID))
                .setting([.key("tasks"), .index(index + 1), .key("name")], to: .text(name))
        }
        return EditStep(document: document, summary: Phrase.editDuplicated.text(id, copyID), subject: copyID)
    }

    /// Deletes a task and repairs what waited for it: each dependant waits
    /// instead for the deleted task's own dependencies, with the lag that keeps
    /// its dates (its lag + their lag + the deleted task's length); a dependant
    /// that would still start earlier than before is pinned to its old start.
    static func delete(_ id: String, _ context: EditContext) throws -> EditStep {
        let index = try context.taskIndex(id)
        // New tasks are added after an existing one, so a plan left with none
        // could get no task back from the dashboard.
        guard context.plan.tasks.count > 1 else {
            throw EditError(message: Phrase.editOnlyTask.text(id))
        }
        let deleted = context.plan.tasks[index]
        let dependants = context.plan.tasks.filter { $0.after.contains { $0.taskID == id } }
        var document = context.document
        for dependant in dependants {
            var after: [(id: String, lag: Int)] = []
            func wait(for other: String, lag: Int) {
                if let existing = after.firstIndex(where: { $0.id == other }) {
                    after[existing].lag = max(after[existing].lag, lag)
                } else {
                    after.append((other, lag))
                }
            }
            for dependency in dependant.after {
                if dependency.taskID == id {
                    for inherited in deleted.after {
                        wait(for: inherited.taskID, lag: dependency.lagDays + inherited.lagDays + deleted.durationDays)
                    }
                } else {
                    wait(for: dependency.taskID, lag: dependency.lagDays)
                }
            }
            let path = try context.taskPath(dependant.id, "after")
            document = after.isEmpty ? try document.removingKey(path)
                : try document.settingList(path, to: after.map { $0.lag == 0 ? $0.id : "\($0.id)+\($0.lag)d" })
        }
        document = try document.removingItem(at: index, of: tasksPath)
        var summary = Phrase.editDeleted.text(id)
        if !dependants.isEmpty {
            summary = (dependants.count == 1 ? Phrase.editDeletedRewiredOne : Phrase.editDeletedRewired).text(id, dependants.map(\.id).joined(separator: ", "),
                                                     deleted.after.isEmpty ? Phrase.editNothing.text()
                                                         : deleted.after.map(\.taskID).joined(separator: ", "))
        }
        // Keep every dependant's dates: pin those that lost their anchor.
        if let before = context.schedule, let plan = document.plan,
           let after = try? Schedule(computing: PlanScheduling.input(for: plan)) {
            let pins = dependants.compactMap { dependant -> (id: String, day: Day)? in
                guard let old = before[id: dependant.id], let new = after[id: dependant.id], new.earlyStart < old.earlyStart else { return nil }
                return (dependant.id, old.earlyStart)
            }
            document = try TaskTimingEdits.pin(pins, in: document)
        }
        return EditStep(document: document, summary: summary, subject: id)
    }

    /// `id-copy`, or `id-copy2`, `id-copy3`… when that is taken.
    static func copyID(of id: String, in plan: Plan) -> String {
        let ids = Set(plan.tasks.map(\.id))
        var copyID = "\(id)-copy"
        var number = 2
        while ids.contains(copyID) {
            copyID = "\(id)-copy\(number)"
            number += 1
        }
        return copyID
    }

    private static func checkNewID(_ id: String, _ context: EditContext) throws {
        guard PlanDocument.isUsableID(id) else {
            throw EditError(message: Phrase.checkEditBadTaskID.text(id))
        }
        guard context.plan.task(id) == nil else { throw EditError(message: Phrase.checkEditTaskExists.text(id)) }
    }

    /// Writes `fields` as a list item shaped like `example` (the neighbour's text):
    /// `- { a: 1, b: 2 }` when it is a one-line flow mapping, else a block.
    static func itemText(_ fields: [(String, PlanDocument.Value)], like example: String) throws -> String {
        let firstLine = example.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? "- "
        let dashColumn = firstLine.leadingSpaces
        let afterDash = firstLine.dropFirst(dashColumn + 1)
        let gap = afterDash.prefix { $0 == " " }.count
        let render = { (key: String, value: PlanDocument.Value, inFlow: Bool) -> String in
            switch value {
            case .literal(let literal): return literal
            case .text(let text): return YAMLScalarText.render(text: text, inFlow: inFlow)
            }
        }
        let dash = String(repeating: " ", count: dashColumn) + "-" + String(repeating: " ", count: max(gap, 1))
        if afterDash.drop(while: { $0 == " " }).hasPrefix("{") {
            return dash + "{ " + fields.map { "\($0.0): \(render($0.0, $0.1, true))" }.joined(separator: ", ") + " }"
        }
        let indent = String(repeating: " ", count: dashColumn + 1 + max(gap, 1))
        return fields.enumerated().map { offset, field in
            (offset == 0 ? dash : indent) + "\(field.0): \(render(field.0, field.1, false))"
        }.joined(separator: "\n")
    }
}
