import CampaignText
import CampaignCore

/// Every sentence the Gantt pane shows a person, in one place so it can move
/// into a catalog.
enum GanttText {
    static var daysScale: String { Phrase.ganttDays.text() }
    static var weeksScale: String { Phrase.ganttWeeks.text() }
    static var noTasks: String { Phrase.ganttNoTasks.text() }
    static var cannotSchedule: String { Phrase.ganttCannotSchedule.text() }
    static var noTaskSelected: String { Phrase.ganttNoTaskSelected.text() }
    static var atPlanStart: String { Phrase.ganttAtPlanStart.text() }
    static var atPlanEnd: String { Phrase.ganttAtPlanEnd.text() }
    static var noDependencies: String { Phrase.ganttNoDependencies.text() }
    /// The selected task in one line (the pane's footer, and what `y` copies):
    /// `kickoff: 2026-03-02→2026-03-02 float 1d · 项目经理 · no dependencies`.
    static func summary(_ task: PlanTask, _ timing: ScheduledTask) -> String {
        var text = "\(task.id): \(timing.earlyStart)→\(timing.earlyFinish) " + floatDays(timing.floatDays)
        if let owner = task.owner { text += " · \(owner)" }
        return text + " · " + (task.after.isEmpty ? noDependencies : after(task.after.map(\.text)))
    }
    static func waitsForNothing(_ id: String) -> String { Phrase.ganttWaitsForNothing.text(id) }
    static func after(_ dependencies: [String]) -> String { Phrase.ganttAfter.text(dependencies.joined(separator: ", ")) }
    static func floatDays(_ days: Int) -> String { Phrase.ganttFloat.text(days) }
    /// `critical 1/2: a → b → c`, one chain of the critical path through the selected task.
    static func criticalChain(_ chain: [String], number: Int, of count: Int) -> String {
        let path = chain.joined(separator: " → ")
        return count > 1 ? Phrase.ganttCriticalOf.text(number, count, path) : Phrase.ganttCriticalOne.text(path)
    }
}

/// The one-character marks before a task's name.
enum GanttMark {
    static let critical = "★"
    static let late = "!"
    static let dependency = "←"
    static let dependant = "→"
    static let earlier: Unicode.Scalar = "◃"
    static let later: Unicode.Scalar = "▹"
}
