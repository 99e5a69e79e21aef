/// Event records folded into a campaign monitor: the one loop every reader of
/// the stream shares (the dashboard, `alerts`, `ingest`, the stored history,
/// deck-bench and the tests), so the order of the steps cannot drift between
/// them: take the reader's newest symbol tables, map each record to its
/// store leaf (segments by plan id), add it, collect the transitions of the
/// minutes it closed.
public struct MonitorFold: Sendable {
    public private(set) var monitor: CampaignMonitor
    public private(set) var names: ScopeNames

    public init(plan: Plan) {
        monitor = CampaignMonitor(plan: plan)
        names = ScopeNames(context: monitor.context)
    }

    /// For one report over `reportWindow` (see `CampaignMonitor.init(plan:reportWindow:)`).
    public init(plan: Plan, reportWindow: MetricWindow) {
        monitor = CampaignMonitor(plan: plan, reportWindow: reportWindow)
        names = ScopeNames(context: monitor.context)
    }

    /// For one report by `dimension` that shows what is usual for each row
    /// (see `CampaignMonitor.init(plan:reportWindow:recordingUsualOf:)`): no
    /// rule is judged, so every fold returns no transitions.
    public init(plan: Plan, reportWindow: MetricWindow, recordingUsualOf dimension: KPIDimension) {
        monitor = CampaignMonitor(plan: plan, reportWindow: reportWindow, recordingUsualOf: dimension)
        names = ScopeNames(context: monitor.context)
    }

    /// Folds one batch from a reader; returns the transitions of the minutes it closed, in order.
    public mutating func fold(_ records: [EventRecord], symbols: EventSymbols) -> [AlertTransition] {
        names.update(symbols)
        // Made once per batch: `names.name` as an argument would copy the
        // tables into a new closure for every event; behind one object (see
        // `ScopeNameLookup`) so that passing it on copies no tables either.
        let name = ScopeNameLookup(names).name
        var changes: [AlertTransition] = []
        for record in records {
            let added = add(record, name: name)
            if !added.isEmpty { changes += added }
        }
        return changes
    }

    /// Folds one record (a replay that hands records over one at a time).
    public mutating func fold(_ record: EventRecord, symbols: EventSymbols) -> [AlertTransition] {
        names.update(symbols)
        return add(record, name: names.name)
    }

    @inline(__always)
    private mutating func add(_ record: EventRecord, name: (KPIDimension, Int32) -> String) -> [AlertTransition] {
        let leaf = names.leaf(of: record)
        // Most events close no minute: they skip the call that takes `name`,
        // whose specialisation copied the name tables (four retains and
        // releases) for every event.
        if !monitor.closesMinute(at: record.timestamp) {
            monitor.addWithinMinute(timestamp: record.timestamp, type: record.type, leaf: leaf,
                                    user: record.user, count: record.count, amount: record.amount)
            return []
        }
        return monitor.add(timestamp: record.timestamp, type: record.type, leaf: leaf,
                           user: record.user, count: record.count, amount: record.amount, name: name)
    }

    /// Takes the reader's final symbol tables (a reader may intern names after its last batch).
    public mutating func update(_ symbols: EventSymbols) { names.update(symbols) }

    /// Judges the last minute seen: the stream has ended.
    public mutating func closeCurrentMinute() -> [AlertTransition] { monitor.closeCurrentMinute(name: names.name) }

    /// Judges from the next minute on by an edited plan's alert rules.
    public mutating func replaceAlertRules(from plan: Plan) { monitor.replaceAlertRules(from: plan) }
}

// MARK: Snapshot (MonitorFold+Snapshot)

extension MonitorFold {
    func write(_ out: inout SnapshotWriter) {
        monitor.write(&out)
        names.write(&out)
    }

    init(_ input: inout SnapshotReader, plan: Plan) throws {
        self.init(plan: plan)
        monitor = try CampaignMonitor(&input, plan: plan)
        names = try ScopeNames(&input, context: monitor.context)
    }
}
