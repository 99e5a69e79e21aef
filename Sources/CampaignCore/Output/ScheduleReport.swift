import CampaignText

/// `plan schedule`: dates, float and the critical path of every task.
public enum ScheduleReport {
    public static func json(_ schedule: Schedule, plan: Plan, today: Day) -> JSONValue {
        .object([
            ("project_start", .string(schedule.projectStart.description)),
            ("project_end", .string(schedule.projectEnd.description)),
            ("today", .string(today.description)),
            ("tasks", .array(zip(plan.tasks, schedule.tasks).map { task, timing in
                .object([
                    ("id", .string(timing.id)), ("name", .string(task.name)), ("phase", .optional(task.phase)),
                    ("owner", .optional(task.owner)),
                    ("early_start", .string(timing.earlyStart.description)),
                    ("early_finish", .string(timing.earlyFinish.description)),
                    ("late_start", .string(timing.lateStart.description)),
                    ("late_finish", .string(timing.lateFinish.description)),
                    ("float_days", .int(timing.floatDays)), ("critical", .bool(timing.isCritical)),
                    ("milestone", .bool(timing.isMilestone)), ("progress", .double(timing.progress)),
                    ("late", .bool(timing.isLate(today: today))),
                ])
            })),
            ("campaign_days", .int(CampaignLength(plan: plan, schedule: schedule).days)),
            ("critical_tasks", .array(schedule.criticalTasks.map(JSONValue.string))),
            ("critical_paths", .array(schedule.criticalPaths.chains.map { .array($0.map(JSONValue.string)) })),
            ("critical_path_count", .int(schedule.criticalPaths.count)),
            ("conflicts", .array(schedule.conflicts.map { conflict in
                .object([
                    ("task", .string(conflict.taskID)), ("pinned_start", .string(conflict.pinnedStart.description)),
                    ("earliest_start", .string(conflict.earliestAllowedStart.description)),
                    ("forced_by", .string(conflict.forcedBy.taskID)),
                ])
            })),
        ])
    }

    public static let csvHeader = ["id", "name", "phase", "owner", "early_start", "early_finish", "late_start",
                                   "late_finish", "float_days", "critical", "milestone", "progress", "late"]

    public static func csv(_ schedule: Schedule, plan: Plan, today: Day) -> String {
        CSVWriter.document(header: csvHeader, rows: zip(plan.tasks, schedule.tasks).map { task, timing in
            [timing.id, task.name, task.phase ?? "", task.owner ?? "", "\(timing.earlyStart)", "\(timing.earlyFinish)",
             "\(timing.lateStart)", "\(timing.lateFinish)", String(timing.floatDays), String(timing.isCritical),
             String(timing.isMilestone), Formatting.plain(timing.progress), String(timing.isLate(today: today))]
        })
    }

    public static func table(_ schedule: Schedule, plan: Plan, today: Day) -> String {
        var table = TextTable([.init("ID"), .init(Phrase.checkScheduleHeadName.text()), .init(Phrase.checkScheduleHeadOwner.text()),
                               .init(Phrase.checkScheduleHeadStart.text()), .init(Phrase.checkScheduleHeadFinish.text()),
                               .init(Phrase.checkScheduleHeadDays.text(), .right), .init(Phrase.checkScheduleHeadFloat.text(), .right),
                               .init(Phrase.checkScheduleHeadDone.text(), .right), .init(Phrase.checkScheduleHeadFlags.text())])
        for (task, timing) in zip(plan.tasks, schedule.tasks) {
            var flags: [String] = []
            if timing.isCritical { flags.append(Phrase.checkScheduleFlagCritical.text()) }
            if timing.isLate(today: today) { flags.append(Phrase.checkScheduleFlagLate.text()) }
            if let conflict = timing.conflict {
                flags.append(Phrase.checkScheduleFlagConflict.text(conflict.pinnedStart, conflict.forcedBy.taskID, conflict.earliestAllowedStart))
            }
            table.add([timing.id, task.name, task.owner ?? "-", "\(timing.earlyStart)", "\(timing.earlyFinish)",
                       timing.isMilestone ? "◆" : String(timing.durationDays), String(timing.floatDays),
                       Formatting.percent(timing.progress, decimals: 0), flags.joined(separator: Phrase.checkListSeparator.text())])
        }
        let length = CampaignLength(plan: plan, schedule: schedule)
        var out = Phrase.checkScheduleTitle.text(plan.campaign.name, length.start, length.lastDay, length.days, today) + "\n\n"
        out += table.rendered()
        out += "\n" + criticalPathText(schedule.criticalPaths)

        let late = schedule.lateTasks(today: today)
        if !late.isEmpty {
            let items = late.map { late in
                let blocks = late.allBlocked.isEmpty ? ""
                    : Phrase.checkScheduleLateBlocks.text(late.allBlocked.joined(separator: Phrase.checkListSeparator.text()))
                return Phrase.checkScheduleLateTask.text(late.task.id, late.daysLate, blocks)
            }
            out += Phrase.checkScheduleLate.text(items.joined(separator: Phrase.checkScheduleLateSeparator.text())) + "\n"
        }
        return ControlCharacters.escapedKeepingLayout(out)
    }

    /// One chain on one line; parallel chains each on their own line, so no
    /// line reads as if parallel tasks ran one after the other.
    static func criticalPathText(_ paths: CriticalPaths) -> String {
        let chains = paths.chains.map { $0.joined(separator: " → ") }
        switch chains.count {
        case 0: return Phrase.checkScheduleNoCriticalPath.text() + "\n"
        case 1: return Phrase.checkScheduleCriticalPath.text(chains[0]) + "\n"
        default:
            var text = Phrase.checkScheduleCriticalPaths.text(paths.count) + "\n" + chains.map { "  " + $0 + "\n" }.joined()
            if paths.count > chains.count { text += "  " + Phrase.checkScheduleMorePaths.text(paths.count - chains.count) + "\n" }
            return text
        }
    }
}
