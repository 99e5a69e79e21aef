/// The live pipeline of a campaign: events into the KPI store, every closed
/// minute judged by the alert engine. Feeds the `alerts` command and the dashboard.
public struct CampaignMonitor: Sendable {
    public private(set) var store: KPIStore
    public private(set) var engine: AlertEngine
    public let context: KPIContext

    public init(plan: Plan) {
        store = KPIStore(timeZoneIdentifier: plan.campaign.timezone)
        engine = AlertEngine(plan: plan)
        context = KPIContext(plan: plan)
    }

    /// A monitor whose store keeps running sums only for the rolling windows
    /// the plan's alert rules read and `reportWindow`; any other window is
    /// summed from the minute ring when asked, to the same totals (wrapping
    /// integer sums). For a one-shot report (`kpi`): on the simulator's 2 M
    /// events, adding each event to five running sums and walking the ring
    /// for five windows every minute was a fifth of the fold, for sums never read.
    public init(plan: Plan, reportWindow: MetricWindow) {
        store = KPIStore(timeZoneIdentifier: plan.campaign.timezone,
                         rollingWindows: Self.runningSums(plan.alerts.map(\.window), reportWindow: reportWindow))
        engine = AlertEngine(plan: plan)
        context = KPIContext(plan: plan)
    }

    /// A monitor for a report by `dimension` that shows what is usual for
    /// each row (`kpi` with baseline rules over it): its engine only records
    /// those rules' values (`AlertEngine.init(plan:recordingUsualOf:)`), and
    /// its store keeps running sums only for their windows and `reportWindow`.
    public init(plan: Plan, reportWindow: MetricWindow, recordingUsualOf dimension: KPIDimension) {
        engine = AlertEngine(plan: plan, recordingUsualOf: dimension)
        let read = engine.rules.filter { $0.rule.usual != nil && $0.dimension == dimension }.map(\.rule.window)
        store = KPIStore(timeZoneIdentifier: plan.campaign.timezone,
                         rollingWindows: Self.runningSums(read, reportWindow: reportWindow))
        context = KPIContext(plan: plan)
    }

    /// The rolling windows among `windows` and `reportWindow`, in minutes:
    /// the offered choices in their order, then any other by length.
    private static func runningSums(_ windows: [MetricWindow], reportWindow: MetricWindow) -> [Int] {
        var seconds = Set(windows.compactMap { window -> Int? in
            if case .rolling(let seconds) = window { return seconds }
            return nil
        })
        if case .rolling(let asked) = reportWindow { seconds.insert(asked) }
        let ordered = MetricWindow.rollingChoices.map(\.seconds).filter(seconds.contains)
            + seconds.subtracting(MetricWindow.rollingChoices.map(\.seconds)).sorted()
        return ordered.map { $0 / 60 }
    }

    /// Uses an edited plan's alert rules from the next minute on (see `AlertEngine.replaceRules`).
    public mutating func replaceAlertRules(from plan: Plan) { engine.replaceRules(from: plan) }

    /// Adds one event; returns the transitions of the minutes it closed.
    public mutating func add(timestamp: Int64, type: EventType, leaf: LeafKey, user: UInt64, count: Int64,
                             amount: Money, name: (KPIDimension, Int32) -> String) -> [AlertTransition] {
        var changes: [AlertTransition] = []
        let minute = CampaignClock.minute(of: timestamp)
        if store.clockMinute != .min {
            while store.clockMinute < minute {
                changes += engine.judge(minute: store.clockMinute, store: store, name: name)
                store.step(toward: minute)
            }
        }
        store.add(timestamp: timestamp, type: type, leaf: leaf, user: user, count: count, amount: amount)
        return changes
    }

    /// Whether an event at `timestamp` closes a minute that must be judged first.
    @inline(__always)
    public func closesMinute(at timestamp: Int64) -> Bool {
        store.clockMinute != .min && store.clockMinute < CampaignClock.minute(of: timestamp)
    }

    /// Adds one event that closes no minute (`closesMinute(at:)` is false):
    /// what `add` does then, without the judging it would not do.
    @inline(__always)
    public mutating func addWithinMinute(timestamp: Int64, type: EventType, leaf: LeafKey, user: UInt64, count: Int64,
                                         amount: Money) {
        store.add(timestamp: timestamp, type: type, leaf: leaf, user: user, count: count, amount: amount)
    }

    /// Judges the last minute seen: the stream has ended (or the caller
    /// declares the minute over, e.g. on a wall-clock tick).
    public mutating func closeCurrentMinute(name: (KPIDimension, Int32) -> String) -> [AlertTransition] {
        guard store.clockMinute != .min else { return [] }
        let changes = engine.judge(minute: store.clockMinute, store: store, name: name)
        store.step(toward: store.clockMinute + 1)
        return changes
    }
}

// MARK: Snapshot (MonitorFold+Snapshot)

extension CampaignMonitor {
    func write(_ out: inout SnapshotWriter) {
        store.write(&out)
        engine.write(&out)
    }

    init(_ input: inout SnapshotReader, plan: Plan) throws {
        self.init(plan: plan)
        store = try KPIStore(&input, timeZoneIdentifier: plan.campaign.timezone)
        engine = try AlertEngine(&input, plan: plan)
    }
}
