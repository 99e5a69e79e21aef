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
        /// A baseline rule's latest usual range for the scope (nil: too few points yet).
        var usual: UsualRange?
    }

    private(set) var rules: [CompiledAlertRule]
    let context: KPIContext
    private var states: [ScopeKey: ScopeState] = [:]
    /// Per baseline rule (by index): the values it judged, its usual points' source.
    private var histories: [Int: UsualHistory] = [:]

    public init(plan: Plan) {
        rules = plan.alerts.compactMap { CompiledAlertRule($0, benchmarks: plan.campaign.benchmarks) }
        context = KPIContext(plan: plan)
        for (index, rule) in rules.enumerated() {
            if let baseline = rule.rule.usual { histories[index] = UsualHistory(baseline) }
        }
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
                                          atMinute: minute, context: context, only: rule.metric)
                let key = ScopeKey(rule: index, id: scope.id)
                var current = states[key] ?? ScopeState()
                let judgement: CompiledAlertRule.Judgement, value: Double?
                if histories[index] != nil {
                    value = rule.judgedValue(values)
                    let past = histories[index]!.points(scope: scope.id, before: minute)
                    histories[index]!.record(scope: scope.id, minute: minute, value: value)
                    let usual = UsualRange(past, minimumPoints: rule.rule.usual?.minimumPoints ?? 1)
                    if usual != nil || current.usual == nil { current.usual = usual }
                    judgement = rule.judge(value, usual: usual)
                } else {
                    (judgement, value) = rule.judge(values)
                }
                current.value = value
                let threshold = histories[index] == nil ? rule.threshold : current.usual.map(rule.usualThreshold)
                func move(to next: AlertState) {
                    changes.append(AlertTransition(at: at, rule: rule.rule.name, per: rule.rule.per, scope: scope.name,
                                                   from: current.state, to: next, value: value,
                                                   threshold: threshold, severity: rule.rule.severity))
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
                    if let value, let usual = current.usual, histories[index] != nil {
                        if rule.hasRecovered(value, usual: usual) { move(to: .ok) }
                    } else if let value, rule.hasRecovered(value) {
                        move(to: .ok)
                    }
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
        func successor(of before: AlertRule) -> Int? {
            rules.firstIndex {
                $0.rule.name == before.name && $0.rule.metric == before.metric && $0.rule.per == before.per
            }
        }
        var kept: [ScopeKey: ScopeState] = [:]
        for (key, state) in states {
            guard let index = successor(of: old[key.rule].rule) else { continue }
            kept[ScopeKey(rule: index, id: key.id)] = state
        }
        states = kept
        // The judged past carries over only where it is still the same
        // window looked back on the same way; otherwise the rule learns anew.
        var keptHistories: [Int: UsualHistory] = [:]
        for (index, history) in histories {
            let before = old[index].rule
            if let next = successor(of: before), rules[next].rule.window == before.window,
               let baseline = rules[next].rule.usual, baseline.season == history.baseline.season,
               baseline.periods == history.baseline.periods {
                keptHistories[next] = history
            }
        }
        for (index, rule) in rules.enumerated() where keptHistories[index] == nil {
            if let baseline = rule.rule.usual { keptHistories[index] = UsualHistory(baseline) }
        }
        histories = keptHistories
    }

    /// A rule's threshold as judged (an expression such as `1.3 * benchmark.cpa`
    /// evaluated), for showing beside values; nil for a rule that did not compile.
    public func threshold(rule: String) -> Double? {
        rules.first { $0.rule.name == rule }?.threshold
    }

    /// A baseline rule's latest usual range for a scope; nil for other rules
    /// and while the rule has too few past points.
    public func usual(rule: String, scopeID: Int32) -> UsualRange? {
        guard let index = rules.firstIndex(where: { $0.rule.name == rule }) else { return nil }
        return states[ScopeKey(rule: index, id: scopeID)]?.usual
    }

    /// What a baseline rule took as usual for a scope at `minute` (its
    /// window ending then), from the values it judged before; nil for other
    /// rules and when too few points are kept. For drawing past values
    /// against their own time's usual.
    public func usual(rule: String, scopeID: Int32, atMinute minute: Int64) -> UsualRange? {
        guard let index = rules.firstIndex(where: { $0.rule.name == rule }), let history = histories[index] else { return nil }
        return UsualRange(history.points(scope: scopeID, before: minute), minimumPoints: history.baseline.minimumPoints)
    }

    /// A baseline rule's usual band for `range`: outside it on the rule's side is unusual.
    public func usualBand(rule: String, _ range: UsualRange) -> ClosedRange<Double>? {
        guard let compiled = rules.first(where: { $0.rule.name == rule }), let baseline = compiled.rule.usual else { return nil }
        return range.usualBand(z: compiled.threshold, minChange: baseline.minChange)
    }

    /// The current state of every rule and scope, for the dashboard.
    public func state(rule: String, scopeID: Int32) -> AlertState? {
        guard let index = rules.firstIndex(where: { $0.rule.name == rule }) else { return nil }
        return states[ScopeKey(rule: index, id: scopeID)]?.state
    }
}

// MARK: Snapshot (MonitorFold+Snapshot)

extension AlertEngine {
    /// The states and judged values; the rules themselves come from the plan
    /// when read back (the snapshot's fingerprint says it is the same plan).
    func write(_ out: inout SnapshotWriter) {
        out.int(rules.count)
        out.int(states.count)
        for (key, state) in states.sorted(by: { ($0.key.rule, $0.key.id) < ($1.key.rule, $1.key.id) }) {
            out.int(key.rule)
            out.i32(key.id)
            out.int(AlertState.allCases.firstIndex(of: state.state)!)
            out.i64(state.pendingSince)
            out.optionalDouble(state.value)
            out.bool(state.usual != nil)
            state.usual?.write(&out)
        }
        out.int(histories.count)
        for (index, history) in histories.sorted(by: { $0.key < $1.key }) {
            out.int(index)
            history.write(&out)
        }
    }

    init(_ input: inout SnapshotReader, plan: Plan) throws {
        self.init(plan: plan)
        guard try input.int() == rules.count else { throw SnapshotReader.Malformed() }
        for _ in 0..<(try input.count(minimumSize: 30)) {
            let rule = try input.int(), id = try input.i32(), state = try input.int()
            guard rules.indices.contains(rule), AlertState.allCases.indices.contains(state) else { throw SnapshotReader.Malformed() }
            var scope = ScopeState()
            scope.state = AlertState.allCases[state]
            scope.pendingSince = try input.i64()
            scope.value = try input.optionalDouble()
            scope.usual = try input.bool() ? try UsualRange(&input) : nil
            states[ScopeKey(rule: rule, id: id)] = scope
        }
        let count = try input.count(minimumSize: 16)
        guard count == histories.count else { throw SnapshotReader.Malformed() }
        for _ in 0..<count {
            let index = try input.int()
            guard let baseline = histories[index]?.baseline else { throw SnapshotReader.Malformed() }
            histories[index] = try UsualHistory(&input, baseline: baseline)
        }
    }
}
