import CampaignText

/// Keeps a plan that validates inside ten years: each task, and the
/// schedule as a whole, from the earliest start to the latest finish.
///
/// Why: the reader already bounds each number (days, lags, weeks, dates); but
/// an `end` far after its `start`, or a chain of long tasks, still adds up to a
/// schedule that no screen, simulation or day loop should be asked to walk.
enum PlanSpanChecks {
    /// Also the schedule computed to judge the whole span, when one was.
    static func check(_ plan: Plan, campaignIsComplete: Bool) -> (diagnostics: [Diagnostic], schedule: Schedule?) {
        let lengths = taskLengths(plan)
        // The whole schedule is judged only from a real campaign start, and
        // only once no single task is already too long (that one is the cause).
        guard campaignIsComplete, lengths.isEmpty else { return (lengths, nil) }
        // A plan the scheduler refuses (a cycle, an unknown dependency) is reported elsewhere.
        let schedule = try? Schedule(computing: PlanScheduling.input(for: plan))
        return (phaseEnds(plan) + (schedule.map { scheduleSpan(plan, $0) } ?? []), schedule)
    }

    /// Weeks are bounded, but counted from a start late in 9999 they still
    /// reach a five-digit year.
    private static func phaseEnds(_ plan: Plan) -> [Diagnostic] {
        plan.phases.compactMap { phase in
            let end = phase.endDay(campaignStart: plan.campaign.start)
            guard !end.isInSupportedRange else { return nil }
            return .error(phase.fields.of("weeks"), Phrase.checkPhasePastLastDate.text(phase.id, end, Day.supportedYears.upperBound))
        }
    }

    private static func taskLengths(_ plan: Plan) -> [Diagnostic] {
        plan.tasks.compactMap { task in
            guard !task.isMilestone, task.days == nil, let start = task.start, let end = task.end,
                  end - start + 1 > PlanLimits.maximumSpanDays else { return nil }
            return .error(task.fields.of("end"), Phrase.checkTaskTooLong.text(task.id, end - start + 1, start, end, Phrase.checkSpanLimit.text(PlanLimits.maximumSpanDays)))
        }
    }

    private static func scheduleSpan(_ plan: Plan, _ schedule: Schedule) -> [Diagnostic] {
        guard let lastIndex = schedule.tasks.indices.max(by: { schedule.tasks[$0].earlyFinish < schedule.tasks[$1].earlyFinish })
        else { return [] }
        let first = min(plan.campaign.start, schedule.tasks.map(\.earlyStart).min() ?? plan.campaign.start)
        let last = schedule.projectEnd
        let days = last - first + 1
        if days <= PlanLimits.maximumSpanDays, !last.isInSupportedRange {
            let task = plan.tasks[lastIndex]
            return [.error(task.location, Phrase.checkSchedulePastLastDate.text(last, task.id, Day.supportedYears.upperBound))]
        }
        guard days > PlanLimits.maximumSpanDays else { return [] }
        // Blame the task that starts before the campaign when there is one
        // (a pinned start years early), else the one that ends last.
        let earliestIndex = schedule.tasks.indices.min { schedule.tasks[$0].earlyStart < schedule.tasks[$1].earlyStart }!
        let startsEarly = schedule.tasks[earliestIndex].earlyStart < plan.campaign.start
        let task = plan.tasks[startsEarly ? earliestIndex : lastIndex]
        let role = (startsEarly ? Phrase.checkRoleStartsFirst : Phrase.checkRoleEndsLast).text()
        return [.error(task.location, Phrase.checkScheduleTooLong.text(days, first, last, task.id, role, Phrase.checkSpanLimit.text(PlanLimits.maximumSpanDays)))]
    }
}
