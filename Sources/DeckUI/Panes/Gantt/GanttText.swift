import CampaignCore

/// Every sentence the Gantt pane shows a person, in one place so it can move
/// into a catalog.
enum GanttText {
    static let daysScale = "days"
    static let weeksScale = "weeks"
    static let noTasks = "no tasks in this plan"
    static let cannotSchedule = "the plan cannot be scheduled"
    static let noTaskSelected = "no task selected"
    static let atPlanStart = "the chart already starts with the plan"
    static let atPlanEnd = "the chart already ends with the plan"
    static let noDependencies = "no dependencies"
    /// The selected task in one line (the pane's footer, and what `y` copies):
    /// `kickoff: 2026-03-02→2026-03-02 float 1d · 项目经理 · no dependencies`.
    static func summary(_ task: PlanTask, _ timing: ScheduledTask) -> String {
        var text = "\(task.id): \(timing.earlyStart)→\(timing.earlyFinish) " + floatDays(timing.floatDays)
        if let owner = task.owner { text += " · \(owner)" }
        return text + " · " + (task.after.isEmpty ? noDependencies : after(task.after.map(\.text)))
    }
    static func waitsForNothing(_ id: String) -> String { "\(id) waits for nothing" }
    static func after(_ dependencies: [String]) -> String { "after " + dependencies.joined(separator: ", ") }
    static func floatDays(_ days: Int) -> String { "float \(days)d" }
    /// `critical 1/2: a → b → c`, one chain of the critical path through the selected task.
    static func criticalChain(_ chain: [String], number: Int, of count: Int) -> String {
        (count > 1 ? "critical \(number)/\(count): " : "critical: ") + chain.joined(separator: " → ")
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
