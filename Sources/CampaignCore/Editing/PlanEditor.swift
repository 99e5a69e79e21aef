import CampaignText

/// Applies `PlanEdit`s to a plan's text. Every edit is checked the way a
/// saved file would be: the result must load without errors (so a cycle, a
/// bad rule or an unknown id is refused with the validator's own words), and
/// pinned tasks that would now start before their dependencies finish are
/// moved to the first day allowed — the summary says which tasks moved, every one.
///
/// A pin pushed that way is the editor's doing, not the user's: the day it
/// was pinned to is remembered (`pushedPins`), and once what pushed it moves
/// away it goes back toward that day — so a week forward then a week back
/// restores every date.
public enum PlanEditor {
    public typealias EditError = PlanDocument.EditError

    public static func apply(_ edit: PlanEdit, to document: PlanDocument,
                             pushedPins: [String: Day] = [:]) throws -> PlanEditOutcome {
        guard let plan = document.plan, !document.diagnostics.hasErrors else {
            throw EditError(message: Phrase.editPlanHasErrors.text())
        }
        let before = document.schedule
        let context = EditContext(document: document, plan: plan, schedule: before)
        let step: EditStep
        switch edit {
        case .moveTask(let id, let days): step = try TaskTimingEdits.move(id, by: days, context)
        case .resizeTask(let id, let days): step = try TaskTimingEdits.resize(id, by: days, context)
        case .setOwner(let id, let owner): step = try TaskFieldEdits.owner(id, owner, context)
        case .setProgress(let id, let progress): step = try TaskFieldEdits.progress(id, progress, context)
        case .addTask(let id, let name, let afterTask): step = try TaskListEdits.add(id: id, name: name, after: afterTask, context)
        case .duplicateTask(let id): step = try TaskListEdits.duplicate(id, context)
        case .deleteTask(let id): step = try TaskListEdits.delete(id, context)
        case .addDependency(let id, let other): step = try DependencyEdits.add(id, waitsFor: other, context)
        case .removeDependency(let id, let other): step = try DependencyEdits.remove(id, waitsFor: other, context)
        case .setSegment(let id, let field, let value): step = try SegmentEdits.set(id, field, value, context)
        case .setAlert(let index, let field, let value): step = try AlertEdits.set(index, field, value, context)
        }
        try refuseIfInvalid(step.document)
        var remembered = stillPushed(pushedPins, before: plan, after: step.document)
        var restored = step
        restored.document = try returnPushedPins(remembered, in: step.document)
        let previous = Dictionary((before?.conflicts ?? []).map { ($0.taskID, $0.pinnedStart) }, uniquingKeysWith: { first, _ in first })
        let settled = try pushPinnedDependants(restored, previousConflicts: previous, remembering: &remembered)
        var summary = step.summary
        if let before, let after = settled.schedule {
            let moved = movedTasks(before: before, after: after, except: step.subject)
            if !moved.isEmpty { summary = Phrase.editAlsoMoved.text(summary, moved) }
        }
        // A pin back on its own day is the user's again.
        let final = Self.startsByID(settled.plan)
        remembered = remembered.filter { id, day in final[id] ?? nil != day }
        return PlanEditOutcome(document: settled, summary: summary, pushedPins: remembered)
    }

    /// The remembered pins an edit leaves to the editor: a task the edit
    /// itself placed (moved, pinned) or removed, or that lost its pin, is the
    /// user's choice from now on.
    private static func stillPushed(_ pins: [String: Day], before: Plan, after: PlanDocument) -> [String: Day] {
        guard !pins.isEmpty, let edited = after.plan else { return [:] }
        let (old, new) = (startsByID(before), startsByID(edited))
        return pins.filter { id, _ in
            guard let oldStart = old[id], let newStart = new[id], let start = newStart else { return false }
            return oldStart == start
        }
    }

    /// Each task's `start:` (nil when it has none) by id, the first task of
    /// an id winning: looked up once per pin, which a long chain has hundreds of.
    static func startsByID(_ plan: Plan?) -> [String: Day?] {
        Dictionary((plan?.tasks ?? []).map { ($0.id, $0.start) }, uniquingKeysWith: { first, _ in first })
    }

    /// Puts each remembered pin back on its own day; `pushPinnedDependants`
    /// then moves those still blocked to the first day allowed.
    private static func returnPushedPins(_ pins: [String: Day], in document: PlanDocument) throws -> PlanDocument {
        guard let plan = document.plan else { return document }
        let starts = startsByID(plan)
        let moves = pins.filter { id, day in starts[id] ?? nil != day }
            .sorted { $0.key < $1.key }.map { (id: $0.key, day: $0.value) }
        return moves.isEmpty ? document : try TaskTimingEdits.pin(moves, in: document)
    }

    /// The id `.duplicateTask(id:)` gives the copy, for selecting it.
    public static func duplicateID(of id: String, in plan: Plan) -> String { TaskListEdits.copyID(of: id, in: plan) }

    /// The first error the validator finds in the edited text, as a refusal.
    static func refuseIfInvalid(_ document: PlanDocument) throws {
        if let error = document.diagnostics.errors.first {
            throw EditError(message: "refused: \(error.message) (line \(error.location.line))")
        }
        guard document.plan != nil else { throw EditError(message: Phrase.editWouldBreak.text()) }
    }

    /// Moves pinned tasks (`start:`) that the edit left starting before their
    /// dependencies allow to the earliest allowed day, repeating while that
    /// pushes further tasks. Conflicts that were there before the edit stay
    /// (the planner already sees them) unless the edit pinned that task earlier
    /// still (`previousConflicts`: task → its pinned start then). The edit's
    /// own task is refused instead when `refusesOwnConflict`.
    private static func pushPinnedDependants(_ step: EditStep, previousConflicts: [String: Day],
                                             remembering pushed: inout [String: Day]) throws -> PlanDocument {
        var document = step.document
        for _ in 0...(document.plan?.tasks.count ?? 0) {
            guard let plan = document.plan else { break }
            let schedule: Schedule
            do {
                // The one checking the edited text computed, when it did.
                schedule = try document.result.schedule ?? Schedule(computing: PlanScheduling.input(for: plan))
            } catch {
                throw EditError(message: "refused: \(error)")
            }
            // Without the "earlier still" case, a task already in conflict could be
            // moved any distance earlier — even before the campaign — unrefused.
            let fresh = schedule.conflicts.filter { conflict in
                previousConflicts[conflict.taskID].map { conflict.pinnedStart < $0 } ?? true
            }
            if let own = fresh.first(where: { $0.taskID == step.subject }), step.refusesOwnConflict {
                let blocker = own.forcedBy.taskID
                throw EditError(message: Phrase.editPinRefused.text(own.taskID, own.pinnedStart, blocker, own.earliestAllowedStart))
            }
            guard !fresh.isEmpty else { break }
            for conflict in fresh where pushed[conflict.taskID] == nil { pushed[conflict.taskID] = conflict.pinnedStart }
            // The forward pass already placed every pushed task, downstream
            // ones included: one edit pins them all.
            document = try TaskTimingEdits.pin(fresh.map { ($0.taskID, $0.earliestAllowedStart) }, in: document)
        }
        try refuseIfInvalid(document)
        return document
    }

    /// "launch +2d, review +2d" for tasks other than `subject` whose start changed.
    private static func movedTasks(before: Schedule, after: Schedule, except subject: String?) -> String {
        var moves: [String] = []
        for task in after.tasks where task.id != subject {
            guard let old = before[id: task.id], old.earlyStart != task.earlyStart else { continue }
            let delta = task.earlyStart - old.earlyStart
            moves.append("\(task.id) \(delta > 0 ? "+" : "")\(delta)d")
        }
        // Every one: the message log shows the whole list, however long.
        return moves.joined(separator: ", ")
    }
}

/// What an edit sees: the document, its plan and the schedule before the edit.
struct EditContext {
    let document: PlanDocument
    let plan: Plan
    let schedule: Schedule?

    func taskIndex(_ id: String) throws -> Int {
        guard let index = plan.tasks.firstIndex(where: { $0.id == id }) else {
            throw PlanDocument.EditError(message: Phrase.checkEditNoTaskHint.text(id, Suggestion.hint(for: id, among: plan.tasks.map(\.id))))
        }
        return index
    }

    func task(_ id: String) throws -> PlanTask { plan.tasks[try taskIndex(id)] }

    func taskPath(_ id: String, _ key: String) throws -> [PlanDocument.PathComponent] {
        [.key("tasks"), .index(try taskIndex(id)), .key(key)]
    }
}

/// One edit's text change before the dependants are settled.
struct EditStep {
    var document: PlanDocument
    var summary: String
    /// The task the edit is about (left out of "moved …").
    var subject: String?
    /// Whether a conflict on `subject` refuses the edit (a move too early)
    /// rather than pushing the task (a new dependency).
    var refusesOwnConflict = false
}
