import CampaignText
import CampaignCore
import Foundation

/// Every sentence the task card shows (from the catalog).
enum TaskCardText {
    static var title: String { Phrase.taskCardTitle.text() }
    static var closes: String { Phrase.cardEscCloses.text() }
    static var unscheduled: String { Phrase.taskUnscheduled.text() }
    static func gone(_ id: String) -> String { Phrase.taskGone.text(id) }
    static func phase(_ name: String) -> String { Phrase.taskPhase.text(name) }

    /// `Dates: 2026-03-23 → 2026-04-26 (35 days)`, or a milestone's one day.
    static func dates(_ timing: ScheduledTask) -> String {
        timing.isMilestone
            ? Phrase.taskMilestoneDate.text(timing.earlyStart)
            : Phrase.taskDates.text(timing.earlyStart, timing.earlyFinish, Phrase.days(timing.durationDays))
    }

    /// Float and the latest dates it allows: what "can it slip?" needs.
    static func latest(_ timing: ScheduledTask) -> String {
        if timing.floatDays == 0 { return Phrase.taskFloatCritical.text() }
        return Phrase.taskFloat.text(Phrase.days(timing.floatDays), timing.lateStart, timing.lateFinish)
    }

    static func conflict(_ conflict: PinnedStartConflict) -> String {
        Phrase.taskPinConflict.text(conflict.pinnedStart, conflict.forcedBy.taskID, conflict.earliestAllowedStart)
    }

    /// One critical chain through the task; numbered when the task is on several.
    static func chain(_ chain: [String], number: Int, of count: Int) -> String {
        let path = chain.joined(separator: " → ")
        return count > 1 ? Phrase.taskCriticalOf.text(number, count, path) : Phrase.taskCriticalOne.text(path)
    }

    static func owner(_ owner: String?) -> String { Phrase.taskOwner.text(owner ?? Phrase.noneValue.text()) }

    static func waitsForHeading(_ none: Bool) -> String { (none ? Phrase.taskWaitsForNothing : Phrase.taskWaitsFor).text() }
    /// `  ← asset-review+2d 素材审核, finishes 2026-03-14`
    static func waitsFor(_ dependency: TaskDependency, name: String, finish: Day) -> String {
        "  " + Phrase.taskWaitsForLine.text(GanttMark.dependency, dependency.text, name, finish)
    }

    static func waitedForHeading(_ none: Bool) -> String { (none ? Phrase.taskWaitedForNothing : Phrase.taskWaitedFor).text() }
    /// `  → warmup 会员预热与裂变, starts 2026-03-16`
    static func waitedFor(_ id: String, name: String, start: Day) -> String {
        "  " + Phrase.taskWaitedForLine.text(GanttMark.dependant, id, name, start)
    }

    static func risk(_ risk: String) -> String { Phrase.taskRisk.text(risk) }
    static func mitigation(_ mitigation: String) -> String { Phrase.taskMitigation.text(mitigation) }

    /// `Budget: 60,000 CNY · line 线上推广 (online, 600,000 CNY)`
    static func budget(_ amount: Decimal?, lineID: String?, line: BudgetLine?, currency: String) -> String {
        let text = Phrase.taskBudget.text(amount.map { Formatting.money($0) + " " + currency } ?? Phrase.noneValue.text())
        if let line {
            return Phrase.taskBudgetLine.text(text, line.name, line.id, Formatting.money(line.amount) + " " + currency)
        } else if let lineID {
            return Phrase.taskBudgetLineUnknown.text(text, lineID)
        }
        return text
    }

    /// `Progress: 40%`, and how late when it is.
    static func progress(_ progress: Double, daysLate: Int?) -> String {
        let percent = Formatting.percent(progress, decimals: 0)
        if let daysLate { return Phrase.taskProgressLate.text(percent, Phrase.days(daysLate)) }
        return Phrase.taskProgress.text(percent)
    }
}
