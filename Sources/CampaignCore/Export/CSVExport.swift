/// Tasks as CSV with their scheduled dates, for spreadsheets.
public enum CSVExport {
    public static let header = ["id", "name", "phase", "owner", "start", "finish", "days", "after", "progress",
                                "budget", "budget_line", "risk", "mitigation", "milestone", "critical", "float_days"]

    public static func tasks(_ plan: Plan, schedule: Schedule) -> String {
        CSVWriter.document(header: header, rows: zip(plan.tasks, schedule.tasks).map { task, timing in
            [task.id, task.name, task.phase ?? "", task.owner ?? "", "\(timing.earlyStart)", "\(timing.earlyFinish)",
             String(timing.durationDays), task.after.map(\.text).joined(separator: " "),
             Formatting.plain(task.progress), task.budget.map { "\($0)" } ?? "", task.budgetLine ?? "",
             task.risk ?? "", task.mitigation ?? "", String(task.isMilestone), String(timing.isCritical),
             String(timing.floatDays)]
        })
    }
}
