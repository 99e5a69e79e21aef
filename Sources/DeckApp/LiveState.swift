import CampaignCore
import DeckUI

/// Everything the dashboard's live side knows, as one synchronous value:
/// the monitor (fed by records), the plan as edited, the rules whose
/// transitions the anomaly log may keep, and what a snapshot needs. No
/// thread and no I/O: `LiveSession` owns one and calls it from its thread;
/// tests call it directly.
public struct LiveState: Sendable {
    public private(set) var plan: Plan
    public private(set) var fold: MonitorFold
    /// Nil for a plan whose schedule cannot be computed: the validator and
    /// the editor say why where the plan is loaded or edited; here it only
    /// means there is no agenda.
    private var schedule: Schedule?
    private var builder: SnapshotBuilder
    private var savedRules: SavedAlertRules
    /// Segment id → customers, from the customer base (empty: sizes show "–").
    public var customers: [String: Int] = [:]
    /// Each segment's portrait from the same customer base, by segment id.
    public var portraits: [String: SegmentPortrait] = [:]
    /// Records folded so far (the header's event count).
    public private(set) var eventsSeen = 0

    public init(plan: Plan) {
        self.plan = plan
        fold = MonitorFold(plan: plan)
        schedule = try? Schedule(computing: PlanScheduling.input(for: plan))
        builder = SnapshotBuilder(plan: plan)
        savedRules = SavedAlertRules(plan: plan)
    }

    /// Folds a batch; returns the transitions the anomaly log should keep:
    /// none while an edit of the alert rules is unsaved (the panes show them
    /// live, but a discarded edit must leave no trace in the log).
    public mutating func fold(_ records: [EventRecord], symbols: EventSymbols) -> [AlertTransition] {
        eventsSeen += records.count
        return loggable(fold.fold(records, symbols: symbols))
    }

    /// Takes over a monitor brought up to date elsewhere (the stored history).
    public mutating func restore(_ restored: MonitorFold) { fold = restored }

    /// The stream ended: the last minute is judged.
    public mutating func closeCurrentMinute() -> [AlertTransition] { loggable(fold.closeCurrentMinute()) }

    /// An edited plan, already parsed: from the next minute on its alert
    /// rules judge, and the panes and agenda follow its schedule.
    public mutating func adopt(edited: Plan) {
        plan = edited
        schedule = try? Schedule(computing: PlanScheduling.input(for: edited))
        builder.plan = edited
        fold.replaceAlertRules(from: edited)
        savedRules.judge(by: edited)
    }

    /// What the plan's file now holds (saved, or reloaded from disk).
    public mutating func adopt(saved: Plan) { savedRules.save(saved) }

    public func snapshot(anomalies: [DashboardSnapshot.AnomalyRow], eventsPerSecond: Double,
                         catchingUp: Bool) -> DashboardSnapshot {
        var snapshot = builder.snapshot(monitor: fold.monitor, names: fold.names, customers: customers, anomalies: anomalies,
                                        eventsPerSecond: eventsPerSecond, totalEvents: eventsSeen)
        snapshot.catchingUp = catchingUp
        snapshot.portraits = portraits
        return snapshot
    }

    /// The stand-up agenda for `today` (the stream's day) from the live
    /// store: the same computation as the `standup` command.
    public func agenda(today: Day?, anomalies: [StandupAgenda.AnomalyItem]) -> StandupAgenda? {
        guard let today, let schedule else { return nil }
        return StandupAgenda(plan: plan, schedule: schedule, date: today, anomalies: anomalies,
                             store: fold.monitor.store, context: fold.monitor.context, name: fold.names.name)
    }

    private func loggable(_ changes: [AlertTransition]) -> [AlertTransition] {
        savedRules.writesTransitions ? changes : []
    }
}
