/// Reading KPIs for one scope value out of the store.
extension KPIStore {
    /// Scope values present in the data along `dimension` (events that did not
    /// name a channel are not a channel), or the single total.
    public func scopeIDs(_ dimension: KPIDimension) -> [Int32] {
        scopeOrder(dimension) ?? [-2]
    }

    /// All KPIs for one scope value over `window`, judged as of the end of `minute`.
    /// `only`: the one metric the caller reads (the alert engine): the parts
    /// of the values it does not read are left empty, each of them a pass
    /// over every leaf (the forecast, eight), at every minute for every scope.
    public func values(_ dimension: KPIDimension, id: Int32, name: String, window: MetricWindow,
                       atMinute minute: Int64, context: KPIContext, only metric: Metric? = nil) -> KPIValues {
        var clock = self.clock
        let day = clock.day(of: minute * 60_000)
        let include: (LeafKey) -> Bool = dimension == .total ? { _ in true } : { $0.id(along: dimension) == id }
        // The scope's own leaves, so each pass below visits them alone.
        let indices = leafIndices(dimension, id: id)
        let counters = scopeCounters(window: window, day: day, dimension: dimension, id: id)
            ?? counters(window: window, day: day, include: include, only: indices)
        let budgetKind = metric.map { $0.kind == .budget } ?? true
        let toDate = !budgetKind ? KPICounters.zero
            : window == .campaignToDate ? counters
            : self.counters(window: .campaignToDate, day: nil, include: include, only: indices)
        let members = metric.map(\.readsCommunityGauges) ?? true ? members(include: include, only: indices) : nil
        // A campaign or the total spans channels, and a ratio over it counts
        // only the channels that report its denominator.
        let parts = (dimension == .campaign || dimension == .total) && metric.map(\.totalCountsOnlyPartsWithDenominator) ?? true
            ? countersByChannel(window: window, day: day, include: include, only: indices) : []
        return KPIValues(counters: counters,
                         activeUsers: members == nil || !hadEvents(on: day) ? nil
                             : activeUsers(day: day, dimension: dimension, id: id),
                         members: members, budget: budgetKind ? context.budget(dimension, name) : nil,
                         spendToDate: toDate.spend, elapsedShare: context.elapsedShare(at: (minute + 1) * 60_000),
                         parts: parts,
                         forecast: budgetKind ? spendForecast(atMinute: minute, include: include, only: indices,
                                                              context: context) : nil)
    }

    /// Campaign-to-date KPIs of every scope value along `dimension`, keyed by
    /// `name` (store ids to channel and segment ids); empty before any event.
    public func campaignToDateValues(_ dimension: KPIDimension, context: KPIContext,
                                     name: (KPIDimension, Int32) -> String) -> [String: KPIValues] {
        guard clockMinute != .min else { return [:] }
        var byKey: [String: KPIValues] = [:]
        for id in scopeIDs(dimension) {
            let key = name(dimension, id)
            byKey[key] = values(dimension, id: id, name: key, window: .campaignToDate, atMinute: clockMinute,
                                context: context)
        }
        return byKey
    }
}

extension KPIStore {
    /// Counters in consecutive buckets of `bucketMinutes` ending at the clock,
    /// oldest first, for sparklines. Reaches back at most a day (the ring).
    public func series(bucketMinutes: Int, count: Int, include: (LeafKey) -> Bool) -> [KPICounters] {
        guard clockMinute != .min, bucketMinutes > 0, count > 0 else { return [] }
        let selected = leaves.map(include)
        var buckets = [KPICounters](repeating: .zero, count: count)
        let span = min(Int64(bucketMinutes * count), Int64(MinuteRing.capacity))
        for minute in (clockMinute - span + 1)...clockMinute {
            let bucket = count - 1 - Int((clockMinute - minute) / Int64(bucketMinutes))
            guard bucket >= 0 else { continue }
            buckets[bucket] += ringSum(minute: minute, selected: selected)
        }
        return buckets
    }

    /// The same buckets as values kept apart by channel, so a total's ratio
    /// per bucket counts only the channels that report its denominator.
    public func valueSeries(bucketMinutes: Int, count: Int, include: (LeafKey) -> Bool) -> [KPIValues] {
        guard clockMinute != .min, bucketMinutes > 0, count > 0 else { return [] }
        var buckets = [[Int32: KPICounters]](repeating: [:], count: count)
        let span = min(Int64(bucketMinutes * count), Int64(MinuteRing.capacity))
        for minute in (clockMinute - span + 1)...clockMinute {
            let bucket = count - 1 - Int((clockMinute - minute) / Int64(bucketMinutes))
            guard bucket >= 0 else { continue }
            forEachRingLeaf(minute: minute) { leaf, counters in
                guard include(leaf) else { return }
                buckets[bucket][leaf.channel, default: .zero] += counters
            }
        }
        return buckets.map { byChannel in
            var total = KPICounters.zero
            for part in byChannel.values { total += part }
            return KPIValues(counters: total, parts: byChannel.sorted { $0.key < $1.key }.map(\.value))
        }
    }
}

extension Metric {
    /// Whether the value reads the community gauges (active users, members),
    /// each a pass over the leaves; `KPIStore.values(only:)` skips them otherwise.
    var readsCommunityGauges: Bool {
        func gauge(_ quantity: Quantity) -> Bool { quantity == .activeUsers || quantity == .members }
        switch kind {
        case .sum(let quantity): return gauge(quantity)
        case .ratio(let numerator, let denominator): return gauge(numerator) || gauge(denominator)
        case .budget: return false
        }
    }
}
