/// The closed minute of an engine that only keeps baseline rules' past
/// values (`AlertEngine.init(plan:recordingUsualOf:)`, for `kpi`).
extension AlertEngine {
    /// Records, for every baseline rule over `dimension` and every scope the
    /// store knows, the value the rule judges at `minute`: what `judge`
    /// records for it (`usualThenRecord` stores the same value the same way),
    /// without the usual range, the judgement or the state it goes on to.
    mutating func recordUsual(minute: Int64, store: KPIStore, dimension: KPIDimension,
                              name: (KPIDimension, Int32) -> String) {
        var clock = store.clock
        // The day `store.values` takes for a calendar-day window, found once a minute, not per scope.
        let day = clock.day(of: minute * 60_000)
        for index in rules.indices where rules[index].dimension == dimension && histories[index] != nil {
            let rule = rules[index]
            let order = judgingOrder(dimension, store: store, name: name)
            let fromCounters = rule.valueReadsOnlyCounters
            for scope in order {
                let value: Double?
                if fromCounters, let counters = store.scopeCounters(window: rule.rule.window, day: day,
                                                                    dimension: dimension, id: scope.id) {
                    value = rule.judgedValue(KPIValues(counters: counters))
                } else {
                    value = rule.judgedValue(store.values(dimension, id: scope.id, name: scope.name,
                                                          window: rule.rule.window, atMinute: minute,
                                                          context: context, only: rule.metric))
                }
                histories[index]!.record(scope: scope.id, minute: minute, value: value)
            }
        }
    }
}

extension CompiledAlertRule {
    /// Whether the judged value is a function of the scope's counters over
    /// the window alone, so the store's running sum for the scope gives it
    /// without `KPIStore.values`, which also makes what this metric never
    /// reads (elapsed share, a closure over the leaves, a copy of the clock)
    /// for every scope every minute. Not so for budget metrics (budget,
    /// spend to date, forecast), community gauges (active users, members),
    /// and proportions over a campaign or the total (counted over the
    /// channels that report the denominator).
    var valueReadsOnlyCounters: Bool {
        if case .budget = metric.kind { return false }
        if metric.readsCommunityGauges { return false }
        switch dimension {
        case .channel, .segment: return true
        case .campaign, .total: return !metric.totalCountsOnlyPartsWithDenominator
        }
    }
}
