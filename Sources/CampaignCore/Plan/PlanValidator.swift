import CampaignText
import Foundation

/// Checks between the elements of a loaded plan: ids and references,
/// dependency cycles, dates, budgets, metrics and rule expressions.
enum PlanValidator {
    /// `campaignIsComplete` is false when the campaign section was unusable and
    /// a stand-in was used to check the rest; checks against its values are skipped.
    static func validate(_ plan: Plan, campaignIsComplete: Bool = true) -> [Diagnostic] {
        validateKeepingSchedule(plan, campaignIsComplete: campaignIsComplete).diagnostics
    }

    /// Also the schedule the span check computed (nil when it computed none),
    /// so an editor need not compute the same schedule again.
    static func validateKeepingSchedule(_ plan: Plan, campaignIsComplete: Bool = true) -> (diagnostics: [Diagnostic], schedule: Schedule?) {
        var found: [Diagnostic] = []
        found += identifiers(plan)
        found += references(plan)
        found += taskDates(plan)
        let (spans, schedule) = PlanSpanChecks.check(plan, campaignIsComplete: campaignIsComplete)
        // A plan that could be scheduled has no cycle (the scheduler refuses
        // one): the search is left out then, as every edit key checks the plan.
        if schedule == nil { found += dependencyCycles(plan) }
        found += spans
        if campaignIsComplete { found += budgets(plan) }
        found += metrics(plan)
        found += PlanCustomerChecks.check(plan)
        found += PlanRuleChecks.check(plan)
        return (found, schedule)
    }

    /// Ids must be unique within their kind and usable in `after: [id+2d]`.
    private static func identifiers(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ kind: PlanElementKind, _ items: [(id: String, location: SourceLocation)]) {
            var seen: [String: SourceLocation] = [:]
            for item in items {
                if !isValidID(item.id) {
                    found.append(.error(item.location, Phrase.checkIDCharacters.text(kind.noun, item.id)))
                }
                if let first = seen[item.id] {
                    found.append(.error(item.location, Phrase.checkDuplicateID.text(kind.noun, item.id, first.line)))
                } else {
                    seen[item.id] = item.location
                }
            }
        }
        check(.budgetLine, plan.budgetLines.map { ($0.id, $0.location) })
        check(.channel, plan.channels.map { ($0.id, $0.location) })
        check(.segment, plan.segments.map { ($0.id, $0.location) })
        check(.phase, plan.phases.map { ($0.id, $0.location) })
        check(.task, plan.tasks.map { ($0.id, $0.location) })
        for segment in plan.segments where segment.id == "unassigned" {
            found.append(.error(segment.location, Phrase.checkReservedSegmentID.text("unassigned")))
        }
        return found
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            // The ASCII letters are exactly the alphabetic ASCII scalars (no property lookup per letter).
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
        }
    }

    private static func unknown(_ kind: PlanElementKind, _ id: String, at location: SourceLocation, known: [String], in owner: String) -> Diagnostic {
        .error(location, Phrase.checkUnknownReference.text(kind.noun, id, owner, Suggestion.hint(for: id, among: known)))
    }

    private static func references(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let taskIDs = plan.tasks.map(\.id), phaseIDs = plan.phases.map(\.id)
        let channelIDs = plan.channels.map(\.id), lineIDs = plan.budgetLines.map(\.id)
        // Sets to look up in, the lists for the hints: a 1,000-task plan is
        // checked on every edit key.
        let taskIDSet = Set(taskIDs), phaseIDSet = Set(phaseIDs), lineIDSet = Set(lineIDs)
        for task in plan.tasks {
            // Named only when a message needs it (building the phrase is most of this loop's cost).
            var owner: String { PlanElementKind.task.named(task.id) }
            if let phase = task.phase, !phaseIDSet.contains(phase) {
                found.append(unknown(.phase, phase, at: task.fields.of("phase"), known: phaseIDs, in: owner))
            }
            for dependency in task.after where !taskIDSet.contains(dependency.taskID) {
                found.append(unknown(.task, dependency.taskID, at: dependency.location, known: taskIDs, in: Phrase.checkKeyOf.text("after", owner)))
            }
            if let line = task.budgetLine, !lineIDSet.contains(line) {
                found.append(unknown(.budgetLine, line, at: task.fields.of("budget_line"), known: lineIDs, in: owner))
            }
        }
        for channel in plan.channels {
            if let line = channel.budgetLine, !lineIDs.contains(line) {
                found.append(unknown(.budgetLine, line, at: channel.fields.of("budget_line"), known: lineIDs, in: PlanElementKind.channel.named(channel.id)))
            }
        }
        for segment in plan.segments {
            guard let persona = segment.persona else { continue }
            for (channel, location) in zip(persona.channels, persona.channelLocations) where !channelIDs.contains(channel) {
                found.append(unknown(.channel, channel, at: location, known: channelIDs,
                                     in: Phrase.checkNounPersona.text(PlanElementKind.segment.named(segment.id))))
            }
        }
        return found
    }

    private static func taskDates(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for task in plan.tasks {
            var name: String { PlanElementKind.task.named(task.id) }
            if task.isMilestone {
                if task.fields.has("days") || task.fields.has("end") {
                    let key = task.fields.has("days") ? "days" : "end"
                    found.append(.error(task.fields.of(key), Phrase.checkMilestoneHasDuration.text(name, key)))
                }
                if task.start == nil && task.after.isEmpty {
                    found.append(.error(task.location, Phrase.checkMilestoneNeedsStart.text(name, "start", "after")))
                }
                continue
            }
            // Presence, not parsed values: a 'days' that failed to parse was already reported.
            if task.fields.has("days") && task.fields.has("end") {
                found.append(.error(task.fields.of("end"), Phrase.checkDaysAndEnd.text(name, "days", "end")))
            } else if !task.fields.has("days") && !task.fields.has("end") {
                found.append(.error(task.location, Phrase.checkNeedsDuration.text(name, "days", "end")))
            }
            if let end = task.end {
                if let start = task.start {
                    if end < start {
                        found.append(.error(task.fields.of("end"), Phrase.checkEndBeforeStart.text(name, end, start)))
                    }
                } else {
                    found.append(.error(task.fields.of("end"), Phrase.checkEndWithoutStart.text(name, "end", "start", "days", "after")))
                }
            }
            if let start = task.start, start < plan.campaign.start {
                found.append(.warning(task.fields.of("start"), Phrase.checkStartsBeforeCampaign.text(name, start, plan.campaign.start)))
            }
        }
        return found
    }

    private static func dependencyCycles(_ plan: Plan) -> [Diagnostic] {
        let input = PlanScheduling.input(for: plan)
        return input.dependencyCycles().map { cycle in
            let first = plan.task(cycle[0])
            let next = cycle.count > 1 ? cycle[1] : cycle[0]
            let location = first?.after.first { $0.taskID == next }?.location ?? first?.location ?? .start
            return .error(location, Phrase.checkDependencyCycle.text((cycle + [cycle[0]]).joined(separator: " → ")))
        }
    }

    private static func budgets(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let sharedSegments = plan.segments.filter { $0.budgetShare != nil }
        let shareTotal = sharedSegments.reduce(0.0) { $0 + ($1.budgetShare ?? 0) }
        // A tiny tolerance: 0.4 + 0.35 + 0.25 is 1.0000000000000002 in binary.
        if shareTotal > 1 + 1e-9, let last = sharedSegments.last {
            let terms = sharedSegments.map { "\($0.id) \(Formatting.plain($0.budgetShare ?? 0))" }.joined(separator: " + ")
            found.append(.error(last.fields.of("budget_share"), Phrase.checkSharesOverOne.text(Formatting.plain(shareTotal), terms)))
        }
        let linesTotal = plan.budgetLines.reduce(Decimal(0)) { $0 + $1.amount }
        if linesTotal > plan.campaign.budget, let last = plan.budgetLines.last {
            found.append(.error(last.fields.of("amount"), Phrase.checkLinesOverBudget.text(linesTotal, plan.campaign.budget)))
        }
        let channelTotal = plan.channels.reduce(Decimal(0)) { $0 + ($1.budget ?? 0) }
        if channelTotal > plan.campaign.budget, let last = plan.channels.last {
            found.append(.warning(last.location, Phrase.checkChannelsOverBudget.text(channelTotal, plan.campaign.budget)))
        }
        for line in plan.budgetLines {
            let planned = plan.channels.filter { $0.budgetLine == line.id }.reduce(Decimal(0)) { $0 + ($1.budget ?? 0) }
            if planned > line.amount {
                found.append(.warning(line.location, Phrase.checkChannelsOverLine.text(line.id, planned, line.amount)))
            }
        }
        return found
    }

    /// "(did you mean 'x'?)" when something is close, else the list to choose from.
    private static func knownOrHint(_ word: String, _ known: [String]) -> String {
        let hint = Suggestion.hint(for: word, among: known)
        return hint.isEmpty ? Phrase.checkKnownList.text(known.joined(separator: Phrase.checkListSeparator.text())) : hint
    }

    private static func metrics(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for alert in plan.alerts where alert.kpi == nil {
            found.append(.error(alert.fields.of("metric"), Phrase.checkUnknownMetricAlert.text(alert.metric, alert.name) + knownOrHint(alert.metric, Vocabulary.kpis)))
        }
        for segment in plan.segments {
            for goal in segment.goals where !Vocabulary.goalMetrics.contains(goal.metric) {
                found.append(.error(goal.fields.of("metric"), Phrase.checkUnknownMetricGoal.text(goal.metric, segment.id) + knownOrHint(goal.metric, Vocabulary.goalMetrics)))
            }
        }
        var names: [String: SourceLocation] = [:]
        for alert in plan.alerts {
            if let first = names[alert.name] {
                found.append(.error(alert.location, Phrase.checkDuplicateAlertName.text(alert.name, first.line)))
            } else {
                names[alert.name] = alert.location
            }
        }
        return found
    }
}
