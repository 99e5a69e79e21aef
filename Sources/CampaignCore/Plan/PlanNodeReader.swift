import CampaignText
import Foundation
import Yams

/// Reads each kind of plan element from its YAML node. Returns nil (after
/// reporting why) only when an element lacks what identifies it.
struct PlanNodeReader {
    let sink: DiagnosticSink

    /// The element is located at its identifying value (`id`, or `name` for alerts).
    func locations(_ fields: YAMLFields) -> FieldLocations {
        let key = fields.has("id") ? "id" : (fields.has("name") ? "name" : "metric")
        return FieldLocations(element: fields.location(of: key), values: fields.valueLocations)
    }

    /// The campaign as far as it could be read, and whether it is complete
    /// (an unusable one still lends its benchmarks to rule checks).
    func campaign(_ node: Node) -> (Campaign, isComplete: Bool)? {
        let what = "'campaign'"
        guard let fields = YAMLFields(node, what: what, allowed: [
            "id", "name", "currency", "timezone", "start", "budget", "transactions", "customers", "benchmarks",
        ], sink: sink) else { return nil }
        let id = fields.string("id", required: true, what: what)
        let name = fields.string("name", what: what)
        let start = fields.day("start", required: true, what: what)
        let budget = fields.decimal("budget", required: true, what: what)
        let currency = fields.string("currency", what: what) ?? "CNY"
        if currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            sink.error(fields.location(of: "currency"), Phrase.checkCurrency.text("currency", "ISO 4217", "CNY", "USD", currency))
        }
        let timezone = fields.string("timezone", what: what) ?? "UTC"
        switch TimeZoneName.judge(timezone) {
        case .accepted: break
        case .acceptedWithWarning(let message): sink.warning(fields.location(of: "timezone"), message)
        case .rejected(let message): sink.error(fields.location(of: "timezone"), message)
        }
        var benchmarks: [(String, Double)] = []
        if let benchmarkNode = fields.value("benchmarks") {
            if case .mapping(let mapping) = benchmarkNode {
                for (key, value) in mapping {
                    let name = key.string ?? ""
                    guard case .scalar(let scalar) = value, scalar.style == .plain,
                          let number = YAMLNumbers.double(scalar.string) else {
                        sink.error(value.location, Phrase.checkBenchmarkNotNumber.text(name, value.kindDescription))
                        continue
                    }
                    benchmarks.append((name, number))
                }
            } else {
                sink.error(benchmarkNode.location, Phrase.checkBenchmarksNotMapping.text("benchmarks", "{ cpa: 45.0, ctr: 0.015 }"))
            }
        }
        let campaign = Campaign(id: id ?? "", name: name ?? id ?? "", currency: currency, timezone: timezone,
                                start: start ?? Campaign.standIn.start, budget: budget ?? 0,
                                transactions: fields.string("transactions", what: what), benchmarks: benchmarks,
                                customers: fields.value("customers").flatMap(customerSource))
        return (campaign, id != nil && start != nil && budget != nil)
    }

    func budgetLine(_ node: Node) -> BudgetLine? {
        let what = YAMLFields.describe(.budgetLine, node)
        guard let fields = YAMLFields(node, what: what, allowed: ["id", "name", "amount"], sink: sink),
              let id = fields.string("id", required: true, what: what) else { return nil }
        let amount = fields.decimal("amount", required: true, what: what)
        return BudgetLine(fields: locations(fields), id: id, name: fields.string("name", what: what) ?? id,
                          amount: amount ?? 0)
    }

    func channel(_ node: Node) -> Channel? {
        let what = YAMLFields.describe(.channel, node)
        guard let fields = YAMLFields(node, what: what, allowed: [
            "id", "name", "kind", "budget", "budget_line",
        ], sink: sink), let id = fields.string("id", required: true, what: what) else { return nil }
        return Channel(fields: locations(fields), id: id, name: fields.string("name", what: what) ?? id,
                       kind: fields.choice("kind", as: Channel.Kind.self, what: what) ?? .paid,
                       budget: fields.decimal("budget", what: what),
                       budgetLine: fields.string("budget_line", what: what))
    }

    func segment(_ node: Node) -> Segment? {
        let what = YAMLFields.describe(.segment, node)
        guard let fields = YAMLFields(node, what: what, allowed: [
            "id", "name", "rule", "persona", "budget_share", "goals",
        ], sink: sink), let id = fields.string("id", required: true, what: what) else { return nil }
        let rule = fields.string("rule", required: true, what: what) ?? "true"
        let share = fields.number("budget_share", what: what)
        if let share, !(0...1).contains(share) {
            sink.error(fields.location(of: "budget_share"), Phrase.checkShareRange.text("budget_share", what, share))
        }
        var persona: Persona?
        let personaWhat = Phrase.checkNounPersona.text(what)
        if let personaNode = fields.value("persona"),
           let personaFields = YAMLFields(personaNode, what: personaWhat,
                                          allowed: ["traits", "pain_points", "channels"], sink: sink) {
            let channels = personaFields.stringList("channels", what: personaWhat)
            persona = Persona(traits: personaFields.string("traits", what: personaWhat),
                              painPoints: personaFields.stringList("pain_points", what: personaWhat).map(\.text),
                              channels: channels.map(\.text), channelLocations: channels.map(\.location))
        }
        let goals = fields.list("goals", what: what).compactMap { goal($0, segment: id) }
        return Segment(fields: locations(fields), id: id, name: fields.string("name", what: what) ?? id, rule: rule,
                       ruleLocation: fields.textStart("rule") ?? fields.location,
                       persona: persona, budgetShare: share, goals: goals)
    }

    func goal(_ node: Node, segment: String) -> Goal? {
        let what = Phrase.checkNounGoal.text(segment)
        guard let fields = YAMLFields(node, what: what, allowed: ["metric", "target", "at_least", "at_most", "baseline", "lift", "by",
                                                                   "min_volume"], sink: sink),
              let metric = fields.string("metric", required: true, what: what) else { return nil }
        // `target:` and `at_least:` are one thing (higher is better); `at_most:` is a ceiling.
        let targetKeys = ["target", "at_least", "at_most"].filter(fields.has)
        if targetKeys.count > 1 {
            let message = Phrase.goalTargetKeysTwice.text(what, targetKeys[0], targetKeys[1], "target", "at_least", "at_most")
            sink.error(fields.keyLocation(targetKeys[1]) ?? fields.location, message)
        }
        let targetKey = targetKeys.first ?? "target"
        let target = fields.number(targetKey, what: what)
        let baseline = fields.number("baseline", what: what)
        let lift = fields.number("lift", what: what)
        if target != nil, baseline != nil || lift != nil {
            sink.error(fields.location, Phrase.checkGoalTargetAndBaseline.text(what, targetKey, "baseline", "lift"))
        } else if target == nil, baseline == nil || lift == nil,
                  targetKeys.isEmpty, !(fields.has("baseline") && fields.has("lift")) {
            sink.error(fields.location, Phrase.checkGoalNeedsTarget.text(what, "target", "baseline", "lift"))
        }
        return Goal(fields: locations(fields), metric: metric, target: target, isCeiling: targetKey == "at_most", baseline: baseline,
                    lift: lift, by: fields.day("by", what: what), minVolume: fields.integer("min_volume", what: what, minimum: 0))
    }

    func phase(_ node: Node) -> Phase? {
        let what = YAMLFields.describe(.phase, node)
        guard let fields = YAMLFields(node, what: what, allowed: ["id", "name", "weeks"], sink: sink),
              let id = fields.string("id", required: true, what: what) else { return nil }
        var weeks = 1...1
        if let text = fields.string("weeks", required: true, what: what) {
            if let parsed = PlanNodeReader.weekRange(text), parsed.upperBound > PlanLimits.maximumWeek {
                sink.error(fields.location(of: "weeks"), Phrase.checkWeeksTooLate.text("weeks", what, PlanLimits.maximumWeek, text))
            } else if let parsed = PlanNodeReader.weekRange(text) {
                weeks = parsed
            } else {
                sink.error(fields.location(of: "weeks"), Phrase.checkWeeksMalformed.text("weeks", what, text))
            }
        }
        return Phase(fields: locations(fields), id: id, name: fields.string("name", what: what) ?? id, weeks: weeks)
    }

    static func weekRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts.last!),
              first >= 1, last >= first else { return nil }
        return first...last
    }

    func task(_ node: Node) -> PlanTask? {
        let what = YAMLFields.describe(.task, node)
        guard let fields = YAMLFields(node, what: what, allowed: [
            "id", "name", "phase", "owner", "start", "days", "end", "after", "budget", "budget_line",
            "progress", "risk", "mitigation", "milestone",
        ], sink: sink), let id = fields.string("id", required: true, what: what) else { return nil }
        let progress = fields.number("progress", what: what) ?? 0
        if !(0...1).contains(progress) {
            sink.error(fields.location(of: "progress"), Phrase.checkProgressRange.text("progress", what, progress))
        }
        let after: [TaskDependency] = fields.stringList("after", what: what).compactMap { item in
            guard let dependency = PlanNodeReader.dependency(item.text, at: item.location) else {
                sink.error(item.location, Phrase.checkDependencyMalformed.text(item.text, what, "asset-review+2d"))
                return nil
            }
            guard dependency.lagDays <= PlanLimits.maximumSpanDays else {
                sink.error(item.location, Phrase.checkDependencyLagTooLong.text(item.text, what, PlanLimits.maximumSpanDays))
                return nil
            }
            return dependency
        }
        return PlanTask(fields: locations(fields), id: id, name: fields.string("name", what: what) ?? id,
                        phase: fields.string("phase", what: what), owner: fields.string("owner", what: what),
                        start: fields.day("start", what: what),
                        days: fields.integer("days", what: what, minimum: 1, maximum: PlanLimits.maximumSpanDays,
                                             limitText: Phrase.checkTenYears.text()),
                        end: fields.day("end", what: what), after: after,
                        budget: fields.decimal("budget", what: what),
                        budgetLine: fields.string("budget_line", what: what),
                        progress: min(max(progress, 0), 1),
                        risk: fields.string("risk", what: what), mitigation: fields.string("mitigation", what: what),
                        isMilestone: fields.bool("milestone", what: what) ?? false)
    }

    /// `id` or `id+Nd`.
    static func dependency(_ text: String, at location: SourceLocation) -> TaskDependency? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let plus = trimmed.lastIndex(of: "+") else {
            return trimmed.isEmpty ? nil : TaskDependency(taskID: trimmed, lagDays: 0, location: location)
        }
        let id = String(trimmed[..<plus]).trimmingCharacters(in: .whitespaces)
        var lag = trimmed[trimmed.index(after: plus)...].trimmingCharacters(in: .whitespaces)
        guard lag.hasSuffix("d") else { return nil }
        lag.removeLast()
        guard !id.isEmpty, let days = Int(lag), days >= 0 else { return nil }
        return TaskDependency(taskID: id, lagDays: days, location: location)
    }

    func alert(_ node: Node) -> AlertRule? {
        let what = YAMLFields.describe(.alert, node, key: "name")
        guard let fields = YAMLFields(node, what: what, allowed: [
            "name", "metric", "per", "below", "above", "window", "min_volume", "for", "recover",
            "severity", "playbook", "confidence", "notify",
        ] + PlanNodeReader.usualKeys, sink: sink), let name = fields.string("name", required: true, what: what) else { return nil }
        let metric = fields.string("metric", required: true, what: what) ?? ""
        var window = MetricWindow.rolling(seconds: 3_600)
        if let text = fields.string("window", what: what) {
            if let parsed = MetricWindow(name: text) {
                window = parsed
            } else {
                sink.error(fields.location(of: "window"), Phrase.checkOfNotOneOf.text("window", what, MetricWindow.names.joined(separator: Phrase.checkListSeparator.text()), text, Suggestion.hint(for: text, among: MetricWindow.names)))
            }
        }
        var direction = AlertRule.Direction.below
        var threshold = "0"
        var thresholdKey = "below"
        let usual = usualBaseline(fields, what: what, window: window)
        if let usual {
            (direction, threshold, thresholdKey) = (usual.direction, usual.threshold, usual.key)
        } else {
            switch (fields.string("below", what: what), fields.string("above", what: what)) {
            case (let below?, nil): threshold = below
            case (nil, let above?): direction = .above; threshold = above
            case (_?, _?):
                sink.error(fields.location(of: "above"), Phrase.checkBelowAndAbove.text(what, "below", "above"))
            case (nil, nil) where !fields.has("below_usual") && !fields.has("above_usual"):   // reported: no 'usual'
                sink.error(fields.location, Phrase.checkNeedsThreshold.text(what, "below", "above"))
            case (nil, nil): break
            }
            thresholdKey = direction == .below ? "below" : "above"
        }
        var forSeconds = 0
        if let text = fields.string("for", what: what) {
            if let seconds = DurationText.seconds(text), seconds > PlanLimits.maximumSpanSeconds {
                sink.error(fields.location(of: "for"), Phrase.checkDurationTooLong.text("for", what, PlanLimits.maximumSpanDays, text))
            } else if let seconds = DurationText.seconds(text) {
                forSeconds = seconds
            } else {
                sink.error(fields.location(of: "for"), Phrase.checkForMalformed.text("for", what, text))
            }
        }
        var rule = AlertRule(fields: locations(fields), name: name, metric: metric, per: fields.choice("per", as: AlertRule.Scope.self, what: what) ?? .total,
                         direction: direction, threshold: threshold,
                         thresholdLocation: fields.textStart(thresholdKey) ?? fields.location,
                         window: window, minVolume: fields.integer("min_volume", what: what, minimum: 0) ?? 0,
                         forSeconds: forSeconds, recover: fields.string("recover", what: what),
                         recoverLocation: fields.textStart("recover"),
                         severity: fields.choice("severity", as: AlertRule.Severity.self, what: what) ?? .warning,
                         playbook: fields.string("playbook", what: what),
                         confidence: fields.choice("confidence", as: AlertRule.Confidence.self, what: what) ?? .wilson)
        rule.notify = fields.stringList("notify", what: what).map { NotifyReference(id: $0.text, location: $0.location) }
        rule.usual = usual?.baseline
        return rule
    }
}

/// Durations as people write them in config: `0`, `30s`, `10m`, `2h`, `1d`.
public enum DurationText {
    /// nil when the text is not a duration; `Int.max` when it is one too long
    /// to count in seconds (callers bound durations far below that).
    public static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "0" { return 0 }
        guard let unit = trimmed.last else { return nil }
        let digits = trimmed.dropLast()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let scale: Int
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3_600
        case "d": scale = 86_400
        default: return nil
        }
        guard let amount = Int(digits) else { return Int.max }
        let (seconds, overflow) = amount.multipliedReportingOverflow(by: scale)
        return overflow ? Int.max : seconds
    }
}
