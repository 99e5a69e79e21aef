import CampaignText

/// Validation of the plan's expressions: segment rules (conditions over
/// customer fields) and alert thresholds (numbers over benchmarks), each error
/// pointing at its column in the file; and segments that earlier rules shadow.
enum PlanRuleChecks {
    static func check(_ plan: Plan) -> [Diagnostic] {
        let benchmarks = plan.campaign.benchmarks.map { Vocabulary.benchmarkName($0.name) }
        var found: [Diagnostic] = []
        var compiled: [RuleExpression?] = []
        for segment in plan.segments {
            let expression = customerRule(segment.rule, at: segment.ruleLocation, context: .segment, in: plan,
                                          subject: Phrase.checkSubjectSegmentRule.text(segment.id), into: &found)
            compiled.append(expression)
        }
        for alert in plan.alerts {
            _ = checked(alert.threshold, at: alert.thresholdLocation, names: benchmarks, expecting: .number,
                        subject: Phrase.checkSubjectThreshold.text(alert.direction.rawValue, alert.name), into: &found)
            if let recover = alert.recover, let location = alert.recoverLocation {
                _ = checked(recover, at: location, names: benchmarks, expecting: .number,
                            subject: Phrase.checkSubjectRecover.text("recover", alert.name), into: &found)
            }
        }
        found += PlanCustomerChecks.rules(plan)
        if !found.hasErrors {
            found += ShadowedSegments.find(plan.segments, rules: compiled.compactMap { $0 }, benchmarks: plan.campaign.benchmarks)
        }
        return found
    }

    /// A segment, tag or tier rule: a condition over the names its context
    /// may read (`PlanRuleNames`); a name it may not read is an error saying why.
    static func customerRule(_ text: String, at start: SourceLocation, context: PlanRuleContext, in plan: Plan,
                             subject: String, into found: inout [Diagnostic]) -> RuleExpression? {
        checked(text, at: start, fields: PlanRuleNames.fieldTypes(for: context, in: plan), expecting: .boolean,
                subject: subject, refused: PlanRuleNames.refused(for: context, in: plan), into: &found)
    }

    /// Parses and type-checks one expression; nil when it has errors (reported).
    /// `refused` names are known (no "unknown name") but each use is an error with its reason.
    private static func checked(_ text: String, at start: SourceLocation, names: [String], expecting: RuleType,
                                subject: String, into found: inout [Diagnostic]) -> RuleExpression? {
        checked(text, at: start, fields: RuleFieldType.numbers(names), expecting: expecting, subject: subject, into: &found)
    }

    /// The same over names of known types (text, sets).
    private static func checked(_ text: String, at start: SourceLocation, fields: [String: RuleFieldType], expecting: RuleType,
                                subject: String, refused: [String: String] = [:],
                                into found: inout [Diagnostic]) -> RuleExpression? {
        do {
            let expression = try RuleExpression.parse(text)
            // A refused name is known (no "unknown name", no type errors about it) but each use is an error with its reason.
            let known = fields.merging(RuleFieldType.numbers(refused.keys)) { declared, _ in declared }
            var errors = expression.check(fields: known, expecting: expecting, subject: subject)
            for reference in expression.referencedNames {
                if let why = refused[reference.name] { errors.append(RuleError(column: reference.column, message: why)) }
            }
            found += errors.map { .error(start.advanced(byColumns: $0.column - 1), $0.message) }
            return errors.isEmpty ? expression : nil
        } catch {
            found.append(.error(start.advanced(byColumns: error.column - 1), error.message))
            return nil
        }
    }
}

/// Finds segments no customer can reach because earlier rules take every
/// customer they would match. Decidable exactly when the rules read only the
/// three scores: then the 125 (r, f, m) cells are every kind of customer there is.
enum ShadowedSegments {
    static let scoreFields = ["r_score", "f_score", "m_score"]

    static func find(_ segments: [Segment], rules: [RuleExpression], benchmarks: [(name: String, value: Double)]) -> [Diagnostic] {
        guard rules.count == segments.count else { return [] }
        var bindings: [String: RuleBinding] = [:]
        for (index, field) in scoreFields.enumerated() { bindings[field] = .slot(index) }
        for benchmark in benchmarks { bindings[Vocabulary.benchmarkName(benchmark.name)] = .constant(benchmark.value) }
        let cells = (1...5).flatMap { r in (1...5).flatMap { f in (1...5).map { m in [Double(r), Double(f), Double(m)] } } }
        var taken = [Bool](repeating: false, count: cells.count)
        var takers: [String] = []
        var found: [Diagnostic] = []
        for (segment, rule) in zip(segments, rules) {
            let usesOnlyScores = rule.referencedNames.allSatisfy { scoreFields.contains($0.name) || $0.name.hasPrefix("benchmark.") }
            // Once a rule reads other fields, who reaches the later segments depends on the data.
            guard usesOnlyScores, let compiled = try? rule.compile(bindings: bindings, expecting: .boolean) else { return found }
            let matching = cells.indices.filter { compiled.matches(cells[$0]) }
            let reachable = matching.filter { !taken[$0] }
            if matching.isEmpty {
                found.append(.warning(segment.ruleLocation, Phrase.checkNeverMatchesScores.text(segment.id, scoreFields[0], scoreFields[1], scoreFields[2])))
            } else if reachable.isEmpty {
                found.append(.warning(segment.ruleLocation, Phrase.checkNeverMatchesShadowed.text(segment.id, takers.joined(separator: Phrase.checkListSeparator.text()))))
            }
            for cell in matching { taken[cell] = true }
            if !matching.isEmpty { takers.append(segment.id) }
        }
        return found
    }
}
