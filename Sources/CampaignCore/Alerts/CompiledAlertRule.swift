/// An alert rule with its threshold expressions evaluated once (benchmarks
/// are constants) and its judging options settled.
struct CompiledAlertRule: Sendable {
    let rule: AlertRule
    let metric: Metric
    let dimension: KPIDimension
    let threshold: Double
    let recover: Double
    /// Wilson-judged: a ratio KPI whose rule did not opt out.
    let usesWilson: Bool
    /// Judged only when the calendar day closes: a `below` rule on a
    /// day-window value that only grows as the day goes on (a day's distinct
    /// users, a day's sums). Judged at 9 in the morning such a value is
    /// always "low", so judging it before the day ends would cry wolf daily.
    let judgedAtDayEnd: Bool

    init?(_ rule: AlertRule, benchmarks: [(name: String, value: Double)]) {
        var bindings: [String: RuleBinding] = [:]
        for benchmark in benchmarks { bindings[Vocabulary.benchmarkName(benchmark.name)] = .constant(benchmark.value) }
        func evaluate(_ text: String) -> Double? {
            guard let expression = try? RuleExpression.parse(text),
                  let compiled = try? expression.compile(bindings: bindings, expecting: .number) else { return nil }
            return compiled.number([])
        }
        guard let threshold = evaluate(rule.threshold), let metric = rule.kpi else { return nil }
        self.metric = metric
        self.rule = rule
        self.threshold = threshold
        self.recover = rule.recover.flatMap(evaluate) ?? threshold
        switch rule.per {
        case .channel: dimension = .channel
        case .segment: dimension = .segment
        case .campaign: dimension = .campaign
        case .total: dimension = .total
        }
        // A baseline compares a value with the same window at the same time
        // on past days: a day's growing value is compared with what it
        // usually is by this hour, so it is judged every minute, and judged
        // on its point value (the usual spread already is its noise).
        usesWilson = rule.usual == nil && rule.confidence == .wilson && metric.isProportion
        judgedAtDayEnd = rule.usual == nil && rule.window == .calendarDay && rule.direction == .below
            && metric.growsThroughDay
    }

    enum Judgement: Equatable {
        case noData
        case breached
        case clear
    }

    /// The value to judge: the metric over the window, nil when there is
    /// none or it is below `min_volume`.
    func judgedValue(_ values: KPIValues) -> Double? {
        guard let value = values.value(of: metric) else { return nil }
        if rule.minVolume > 0 {
            guard let volume = values.volume(of: metric), volume >= Double(rule.minVolume) else { return nil }
        }
        return value
    }

    /// A baseline rule's judgement of `value` against its usual range.
    func judge(_ value: Double?, usual: UsualRange?) -> Judgement {
        guard let value, let usual, let baseline = rule.usual else { return .noData }
        return usual.isUnusual(value, direction, z: threshold, minChange: baseline.minChange) ? .breached : .clear
    }

    /// A baseline rule is back to usual when the value is no longer unusual
    /// at the `recover` z (which is at most the alarm's z: hysteresis).
    func hasRecovered(_ value: Double, usual: UsualRange) -> Bool {
        !usual.isUnusual(value, direction, z: recover, minChange: rule.usual?.minChange ?? 0)
    }

    private var direction: UsualRange.Direction { rule.direction == .below ? .below : .above }

    /// What the log calls a baseline rule's threshold: the usual median
    /// `min_change` away, in the rule's direction.
    func usualThreshold(_ usual: UsualRange) -> Double {
        usual.threshold(direction, minChange: rule.usual?.minChange ?? 0)
    }

    func judge(_ values: KPIValues) -> (Judgement, value: Double?) {
        guard let value = values.value(of: metric) else { return (.noData, nil) }
        if rule.minVolume > 0 {
            guard let volume = values.volume(of: metric), volume >= Double(rule.minVolume) else { return (.noData, value) }
        }
        var breached: Bool
        if usesWilson, let (successes, trials) = values.proportion(of: metric),
           let interval = WilsonInterval(successes: successes, trials: trials) {
            breached = rule.direction == .below ? interval.upper < threshold : interval.lower > threshold
        } else {
            breached = rule.direction == .below ? value < threshold : value > threshold
        }
        return (breached ? .breached : .clear, value)
    }

    /// Back to ok from firing only past the recovery level (hysteresis).
    func hasRecovered(_ value: Double) -> Bool {
        rule.direction == .below ? value >= recover : value <= recover
    }
}
