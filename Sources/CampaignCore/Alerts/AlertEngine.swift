/// Judges every alert rule for every scope value at the end of each minute
/// of event time and records the state changes:
/// ok → pending on a breach; pending → firing once the breach has lasted
/// `for`; pending → ok if it clears first; firing → ok only past `recover`.
/// Below `min_volume` the state is no data and nothing fires; a firing rule
/// stays firing through a lull, since nothing says it recovered.
/// Scopes are judged in a fixed order, so a replay gives the same transitions.
public struct AlertEngine: Sendable {
    struct ScopeKey: Hashable, Sendable {
        var rule: Int
        var id: Int32
    }

    struct ScopeState: Sendable {
        var state: AlertState = .ok
        var pendingSince: Int64 = 0
        var value: Double?
    }

    private(set) var rules: [CompiledAlertRule]
    let context: KPIContext
    private var states: [ScopeKey: ScopeState] = [:]

    public init(plan: Plan) {
        rules = plan.alerts.compactMap { CompiledAlertRule($0, benchmarks: plan.campaign.benchmarks) }
        context = KPIContext(plan: plan)
    }

    /// Judges the minute `minute` (it has just closed) and returns what changed.
    public mutating func judge(minute: Int64, store: KPIStore, name: (KPIDimension, Int32) -> String) -> [AlertTransition] {
        var changes: [AlertTransition] = []
        let at = (minute + 1) * 60_000
        var clock = store.clock
        let closesDay = clock.day(of: minute * 60_000) != clock.day(of: at)
        for (index, rule) in rules.enumerated() {
            if rule.judgedAtDayEnd && !closesDay { continue }
            let scopes = store.scopeIDs(rule.dimension)
                .map { (id: $0, name: name(rule.dimension, $0)) }
                .sorted { $0.name < $1.name }
            for scope in scopes {
                let values = store.values(rule.dimension, id: scope.id, name: scope.name, window: rule.rule.window,
                                          atMinute: minute, context: context)
                let (judgement, value) = rule.judge(values)
                let key = ScopeKey(rule: index, id: scope.id)
                var current = states[key] ?? ScopeState()
                current.value = value
                func move(to next: AlertState) {
                    changes.append(AlertTransition(at: at, rule: rule.rule.name, per: rule.rule.per, scope: scope.name,
                                                   from: current.state, to: next, value: value,
                                                   threshold: rule.threshold, severity: rule.rule.severity))
                    current.state = next
                }
                switch (judgement, current.state) {
                case (.noData, .firing): break
                case (.noData, .noData): break
                case (.noData, _): move(to: .noData)
                case (.breached, .ok), (.breached, .noData):
                    move(to: .pending)
                    current.pendingSince = at
                    if rule.rule.forSeconds == 0 { move(to: .firing) }
                case (.breached, .pending):
                    if at - current.pendingSince >= Int64(rule.rule.forSeconds) * 1000 { move(to: .firing) }
                case (.breached, .firing): break
                case (.clear, .ok): break
                case (.clear, .noData), (.clear, .pending): move(to: .ok)
                case (.clear, .firing):
                    if let value, rule.hasRecovered(value) { move(to: .ok) }
                }
                states[key] = current
            }
        }
        return changes
    }

    /// Takes the rules of an edited plan mid-stream. A rule that is still
    /// there (same name, metric and scope kind) keeps its states, so changing
    /// a threshold does not forget what is firing; the next minute judges it
    /// against the new threshold. Removed or new rules start from ok.
    public mutating func replaceRules(from plan: Plan) {
        let old = rules
        rules = plan.alerts.compactMap { CompiledAlertRule($0, benchmarks: plan.campaign.benchmarks) }
        var kept: [ScopeKey: ScopeState] = [:]
        for (key, state) in states {
            let before = old[key.rule].rule
            guard let index = rules.firstIndex(where: {
                $0.rule.name == before.name && $0.rule.metric == before.metric && $0.rule.per == before.per
            }) else { continue }
            kept[ScopeKey(rule: index, id: key.id)] = state
        }
        states = kept
    }

    /// A rule's threshold as judged (an expression such as `1.3 * benchmark.cpa`
    /// evaluated), for showing beside values; nil for a rule that did not compile.
    public func threshold(rule: String) -> Double? {
        rules.first { $0.rule.name == rule }?.threshold
    }

    /// The current state of every rule and scope, for the dashboard.
    public func state(rule: String, scopeID: Int32) -> AlertState? {
        guard let index = rules.firstIndex(where: { $0.rule.name == rule }) else { return nil }
        return states[ScopeKey(rule: index, id: scopeID)]?.state
    }
}
