import CampaignText

/// The first problem in a segment rule or an alert threshold as the planner
/// types it, with its 1-based column in the typed text — the editor shows it
/// under the input on every key, before anything is written.
public enum ExpressionCheck {
    /// Checked as `plan validate` checks it (`PlanRuleNames`: the new
    /// customer fields, the declared columns, `tags` and `tier`), so the
    /// editor and the validator never disagree about a rule.
    public static func segmentRule(_ text: String, plan: Plan) -> RuleError? {
        var found: [Diagnostic] = []
        _ = PlanRuleChecks.customerRule(text, at: .start, context: .segment, in: plan,
                                        subject: Phrase.checkSubjectSegmentRuleDefault.text(), into: &found)
        return found.sortedByLocation.first.map { RuleError(column: $0.location.column, message: $0.message) }
    }

    /// A segment rule over fields of known types (text attributes such as
    /// `gender`, sets such as `tags`).
    public static func segmentRule(_ text: String, fields: [String: RuleFieldType]) -> RuleError? {
        firstError(text, fields: fields, expecting: .boolean)
    }

    /// Thresholds read only benchmarks, which are numbers: a text there is an error.
    public static func threshold(_ text: String, plan: Plan) -> RuleError? {
        firstError(text, fields: RuleFieldType.numbers(benchmarkNames(plan)), expecting: .number)
    }

    private static func benchmarkNames(_ plan: Plan) -> [String] {
        plan.campaign.benchmarks.map { Vocabulary.benchmarkName($0.name) }
    }

    private static func firstError(_ text: String, fields: [String: RuleFieldType], expecting: RuleType) -> RuleError? {
        do {
            return try RuleExpression.parse(text).check(fields: fields, expecting: expecting).first
        } catch {
            return error
        }
    }
}
