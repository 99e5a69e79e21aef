import CampaignText
import CampaignCore

/// Turns the live pipeline's state into what the panes show. Runs on the
/// pipeline's thread after each batch; rendering only reads the result.
public struct SnapshotBuilder: Sendable {
    /// Replaced when the plan is edited in the dashboard.
    public var plan: Plan
    public let context: KPIContext
    /// The KPI pane's window: live numbers, not campaign totals.
    public var window = MetricWindow.rolling(seconds: 3_600)
    /// Sparkline: CTR per hour over the last day.
    public var sparkBuckets = 24

    public init(plan: Plan) {
        self.plan = plan
        self.context = KPIContext(plan: plan)
    }

    /// `customers` maps segment ids to member counts from the customer base, when one is loaded.
    public func snapshot(monitor: CampaignMonitor, names: ScopeNames, customers: [String: Int] = [:],
                         anomalies: [DashboardSnapshot.AnomalyRow] = [], eventsPerSecond: Double = 0,
                         totalEvents: Int = 0) -> DashboardSnapshot {
        var snapshot = DashboardSnapshot()
        snapshot.eventsPerSecond = eventsPerSecond
        snapshot.totalEvents = totalEvents
        snapshot.anomalies = anomalies
        snapshot.kpiWindow = window
        snapshot.currency = plan.campaign.currency
        let store = monitor.store
        var clock = store.clock
        guard store.clockMinute != .min else {
            snapshot.segments = segmentRows(store: store, names: names, customers: customers)
            return snapshot
        }
        snapshot.asOf = clock.rfc3339(store.latestTimestamp)
        snapshot.today = clock.day(of: store.latestTimestamp)
        let total = store.values(.total, id: -2, name: "total", window: .campaignToDate, atMinute: store.clockMinute, context: context)
        snapshot.budgetBurn = total.budgetBurn
        snapshot.pacing = total.pacing
        snapshot.targets = TargetProgress.all(plan: plan, store: store, context: context)
        if total.dailySpendIsOver, let spent = total.dailySpend, let reference = total.dailySpendReference {
            snapshot.overspentDay = (spent, reference)
        }
        snapshot.channelRows = rows(.channel, monitor: monitor, names: names)
            + rows(.total, monitor: monitor, names: names)
        // The total does not depend on how the rows above it are cut, so both views end with the same one.
        snapshot.segmentKPIRows = rows(.segment, monitor: monitor, names: names)
            + rows(.total, monitor: monitor, names: names)
        snapshot.segments = segmentRows(store: store, names: names, customers: customers)
        return snapshot
    }

    func rows(_ dimension: KPIDimension, monitor: CampaignMonitor, names: ScopeNames) -> [DashboardSnapshot.KPIRow] {
        let store = monitor.store
        let scope: AlertRule.Scope = dimension == .channel ? .channel : (dimension == .segment ? .segment : .total)
        return store.scopeIDs(dimension).map { id in
            let key = names.name(dimension, id)
            let include: (LeafKey) -> Bool = dimension == .total ? { _ in true } : { $0.id(along: dimension) == id }
            let values = store.values(dimension, id: id, name: key, window: window, atMinute: store.clockMinute, context: context)
            let alerts = plan.alerts.filter { $0.per == scope }.map { rule in
                // A rule judged over another window is shown with its own value, never the row's.
                let judged = rule.window == window ? values
                    : store.values(dimension, id: id, name: key, window: rule.window, atMinute: store.clockMinute,
                                   context: context)
                var cell = DashboardSnapshot.AlertCell(rule: rule.name, metric: rule.metric,
                                                       state: monitor.engine.state(rule: rule.name, scopeID: id) ?? .ok,
                                                       threshold: (rule.direction == .below ? "<" : ">")
                                                           + thresholdText(rule, value: monitor.engine.threshold(rule: rule.name)),
                                                       window: rule.window, value: judged.value(of: rule.metric))
                if rule.usual != nil {
                    cell.isBaseline = true
                    cell.usual = usualReading(rule, scopeID: id, value: cell.value, engine: monitor.engine)
                }
                return cell
            }
            // The total's CTR per hour counts only channels with impressions, like its value.
            let spark = dimension == .total
                ? store.valueSeries(bucketMinutes: 60, count: sparkBuckets, include: include).map(\.ctr)
                : store.series(bucketMinutes: 60, count: sparkBuckets, include: include).map { KPIValues(counters: $0).ctr }
            var row = DashboardSnapshot.KPIRow(key: key, label: label(dimension, key), isTotal: dimension == .total,
                                               values: values, alerts: alerts,
                                               sparkline: spark)
            row.sparkBand = sparkBand(scope: scope, scopeID: id, buckets: spark.count, monitor: monitor)
            return row
        }.sorted { $0.key < $1.key }
    }

    func usualReading(_ rule: AlertRule, scopeID: Int32, value: Double?, engine: AlertEngine) -> DashboardSnapshot.UsualReading? {
        guard let range = engine.usual(rule: rule.name, scopeID: scopeID),
              let band = engine.usualBand(rule: rule.name, range) else { return nil }
        return DashboardSnapshot.UsualReading(median: range.median, band: band, robustZ: value.flatMap(range.robustZ))
    }

    /// The usual band of each hourly sparkline bucket, from the row's baseline
    /// rule on CTR over one hour: its value at a bucket's last minute is
    /// that bucket's CTR, so the band belongs to the same number. Any other
    /// rule judges another number, and draws no band.
    func sparkBand(scope: AlertRule.Scope, scopeID: Int32, buckets: Int, monitor: CampaignMonitor) -> [ClosedRange<Double>?] {
        guard let rule = plan.alerts.first(where: {
            $0.per == scope && $0.usual != nil && $0.kpi == .ctr && $0.window == .rolling(seconds: 3_600)
        }) else { return [] }
        let now = monitor.store.clockMinute
        return (0..<buckets).map { bucket in
            let end = now - Int64(buckets - 1 - bucket) * 60
            return monitor.engine.usual(rule: rule.name, scopeID: scopeID, atMinute: end)
                .flatMap { monitor.engine.usualBand(rule: rule.name, $0) }
        }
    }

    /// Segments by the name the plan gives them; a segment the plan does not know keeps its key.
    func label(_ dimension: KPIDimension, _ key: String) -> String {
        guard dimension == .segment else { return key }
        return plan.segments.first { $0.id == key }?.name ?? key
    }

    /// The threshold as judged (`58.5`, not `1.3 * benchmark.cpa`), by the rule's metric.
    func thresholdText(_ rule: AlertRule, value judged: Double?) -> String {
        guard let value = judged ?? YAMLNumbers.double(rule.threshold) else { return rule.threshold }
        return rule.kpi?.format == .percent ? Formatting.percent(value) : Formatting.plain(value)
    }

    func segmentRows(store: KPIStore, names: ScopeNames, customers: [String: Int]) -> [DashboardSnapshot.SegmentRow] {
        let totalCustomers = customers.values.reduce(0, +)
        let values = store.campaignToDateValues(.segment, context: context, name: names.name)
        return plan.segments.map { segment in
            let count = customers[segment.id]
            return DashboardSnapshot.SegmentRow(
                id: segment.id, name: segment.name, customers: count,
                share: count.map { totalCustomers > 0 ? Double($0) / Double(totalCustomers) : 0 },
                budgetShare: segment.budgetShare, goals: GoalProgress.of(segment, values: values[segment.id]),
                values: values[segment.id])
        }
    }
}
