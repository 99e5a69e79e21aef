/// Judges every alert rule for every scope value at the end of each minute
/// of event time and records the state changes:
/// ok → pending on a breach; pending → firing once the breach has lasted
/// `for`; pending → ok if it clears first; firing → ok only past `recover`.
/// Below `min_volume` the state is no data and nothing fires; a firing rule
/// stays firing through a lull, since nothing says it recovered.
/// Scopes are judged in a fixed order, so a replay gives the same transitions.
public struct AlertEngine: Sendable {
    struct ScopeState: Sendable {
        var state: AlertState = .ok
        var pendingSince: Int64 = 0
        var value: Double?
        /// A baseline rule's latest usual range for the scope (nil: too few points yet).
        var usual: UsualRange?
    }

    /// A dimension's scopes in judging order (by name), with the store's
    /// count of them when it was made: scopes are only ever added, and an
    /// id's name never changes (symbol tables only grow), so the order is
    /// remade only when a scope is new — not sorted every minute (it was,
    /// names made afresh for each rule each minute).
    private struct JudgingOrder: Sendable {
        var seen = -1
        var scopes: [(id: Int32, name: String)] = []
    }

    private(set) var rules: [CompiledAlertRule]
    let context: KPIContext
    /// Per rule (by index): its state for every scope it has judged.
    private var states: [RuleScopeStates] = []
    /// Per baseline rule (by index; nil for others): the values it judged, its
    /// usual points' source. Internal for `recordUsual` (AlertEngine+UsualOnly).
    var histories: [UsualHistory?] = []
    /// Set for an engine that only keeps baseline rules' past values over
    /// one dimension (`init(plan:recordingUsualOf:)`): `judge` records them and judges nothing.
    private(set) var recordsOnlyUsualOf: KPIDimension?
    /// Per dimension (`KPIDimension.allCases` order).
    private var orders = [JudgingOrder](repeating: JudgingOrder(), count: KPIDimension.allCases.count)
    /// Per rule, per place in its dimension's judging order: the scope's
    /// slot in `states[rule]`, -1 until the rule first judges it.
    private var slots: [[Int]] = []

    public init(plan: Plan) {
        rules = plan.alerts.compactMap { CompiledAlertRule($0, benchmarks: plan.campaign.benchmarks) }
        context = KPIContext(plan: plan)
        resetRuleTables()
        for (index, rule) in rules.enumerated() {
            if let baseline = rule.rule.usual { histories[index] = UsualHistory(baseline) }
        }
    }

    /// An engine for one report (`kpi --by dimension`), which reads only what
    /// the baseline rules over `dimension` judged (their usual points): each
    /// closed minute it records those rules' values, exactly as `judge`
    /// records them, and judges no rule, so it keeps no states and reports no
    /// transitions. Judging every rule and scope was 40 % of `kpi --by
    /// channel`'s fold on the simulator's 2 M events, for states never read.
    public init(plan: Plan, recordingUsualOf dimension: KPIDimension) {
        self.init(plan: plan)
        recordsOnlyUsualOf = dimension
    }

    /// Empty per-rule tables for `rules`; the judging orders are remade on the next judge.
    private mutating func resetRuleTables() {
        states = rules.map { _ in RuleScopeStates() }
        histories = rules.map { _ in nil }
        slots = rules.map { _ in [] }
        orders = [JudgingOrder](repeating: JudgingOrder(), count: KPIDimension.allCases.count)
    }

    private static func dimensionIndex(_ dimension: KPIDimension) -> Int {
        switch dimension {
        case .channel: 0
        case .segment: 1
        case .campaign: 2
        case .total: 3
        }
    }

    /// Remakes `dimension`'s judging order and its rules' slots if the store has named a scope since.
    private mutating func refreshOrder(_ dimension: KPIDimension, store: KPIStore,
                                       name: (KPIDimension, Int32) -> String) {
        let d = Self.dimensionIndex(dimension)
        let ids = store.scopeIDs(dimension)
        orders[d].seen = ids.count
        orders[d].scopes = ids.map { (id: $0, name: name(dimension, $0)) }.sorted { $0.name < $1.name }
        for (index, rule) in rules.enumerated() where rule.dimension == dimension {
            slots[index] = orders[d].scopes.map { states[index].slot(of: $0.id) ?? -1 }
        }
    }

    /// `dimension`'s scopes in judging order (by name), remade first if the store has named a scope since.
    mutating func judgingOrder(_ dimension: KPIDimension, store: KPIStore,
                               name: (KPIDimension, Int32) -> String) -> [(id: Int32, name: String)] {
        if store.scopeCount(dimension) != orders[Self.dimensionIndex(dimension)].seen {
            refreshOrder(dimension, store: store, name: name)
        }
        return orders[Self.dimensionIndex(dimension)].scopes
    }

    /// Judges the minute `minute` (it has just closed) and returns what changed.
    public mutating func judge(minute: Int64, store: KPIStore, name: (KPIDimension, Int32) -> String) -> [AlertTransition] {
        if let dimension = recordsOnlyUsualOf {
            recordUsual(minute: minute, store: store, dimension: dimension, name: name)
            return []
        }
        var changes: [AlertTransition] = []
        let at = (minute + 1) * 60_000
        var clock = store.clock
        let closesDay = clock.day(of: minute * 60_000) != clock.day(of: at)
        for index in rules.indices {
            let rule = rules[index]
            if rule.judgedAtDayEnd && !closesDay { continue }
            // Checked here so the usual minute does not call out with `name`
            // (the call copied the name tables, 3.6 % of `kpi --by channel`).
            if store.scopeCount(rule.dimension) != orders[Self.dimensionIndex(rule.dimension)].seen {
                refreshOrder(rule.dimension, store: store, name: name)
            }
            let order = orders[Self.dimensionIndex(rule.dimension)].scopes
            let isBaseline = histories[index] != nil
            for (place, scope) in order.enumerated() {
                let values = store.values(rule.dimension, id: scope.id, name: scope.name, window: rule.rule.window,
                                          atMinute: minute, context: context, only: rule.metric)
                var slot = slots[index][place]
                if slot < 0 {
                    slot = states[index].slot(making: scope.id)
                    slots[index][place] = slot
                }
                var current = states[index].states[slot]
                let judgement: CompiledAlertRule.Judgement, value: Double?
                if isBaseline {
                    value = rule.judgedValue(values)
                    let usual = histories[index]!.usualThenRecord(scope: scope.id, minute: minute, value: value,
                                                                  minimumPoints: rule.rule.usual?.minimumPoints ?? 1)
                    if usual != nil || current.usual == nil { current.usual = usual }
                    judgement = rule.judge(value, usual: usual)
                } else {
                    (judgement, value) = rule.judge(values)
                }
                current.value = value
                let threshold = !isBaseline ? rule.threshold : current.usual.map(rule.usualThreshold)
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
                    if let value, let usual = current.usual, isBaseline {
                        if rule.hasRecovered(value, usual: usual) { move(to: .ok) }
                    } else if let value, rule.hasRecovered(value) {
                        move(to: .ok)
                    }
                }
                states[index].states[slot] = current
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
        let oldStates = states, oldHistories = histories
        resetRuleTables()
        for (oldIndex, kept) in oldStates.enumerated() {
            guard let index = successor(of: old[oldIndex].rule) else { continue }
            for (id, state) in kept.sortedByID { states[index][id] = state }
        }
        // The judged past carries over only where it is still the same
        // window looked back on the same way; otherwise the rule learns anew.
        for (oldIndex, history) in oldHistories.enumerated() {
            guard let history else { continue }
            let before = old[oldIndex].rule
            if let next = successor(of: before), rules[next].rule.window == before.window,
               let baseline = rules[next].rule.usual, baseline.season == history.baseline.season,
               baseline.periods == history.baseline.periods {
                histories[next] = history
            }
        }
        for (index, rule) in rules.enumerated() where histories[index] == nil {
            if let baseline = rule.rule.usual { histories[index] = UsualHistory(baseline) }
        }
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
        return states[index][scopeID]?.usual
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
        return states[index][scopeID]?.state
    }
}

// MARK: Snapshot (MonitorFold+Snapshot)

extension AlertEngine {
    /// The states and judged values; the rules themselves come from the plan
    /// when read back (the snapshot's fingerprint says it is the same plan).
    func write(_ out: inout SnapshotWriter) {
        out.int(rules.count)
        out.int(states.reduce(0) { $0 + $1.count })
        for (rule, kept) in states.enumerated() {
            for (id, state) in kept.sortedByID {
                out.int(rule)
                out.i32(id)
                out.int(AlertState.allCases.firstIndex(of: state.state)!)
                out.i64(state.pendingSince)
                out.optionalDouble(state.value)
                out.bool(state.usual != nil)
                state.usual?.write(&out)
            }
        }
        out.int(histories.reduce(0) { $0 + ($1 == nil ? 0 : 1) })
        for (index, history) in histories.enumerated() {
            guard let history else { continue }
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
            states[rule][id] = scope
        }
        let count = try input.count(minimumSize: 16)
        guard count == histories.reduce(0, { $0 + ($1 == nil ? 0 : 1) }) else { throw SnapshotReader.Malformed() }
        for _ in 0..<count {
            let index = try input.int()
            guard histories.indices.contains(index), let baseline = histories[index]?.baseline else {
                throw SnapshotReader.Malformed()
            }
            histories[index] = try UsualHistory(&input, baseline: baseline)
        }
    }
}
