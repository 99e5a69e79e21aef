/// "KPIs that moved most since yesterday" for the stand-up: each rate KPI,
/// per channel and in total, yesterday's calendar day against the day before.
public struct KPIMove: Sendable, Equatable {
    public var scope: String
    public var metric: Metric
    public var dayBefore: Double
    public var yesterday: Double
    /// Relative change, (yesterday − day before) / |day before|.
    public var change: Double { (yesterday - dayBefore) / abs(dayBefore) }
}

extension KPIMove {
    /// Rates, not sums: a sum always "moves" with volume, a rate says something changed.
    public static let metrics = Metric.rates

    /// (after − before) / |before|: nil when either is no data or `before` is 0,
    /// which has no relative change (never ±infinity, never NaN). The weekly
    /// report's changes follow the same rule.
    public static func relativeChange(from before: Double?, to after: Double?) -> Double? {
        guard let before, let after, before != 0 else { return nil }
        return (after - before) / abs(before)
    }

    /// The `limit` largest moves by size of relative change (ties: scope, then
    /// metric, so the list is stable). A KPI with no data on either day, or
    /// zero the day before, has no relative change and is left out.
    public static func largest(store: KPIStore, yesterday: Day, limit: Int = 5,
                               name: (KPIDimension, Int32) -> String) -> [KPIMove] {
        var scopes: [(name: String, isTotal: Bool, include: (LeafKey) -> Bool)] = [("total", true, { _ in true })]
        for id in store.scopeIDs(.channel) {
            scopes.append((name(.channel, id), false, { $0.id(along: .channel) == id }))
        }
        // The total counts, for each ratio, only the channels that report its denominator.
        func values(_ day: Day, isTotal: Bool, _ include: (LeafKey) -> Bool) -> KPIValues {
            KPIValues(counters: store.counters(window: .calendarDay, day: day, include: include),
                      parts: isTotal ? store.countersByChannel(window: .calendarDay, day: day, include: include) : [])
        }
        var moves: [KPIMove] = []
        for (scope, isTotal, include) in scopes {
            let before = values(yesterday - 1, isTotal: isTotal, include)
            let after = values(yesterday, isTotal: isTotal, include)
            for metric in metrics {
                guard let b = before.value(of: metric), let a = after.value(of: metric),
                      relativeChange(from: b, to: a) != nil, a != b else { continue }
                moves.append(KPIMove(scope: scope, metric: metric, dayBefore: b, yesterday: a))
            }
        }
        return moves.sorted {
            (abs($0.change), $1.scope, $1.metric.name) > (abs($1.change), $0.scope, $0.metric.name)
        }.prefix(limit).map { $0 }
    }
}
