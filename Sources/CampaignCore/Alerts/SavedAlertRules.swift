/// Which alert transitions the anomaly log may keep: only those judged by the
/// rules of the plan as saved. While an edit to the rules is unsaved, the
/// dashboard judges by the edited rules and shows the result live, but writes
/// nothing, so an edit that is discarded leaves no trace in the log. Edits
/// elsewhere in the plan (a task's dates) do not change how alerts are judged,
/// and do not stop the log.
public struct SavedAlertRules: Sendable {
    private var saved: [String]
    private var judging: [String]

    public init(plan: Plan) {
        saved = Self.judged(plan)
        judging = saved
    }

    /// The engine now judges by `plan`'s rules (an edit, or an edit undone).
    public mutating func judge(by plan: Plan) { judging = Self.judged(plan) }

    /// `plan` is what the file now holds (saved, or reloaded from disk).
    public mutating func save(_ plan: Plan) { saved = Self.judged(plan) }

    /// The rules judging now are the saved ones.
    public var writesTransitions: Bool { judging == saved }

    /// Everything the engine takes from a plan (`AlertEngine.replaceRules`):
    /// each rule as written, without its place in the file, and the benchmarks
    /// thresholds may refer to.
    static func judged(_ plan: Plan) -> [String] {
        plan.alerts.map { rule in
            [rule.name, rule.metric, rule.per.rawValue, rule.direction.rawValue, rule.threshold, rule.window.description,
             String(rule.minVolume), String(rule.forSeconds), rule.recover ?? "-", rule.severity.rawValue,
             rule.playbook ?? "-", rule.confidence.rawValue].joined(separator: "\u{1F}")
        } + plan.campaign.benchmarks.map { "benchmark.\($0.name)=\($0.value)" }
    }
}
