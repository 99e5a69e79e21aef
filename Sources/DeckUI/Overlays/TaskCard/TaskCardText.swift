import CampaignCore
import Foundation

/// Every sentence the task card shows, in one place so it can move into a catalog.
enum TaskCardText {
    static let title = "Task"
    /// Names the `back` key as the user binds it.
    static func closes(_ keys: KeyRegistry) -> String { "\(keys.label("back")) closes" }
    static let unscheduled = "not scheduled: the plan cannot be scheduled"
    static func gone(_ id: String) -> String { "task \(id) is no longer in the plan" }
    static func phase(_ name: String) -> String { "Phase: \(name)" }

    /// `Dates: 2026-03-23 → 2026-04-26 (35 days)`, or a milestone's one day.
    static func dates(_ timing: ScheduledTask) -> String {
        timing.isMilestone
            ? "Milestone: \(timing.earlyStart)"
            : "Dates: \(timing.earlyStart) → \(timing.earlyFinish) (\(timing.durationDays) \(timing.durationDays == 1 ? "day" : "days"))"
    }

    /// Float and the latest dates it allows: what "can it slip?" needs.
    static func latest(_ timing: ScheduledTask) -> String {
        if timing.floatDays == 0 { return "Float: 0 days, on the critical path (any slip moves the end)" }
        let days = timing.floatDays == 1 ? "1 day" : "\(timing.floatDays) days"
        return "Float: \(days) (may start as late as \(timing.lateStart), finish by \(timing.lateFinish))"
    }

    static func conflict(_ conflict: PinnedStartConflict) -> String {
        "Pinned to \(conflict.pinnedStart), but \(conflict.forcedBy.taskID) allows \(conflict.earliestAllowedStart) at the earliest"
    }

    /// One critical chain through the task; numbered when the task is on several.
    static func chain(_ chain: [String], number: Int, of count: Int) -> String {
        (count > 1 ? "Critical path \(number)/\(count): " : "Critical path: ") + chain.joined(separator: " → ")
    }

    static func owner(_ owner: String?) -> String { "Owner: " + (owner ?? "none") }

    static func waitsForHeading(_ none: Bool) -> String { none ? "Waits for: nothing" : "Waits for:" }
    /// `  ← asset-review+2d 素材审核, finishes 2026-03-14`
    static func waitsFor(_ dependency: TaskDependency, name: String, finish: Day) -> String {
        "  \(GanttMark.dependency) \(dependency.text) \(name), finishes \(finish)"
    }

    static func waitedForHeading(_ none: Bool) -> String { none ? "Waited for by: nothing" : "Waited for by:" }
    /// `  → warmup 会员预热与裂变, starts 2026-03-16`
    static func waitedFor(_ id: String, name: String, start: Day) -> String {
        "  \(GanttMark.dependant) \(id) \(name), starts \(start)"
    }

    static func risk(_ risk: String) -> String { "Risk: \(risk)" }
    static func mitigation(_ mitigation: String) -> String { "Mitigation: \(mitigation)" }

    /// `Budget: 60,000 CNY · line 线上推广 (online, 600,000 CNY)`
    static func budget(_ amount: Decimal?, lineID: String?, line: BudgetLine?, currency: String) -> String {
        var text = "Budget: " + (amount.map { Formatting.money($0) + " " + currency } ?? "none")
        if let line {
            text += " · line \(line.name) (\(line.id), \(Formatting.money(line.amount)) \(currency))"
        } else if let lineID {
            text += " · line \(lineID) (not among the plan's budget lines)"
        }
        return text
    }

    /// `Progress: 40%`, and how late when it is.
    static func progress(_ progress: Double, daysLate: Int?) -> String {
        var text = "Progress: " + Formatting.percent(progress, decimals: 0)
        if let daysLate { text += " · late by \(daysLate == 1 ? "1 day" : "\(daysLate) days")" }
        return text
    }
}
