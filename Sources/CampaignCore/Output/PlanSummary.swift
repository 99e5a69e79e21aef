import CampaignText
import Foundation

/// `plan show`: the plan as people read it (tables) or as programs read it (JSON).
public enum PlanSummary {
    public static func table(_ plan: Plan) -> String {
        let campaign = plan.campaign
        var out = Phrase.planShowHeadline.text(campaign.name, campaign.id, campaign.currency, Formatting.money(campaign.budget),
                                               campaign.timezone, campaign.start) + "\n"
        if !campaign.benchmarks.isEmpty {
            out += Phrase.planShowBenchmarks.text(campaign.benchmarks.map { "\($0.name) \(Formatting.plain($0.value))" }.joined(separator: ", ")) + "\n"
        }
        func section(_ title: String, _ table: TextTable) {
            guard !table.rows.isEmpty else { return }
            out += "\n" + title + "\n" + table.rendered()
        }
        var lines = TextTable([.init(Phrase.planHeadID.text()), .init(Phrase.planHeadName.text()), .init(Phrase.planHeadAmount.text(), .right), .init(Phrase.planHeadShare.text(), .right)])
        for line in plan.budgetLines {
            let share = campaign.budget > 0 ? NSDecimalNumber(decimal: line.amount / campaign.budget).doubleValue : 0
            lines.add([line.id, line.name, Formatting.money(line.amount), Formatting.percent(share)])
        }
        section(Phrase.planSectionBudgetLines.text(), lines)

        var channels = TextTable([.init(Phrase.planHeadID.text()), .init(Phrase.planHeadName.text()), .init(Phrase.planHeadKind.text()), .init(Phrase.planHeadBudget.text(), .right), .init(Phrase.planHeadLine.text())])
        for channel in plan.channels {
            channels.add([channel.id, channel.name, channel.kind.rawValue,
                          channel.budget.map { Formatting.money($0) } ?? "-", channel.budgetLine ?? "-"])
        }
        section(Phrase.planSectionChannels.text(), channels)

        var segments = TextTable([.init(Phrase.planHeadID.text()), .init(Phrase.planHeadName.text()), .init(Phrase.planHeadBudget.text(), .right), .init(Phrase.planHeadGoals.text()), .init(Phrase.planHeadRule.text())])
        for segment in plan.segments {
            let goals = segment.goals.map(goalText).joined(separator: "; ")
            segments.add([segment.id, segment.name, segment.budgetShare.map { Formatting.percent($0) } ?? "-",
                          goals.isEmpty ? "-" : goals, segment.rule])
        }
        section(Phrase.planSectionSegments.text(), segments)
        out += customerSections(plan)

        var phases = TextTable([.init(Phrase.planHeadID.text()), .init(Phrase.planHeadName.text()), .init(Phrase.planHeadWeeks.text()), .init(Phrase.planHeadFrom.text()), .init(Phrase.planHeadTo.text())])
        for phase in plan.phases {
            let weeks = phase.weeks.count == 1 ? "\(phase.weeks.lowerBound)" : "\(phase.weeks.lowerBound)-\(phase.weeks.upperBound)"
            phases.add([phase.id, phase.name, weeks, "\(phase.startDay(campaignStart: campaign.start))",
                        "\(phase.endDay(campaignStart: campaign.start))"])
        }
        section(Phrase.planSectionPhases.text(), phases)

        var tasks = TextTable([.init(Phrase.planHeadID.text()), .init(Phrase.planHeadName.text()), .init(Phrase.planHeadPhase.text()), .init(Phrase.planHeadOwner.text()), .init(Phrase.planHeadDays.text(), .right),
                               .init(Phrase.planHeadAfter.text()), .init(Phrase.planHeadProgress.text(), .right), .init(Phrase.planHeadRisk.text())])
        for task in plan.tasks {
            tasks.add([task.id, task.name, task.phase ?? "-", task.owner ?? "-",
                       task.isMilestone ? "◆" : String(task.durationDays),
                       task.after.isEmpty ? "-" : task.after.map(\.text).joined(separator: ","),
                       Formatting.percent(task.progress, decimals: 0), task.risk ?? "-"])
        }
        section(Phrase.planSectionTasks.text(), tasks)

        var alerts = TextTable([.init(Phrase.planHeadName.text()), .init(Phrase.planHeadMetric.text()), .init(Phrase.planHeadPer.text()), .init(Phrase.planHeadThreshold.text()), .init(Phrase.planHeadWindow.text()),
                                .init(Phrase.planHeadFor.text()), .init(Phrase.planHeadSeverity.text())])
        for alert in plan.alerts {
            alerts.add([alert.name, alert.metric, alert.per.rawValue, thresholdText(alert),
                        alert.window.description, alert.forSeconds == 0 ? "-" : "\(alert.forSeconds / 60)m",
                        alert.severity.rawValue])
        }
        section(Phrase.planSectionAlerts.text(), alerts)
        if !plan.targets.isEmpty {
            out += "\n" + Phrase.targetPlanShowTitle.text() + "\n"
            for target in plan.targets {
                let source = target.benchmark.map { " (\(CampaignTarget.benchmarkPrefix)\($0))" } ?? ""
                out += "  " + goalText(target.goal) + source + "\n"
            }
        }
        out += sourceSection(plan)
        // Names and rules are other people's text: shown, never obeyed by the terminal.
        return ControlCharacters.escapedKeepingLayout(out)
    }

    static func goalText(_ goal: Goal) -> String {
        var text = goal.spokenMetric
        if let target = goal.target {
            text += " " + goal.ceilingMark + Formatting.plain(target)
        } else if let baseline = goal.baseline, let lift = goal.lift {
            text += " \(Formatting.plain(baseline)) +\(Formatting.percent(lift))"
        }
        if let by = goal.by { text = Phrase.planGoalBy.text(text, by) }
        return text
    }

    public static func json(_ plan: Plan) -> JSONValue {
        let campaign = plan.campaign
        return .object([
            ("campaign", .object([
                ("id", .string(campaign.id)), ("name", .string(campaign.name)),
                ("currency", .string(campaign.currency)), ("timezone", .string(campaign.timezone)),
                ("start", .string(campaign.start.description)), ("budget", .decimal(campaign.budget)),
                ("transactions", .optional(campaign.transactions)),
                ("benchmarks", .object(campaign.benchmarks.map { ($0.name, .double($0.value)) })),
                ("customers", customersJSON(campaign.customers)),
            ])),
            ("budget_lines", .array(plan.budgetLines.map {
                .object([("id", .string($0.id)), ("name", .string($0.name)), ("amount", .decimal($0.amount))])
            })),
            ("channels", .array(plan.channels.map {
                .object([("id", .string($0.id)), ("name", .string($0.name)), ("kind", .string($0.kind.rawValue)),
                         ("budget", .optional($0.budget)), ("budget_line", .optional($0.budgetLine))])
            })),
            ("segments", .array(plan.segments.map(segmentJSON))),
            ("phases", .array(plan.phases.map {
                .object([("id", .string($0.id)), ("name", .string($0.name)),
                         ("week_from", .int($0.weeks.lowerBound)), ("week_to", .int($0.weeks.upperBound)),
                         ("start", .string($0.startDay(campaignStart: campaign.start).description)),
                         ("end", .string($0.endDay(campaignStart: campaign.start).description))])
            })),
            ("tasks", .array(plan.tasks.map(taskJSON))),
            ("alerts", .array(plan.alerts.map(alertJSON))),
            ("targets", .array(plan.targets.map { target in
                .object([("metric", .string(target.goal.metric)), ("target", .optional(target.target)),
                         ("direction", .string(target.goal.direction)), ("benchmark", .optional(target.benchmark)),
                         ("by", .optional(target.by))])
            })),
        ] + customerRulesJSON(plan) + sourcesJSON(plan))
    }

    static func segmentJSON(_ segment: Segment) -> JSONValue {
        .object([
            ("id", .string(segment.id)), ("name", .string(segment.name)), ("rule", .string(segment.rule)),
            ("budget_share", .optional(segment.budgetShare)),
            ("persona", segment.persona.map { persona in
                .object([("traits", .optional(persona.traits)),
                         ("pain_points", .array(persona.painPoints.map(JSONValue.string))),
                         ("channels", .array(persona.channels.map(JSONValue.string)))])
            } ?? .null),
            ("goals", .array(segment.goals.map { goal in
                .object([("metric", .string(goal.metric)), ("target", .optional(goal.target)),
                         ("direction", .string(goal.direction)),
                         ("baseline", .optional(goal.baseline)), ("lift", .optional(goal.lift)),
                         ("by", .optional(goal.by))])
            })),
        ])
    }

    static func taskJSON(_ task: PlanTask) -> JSONValue {
        .object([
            ("id", .string(task.id)), ("name", .string(task.name)), ("phase", .optional(task.phase)),
            ("owner", .optional(task.owner)), ("start", .optional(task.start)),
            ("days", task.isMilestone ? .null : .int(task.durationDays)),
            ("after", .array(task.after.map { .string($0.text) })),
            ("budget", .optional(task.budget)), ("budget_line", .optional(task.budgetLine)),
            ("progress", .double(task.progress)), ("risk", .optional(task.risk)),
            ("mitigation", .optional(task.mitigation)), ("milestone", .bool(task.isMilestone)),
        ])
    }

    /// `below 0.01`, or for a baseline rule `below_usual 3.5 · hour_of_day/14 · min_change 30%`
    /// (plan keys, so the same in both languages).
    static func thresholdText(_ alert: AlertRule) -> String {
        guard let usual = alert.usual else { return "\(alert.direction.rawValue) \(alert.threshold)" }
        return "\(alert.direction.rawValue)_usual \(alert.threshold) · \(usual.season.rawValue)/\(usual.periods)"
            + " · min_change \(Formatting.percent(usual.minChange, decimals: 0))"
    }

    /// A baseline rule names its keys as the plan writes them (`below_usual`,
    /// `usual`, `usual_days`), never as a fixed `below`.
    static func thresholdJSON(_ alert: AlertRule) -> [(String, JSONValue)] {
        guard let usual = alert.usual else { return [(alert.direction.rawValue, .string(alert.threshold))] }
        return [("\(alert.direction.rawValue)_usual", .string(alert.threshold)), ("usual", .string(usual.season.rawValue)),
                (usual.season.periodsKey, .int(usual.periods)), ("min_change", .double(usual.minChange))]
    }

    static func alertJSON(_ alert: AlertRule) -> JSONValue {
        .object([
            ("name", .string(alert.name)), ("metric", .string(alert.metric)), ("per", .string(alert.per.rawValue)),
        ] + thresholdJSON(alert) + [
            ("window", .string(alert.window.description)),
            ("min_volume", .int(alert.minVolume)), ("for_seconds", .int(alert.forSeconds)),
            ("recover", .optional(alert.recover)), ("severity", .string(alert.severity.rawValue)),
            ("confidence", .string(alert.confidence.rawValue)), ("playbook", .optional(alert.playbook)),
        ])
    }
}
