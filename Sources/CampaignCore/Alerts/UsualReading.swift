/// What a baseline rule makes of one scope's value at the current minute:
/// the value it would judge, what is usual for it at this hour and how far
/// the value is from that. For `kpi --format json`.
public struct UsualReading: Sendable, Equatable {
    public var rule: String
    public var metric: String
    public var window: MetricWindow
    /// The rule's metric over the rule's window; nil for no data or below `min_volume`.
    public var value: Double?
    /// nil while the rule has too few past points.
    public var usual: UsualRange?
    /// Outside it on the rule's side, a value is unusual.
    public var band: ClosedRange<Double>?

    public var robustZ: Double? { value.flatMap { usual?.robustZ($0) } }

    public func json() -> JSONValue {
        .object([
            ("rule", .string(rule)), ("metric", .string(metric)), ("window", .string(window.description)),
            ("value", .optional(value)), ("usual_median", .optional(usual?.median)),
            ("usual_low", .optional(band?.lowerBound)), ("usual_high", .optional(band?.upperBound)),
            ("robust_z", .optional(robustZ)), ("usual_points", .int(usual?.points ?? 0)),
        ])
    }
}

extension AlertEngine {
    /// Every baseline rule over `dimension`, read for one scope as the rule
    /// would judge the store's current minute when it closes.
    public func usualReadings(_ dimension: KPIDimension, id: Int32, name: String, store: KPIStore) -> [UsualReading] {
        rules.filter { $0.rule.usual != nil && $0.dimension == dimension }.map { rule in
            let values = store.values(dimension, id: id, name: name, window: rule.rule.window,
                                      atMinute: store.clockMinute, context: context)
            let usual = self.usual(rule: rule.rule.name, scopeID: id, atMinute: store.clockMinute)
            return UsualReading(rule: rule.rule.name, metric: rule.rule.metric, window: rule.rule.window,
                                value: rule.judgedValue(values), usual: usual,
                                band: usual.flatMap { usualBand(rule: rule.rule.name, $0) })
        }
    }

    /// Whether any rule over `dimension` is judged against its usual values.
    public func hasBaselineRules(_ dimension: KPIDimension) -> Bool {
        rules.contains { $0.rule.usual != nil && $0.dimension == dimension }
    }
}
