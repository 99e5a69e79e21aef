import Foundation

/// Checks between the elements of a loaded plan: ids and references,
/// dependency cycles, dates, budgets, metrics and rule expressions.
enum PlanValidator {
    /// `campaignIsComplete` is false when the campaign section was unusable and
    /// a stand-in was used to check the rest; checks against its values are skipped.
    static func validate(_ plan: Plan, campaignIsComplete: Bool = true) -> [Diagnostic] {
        var found: [Diagnostic] = []
        found += identifiers(plan)
        found += references(plan)
        found += taskDates(plan)
        found += dependencyCycles(plan)
        found += PlanSpanChecks.check(plan, campaignIsComplete: campaignIsComplete)
        if campaignIsComplete { found += budgets(plan) }
        found += metrics(plan)
        found += PlanRuleChecks.check(plan)
        return found
    }

    /// Ids must be unique within their kind and usable in `after: [id+2d]`.
    private static func identifiers(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ kind: String, _ items: [(id: String, location: SourceLocation)]) {
            var seen: [String: SourceLocation] = [:]
            for item in items {
                if !isValidID(item.id) {
                    found.append(.error(item.location, "\(kind) id '\(item.id)' may only use letters, digits, '-' and '_'"))
                }
                if let first = seen[item.id] {
                    found.append(.error(item.location, "duplicate \(kind) id '\(item.id)' (first at line \(first.line))"))
                } else {
                    seen[item.id] = item.location
                }
            }
        }
        check("budget line", plan.budgetLines.map { ($0.id, $0.location) })
        check("channel", plan.channels.map { ($0.id, $0.location) })
        check("segment", plan.segments.map { ($0.id, $0.location) })
        check("phase", plan.phases.map { ($0.id, $0.location) })
        check("task", plan.tasks.map { ($0.id, $0.location) })
        for segment in plan.segments where segment.id == "unassigned" {
            found.append(.error(segment.location, "segment id 'unassigned' is reserved for customers no rule matches"))
        }
        return found
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
        }
    }

    private static func unknown(_ kind: String, _ id: String, at location: SourceLocation, known: [String], in owner: String) -> Diagnostic {
        .error(location, "unknown \(kind) '\(id)' in \(owner)\(Suggestion.hint(for: id, among: known))")
    }

    private static func references(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let taskIDs = plan.tasks.map(\.id), phaseIDs = plan.phases.map(\.id)
        let channelIDs = plan.channels.map(\.id), lineIDs = plan.budgetLines.map(\.id)
        for task in plan.tasks {
            let owner = "task '\(task.id)'"
            if let phase = task.phase, !phaseIDs.contains(phase) {
                found.append(unknown("phase", phase, at: task.fields.of("phase"), known: phaseIDs, in: owner))
            }
            for dependency in task.after where !taskIDs.contains(dependency.taskID) {
                found.append(unknown("task", dependency.taskID, at: dependency.location, known: taskIDs, in: "'after' of \(owner)"))
            }
            if let line = task.budgetLine, !lineIDs.contains(line) {
                found.append(unknown("budget line", line, at: task.fields.of("budget_line"), known: lineIDs, in: owner))
            }
        }
        for channel in plan.channels {
            if let line = channel.budgetLine, !lineIDs.contains(line) {
                found.append(unknown("budget line", line, at: channel.fields.of("budget_line"), known: lineIDs, in: "channel '\(channel.id)'"))
            }
        }
        for segment in plan.segments {
            guard let persona = segment.persona else { continue }
            for (channel, location) in zip(persona.channels, persona.channelLocations) where !channelIDs.contains(channel) {
                found.append(unknown("channel", channel, at: location, known: channelIDs, in: "the persona of segment '\(segment.id)'"))
            }
        }
        return found
    }

    private static func taskDates(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for task in plan.tasks {
            let name = "task '\(task.id)'"
            if task.isMilestone {
                if task.fields.has("days") || task.fields.has("end") {
                    let key = task.fields.has("days") ? "days" : "end"
                    found.append(.error(task.fields.of(key), "\(name) is a milestone and has no duration; remove '\(key)'"))
                }
                if task.start == nil && task.after.isEmpty {
                    found.append(.error(task.location, "milestone \(name) needs a 'start' date or 'after' tasks"))
                }
                continue
            }
            // Presence, not parsed values: a 'days' that failed to parse was already reported.
            if task.fields.has("days") && task.fields.has("end") {
                found.append(.error(task.fields.of("end"), "\(name) gives both 'days' and 'end'; keep one"))
            } else if !task.fields.has("days") && !task.fields.has("end") {
                found.append(.error(task.location, "\(name) needs a duration: 'days: N' or 'end: DATE'"))
            }
            if let end = task.end {
                if let start = task.start {
                    if end < start {
                        found.append(.error(task.fields.of("end"), "\(name) ends before it starts (end \(end) is before start \(start))"))
                    }
                } else {
                    found.append(.error(task.fields.of("end"), "\(name) has an 'end' but no 'start'; give a 'start' date, or use 'days' with 'after'"))
                }
            }
            if let start = task.start, start < plan.campaign.start {
                found.append(.warning(task.fields.of("start"), "\(name) starts on \(start), before the campaign starts (\(plan.campaign.start))"))
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
            return .error(location, "dependency cycle: \((cycle + [cycle[0]]).joined(separator: " → ")) (each waits for the next)")
        }
    }

    private static func budgets(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let sharedSegments = plan.segments.filter { $0.budgetShare != nil }
        let shareTotal = sharedSegments.reduce(0.0) { $0 + ($1.budgetShare ?? 0) }
        // A tiny tolerance: 0.4 + 0.35 + 0.25 is 1.0000000000000002 in binary.
        if shareTotal > 1 + 1e-9, let last = sharedSegments.last {
            let terms = sharedSegments.map { "\($0.id) \(Formatting.plain($0.budgetShare ?? 0))" }.joined(separator: " + ")
            found.append(.error(last.fields.of("budget_share"), "segment budget shares add up to \(Formatting.plain(shareTotal)), above 1: \(terms)"))
        }
        let linesTotal = plan.budgetLines.reduce(Decimal(0)) { $0 + $1.amount }
        if linesTotal > plan.campaign.budget, let last = plan.budgetLines.last {
            found.append(.error(last.fields.of("amount"), "budget lines add up to \(linesTotal), above the campaign budget of \(plan.campaign.budget)"))
        }
        let channelTotal = plan.channels.reduce(Decimal(0)) { $0 + ($1.budget ?? 0) }
        if channelTotal > plan.campaign.budget, let last = plan.channels.last {
            found.append(.warning(last.location, "channel budgets add up to \(channelTotal), above the campaign budget of \(plan.campaign.budget)"))
        }
        for line in plan.budgetLines {
            let planned = plan.channels.filter { $0.budgetLine == line.id }.reduce(Decimal(0)) { $0 + ($1.budget ?? 0) }
            if planned > line.amount {
                found.append(.warning(line.location, "channels spending from budget line '\(line.id)' plan \(planned), above its \(line.amount)"))
            }
        }
        return found
    }

    /// "(did you mean 'x'?)" when something is close, else the list to choose from.
    private static func knownOrHint(_ word: String, _ known: [String]) -> String {
        let hint = Suggestion.hint(for: word, among: known)
        return hint.isEmpty ? "; known: \(known.joined(separator: ", "))" : hint
    }

    private static func metrics(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for alert in plan.alerts where alert.kpi == nil {
            found.append(.error(alert.fields.of("metric"), "unknown metric '\(alert.metric)' in alert '\(alert.name)'" + knownOrHint(alert.metric, Vocabulary.kpis)))
        }
        for segment in plan.segments {
            for goal in segment.goals where !Vocabulary.goalMetrics.contains(goal.metric) {
                found.append(.error(goal.fields.of("metric"), "unknown metric '\(goal.metric)' in a goal of segment '\(segment.id)'" + knownOrHint(goal.metric, Vocabulary.goalMetrics)))
            }
        }
        var names: [String: SourceLocation] = [:]
        for alert in plan.alerts {
            if let first = names[alert.name] {
                found.append(.error(alert.location, "duplicate alert name '\(alert.name)' (first at line \(first.line))"))
            } else {
                names[alert.name] = alert.location
            }
        }
        return found
    }
}
