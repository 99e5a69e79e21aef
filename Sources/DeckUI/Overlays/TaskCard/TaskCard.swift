import CampaignCore

/// Enter on a Gantt task: everything a manager asks about one task in a
/// stand-up — its dates and float, who owns it, what it waits for and what
/// waits for it, the critical chains it is on, risk and mitigation, budget
/// and budget line, progress. Esc closes it; the panes' keys are not taken.
struct TaskCard: OverlayUnit {
    /// The task's id: an edit that reorders tasks cannot point the card at another one.
    var taskID: String

    /// j/k (and the other moves) go on to the next task's card, as they move the Gantt's selection.
    func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        switch command {
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveHome, .moveEnd:
            guard state.focus == .gantt else { return nil }
            let effects = GlobalCommands.perform(command, &state)
            if let index = state.visibleSelection(.gantt) { state.overlay = .taskCard(task: state.plan.tasks[index].id) }
            return effects
        default:
            return nil
        }
    }

    func draw(_ state: DeckState, grid: inout CellGrid) {
        Overlays.box(TaskCardText.title, lines: Self.lines(state, taskID: taskID), grid: &grid)
    }

    /// The card's lines, top to bottom; empty when the task is gone (deleted, or the plan reloaded).
    static func lines(_ state: DeckState, taskID: String) -> [(String, Style)] {
        let plan = state.plan
        guard let task = plan.task(taskID) else { return [(TaskCardText.gone(taskID), Style(.muted))] }
        var lines: [(String, Style)] = [("\(task.name) (\(task.id))", Style(.title, attributes: .bold))]
        if let phase = plan.phases.first(where: { $0.id == task.phase }) {
            lines.append((TaskCardText.phase(phase.name), Style(.muted)))
        }
        guard let schedule = state.schedule, let timing = schedule[id: task.id] else {
            lines.append((TaskCardText.unscheduled, Style(.late)))
            return lines + [(TaskCardText.closes(state.keys), Style(.muted))]
        }
        lines.append((TaskCardText.dates(timing), Style(.text)))
        lines.append((TaskCardText.latest(timing), Style(timing.isCritical ? .criticalPath : .text)))
        if let conflict = timing.conflict { lines.append((TaskCardText.conflict(conflict), Style(.late))) }
        let chains = schedule.criticalPaths.through(task.id)
        for (number, chain) in chains.enumerated() {
            lines.append((TaskCardText.chain(chain, number: number + 1, of: chains.count), Style(.criticalPath)))
        }
        lines.append((TaskCardText.owner(task.owner), Style(.text)))
        lines.append((TaskCardText.waitsForHeading(task.after.isEmpty), Style(.text)))
        for dependency in task.after {
            guard let before = schedule[id: dependency.taskID] else { continue }
            lines.append((TaskCardText.waitsFor(dependency, name: plan.task(dependency.taskID)?.name ?? "", finish: before.earlyFinish),
                          Style(.text)))
        }
        let dependants = schedule.directSuccessors(of: task.id)
        lines.append((TaskCardText.waitedForHeading(dependants.isEmpty), Style(.text)))
        for id in dependants {
            guard let after = schedule[id: id] else { continue }
            lines.append((TaskCardText.waitedFor(id, name: plan.task(id)?.name ?? "", start: after.earlyStart), Style(.text)))
        }
        if let risk = task.risk { lines.append((TaskCardText.risk(risk), Style(.accent))) }
        if let mitigation = task.mitigation { lines.append((TaskCardText.mitigation(mitigation), Style(.text))) }
        if task.budget != nil || task.budgetLine != nil {
            let line = task.budgetLine.flatMap { id in plan.budgetLines.first { $0.id == id } }
            lines.append((TaskCardText.budget(task.budget, lineID: task.budgetLine, line: line, currency: plan.campaign.currency),
                          Style(.text)))
        }
        let daysLate = state.data.today.flatMap { today in timing.isLate(today: today) ? today - timing.earlyFinish : nil }
        lines.append((TaskCardText.progress(task.progress, daysLate: daysLate), Style(daysLate == nil ? .text : .late)))
        lines.append((TaskCardText.closes(state.keys), Style(.muted)))
        return lines
    }
}
