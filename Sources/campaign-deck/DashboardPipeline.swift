import CampaignCore
import CampaignStore
import DeckTerminal
import DeckUI
import Foundation

/// The dashboard's data side, on its own thread: produces events (the
/// simulator, paced by the replay speed, or files, optionally followed),
/// folds them into the campaign monitor, and publishes a snapshot at most
/// ten times a second, waking the terminal loop through a pipe.
final class DashboardPipeline: DashboardFeed, @unchecked Sendable {
    enum Source {
        case simulator(CampaignSimulator)
        case files([String], follow: Bool)
        /// The metric history a database holds (`ingest --db`), shown as it stands.
        case history(DeckDatabase)
    }

    let wakeDescriptor: Int32
    private let wakeWriter: Int32
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var latest: DashboardSnapshot?
    private var isFresh = false
    private var paused = false
    private var speed: Double
    private var ended = false
    private var anomalyRows: [DashboardSnapshot.AnomalyRow] = []
    /// The walkthrough is open: snapshots carry the stand-up agenda.
    private var agendaWanted = false
    /// Publish once even if the stream is paused or over (the walkthrough
    /// opened, the plan was edited).
    private var refreshRequested = false
    /// A problem to show once in the status bar (e.g. an unreadable
    /// transactions file); handed over with the next snapshot taken.
    private var notice: String?
    /// An edited plan's text for the pipeline thread to take at its next publish.
    private var editedPlanText: String?
    /// The text the plan's file now holds, likewise.
    private var savedPlanText: String?

    private var plan: Plan
    private let source: Source
    private var builder: SnapshotBuilder
    private var schedule: Schedule?
    private let anomalies: AnomalyDesk?
    private var customers: [String: Int] = [:]

    /// Simulated time (epoch seconds) to replay at full speed before pacing
    /// starts, so a demo opens in the thick of the campaign.
    private let warmUntil: Int64?

    /// Where the Segments pane's sizes come from.
    enum CustomerBase {
        /// No transactions: sizes show "–".
        case none
        /// The built-in demo's generated customer base.
        case demo
        /// The plan's `transactions:` CSV (a path already resolved against the plan's folder).
        case file(String)
    }

    private let customerBase: CustomerBase
    /// Distinct scope values and time jumps for event files (SPEC §13).
    private let limits: EventLimits

    init(plan: Plan, source: Source, speed: Double, anomalies: AnomalyDesk?, warmUntil: Int64? = nil,
         customerBase: CustomerBase, limits: EventLimits = .standard) {
        self.customerBase = customerBase
        self.limits = limits
        self.warmUntil = warmUntil
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        wakeDescriptor = fds[0]
        wakeWriter = fds[1]
        self.plan = plan
        self.source = source
        self.speed = speed
        self.builder = SnapshotBuilder(plan: plan)
        self.schedule = try? Schedule(computing: PlanScheduling.input(for: plan))
        self.anomalies = anomalies
        self.savedRules = SavedAlertRules(plan: plan)
    }

    var hasEnded: Bool { condition.withLock { ended } }

    func start() {
        let thread = Thread { [self] in run(publishing: true) }
        thread.name = "campaign-deck pipeline"
        thread.start()
    }

    /// Runs the whole source synchronously and returns the final snapshot
    /// (for `--snapshot`).
    func runToEnd() -> DashboardSnapshot {
        run(publishing: false)
        return condition.withLock {
            var snapshot = latest ?? DashboardSnapshot()
            snapshot.notice = notice
            return snapshot
        }
    }

    func takeSnapshot() -> DashboardSnapshot? {
        var drain = [UInt8](repeating: 0, count: 64)
        while read(wakeDescriptor, &drain, drain.count) > 0 {}
        return condition.withLock {
            defer { isFresh = false; notice = nil }
            guard isFresh, var snapshot = latest else { return nil }
            snapshot.notice = notice
            return snapshot
        }
    }

    func perform(_ effect: DeckEffect) {
        switch effect {
        case .setPaused(let value):
            condition.withLock { paused = value; condition.broadcast() }
        case .setSpeed(let value):
            condition.withLock { speed = value; condition.broadcast() }
        case .acknowledge, .assignOwner, .addNote, .resolve:
            guard let anomalies else { return }
            anomalies.perform(effect)
            let rows = anomalies.rows()
            condition.withLock { anomalyRows = rows }
            republish()
        case .planEdited(let text):
            // Parsed on the pipeline thread: a big plan takes tens of milliseconds.
            condition.withLock {
                editedPlanText = text
                refreshRequested = true
                condition.broadcast()
            }
        case .planSaved(let text):
            condition.withLock {
                savedPlanText = text
                refreshRequested = true
                condition.broadcast()
            }
        case .walkthrough(let active):
            condition.withLock {
                agendaWanted = active
                refreshRequested = active
                condition.broadcast()
            }
        case .quit, .useTheme, .savePlan, .savePlanAs, .reloadPlan:
            break
        }
    }

    // MARK: The pipeline thread

    private var monitor: CampaignMonitor!
    private var names: ScopeNames!
    private var eventsSeen = 0
    private var rateWindow: (start: Date, events: Int) = (Date(), 0)
    private var eventsPerSecond = 0.0
    private var lastPublish = Date.distantPast
    private var catchingUp = false
    /// Transitions are written to the anomaly log only while the rules judging are the saved ones.
    private var savedRules: SavedAlertRules

    private func run(publishing: Bool) {
        monitor = CampaignMonitor(plan: plan)
        names = ScopeNames(context: monitor.context)
        if let rows = anomalies?.rows() { condition.withLock { anomalyRows = rows } }
        publish(force: true)
        // Segmenting a big transactions file takes seconds: the panes are up first.
        if loadCustomerBase() { publish(force: true) }
        switch source {
        case .simulator(let simulator): simulate(simulator, paced: publishing)
        case .files(let paths, let follow): readFiles(paths, follow: follow && publishing)
        case .history(let database):
            if let restored = try? StoredHistory.monitor(database: database, plan: plan) {
                monitor = restored.monitor
                names = restored.names
            }
        }
        condition.withLock { ended = true }
        transitions(monitor.closeCurrentMinute(name: names.name))
        publish(force: true)
        guard publishing else { return }
        // The stream is over, but the walkthrough or an edit can still ask for a snapshot.
        while true {
            waitForRefreshRequest()
            publish(force: true)
        }
    }

    /// Blocks (no CPU) until the walkthrough opens or the plan is edited.
    private func waitForRefreshRequest() {
        condition.lock()
        while !refreshRequested { condition.wait() }
        refreshRequested = false
        condition.unlock()
    }

    private func tell(_ text: String) { condition.withLock { notice = text } }

    /// Segment sizes from the customer base; true when there is one to show.
    private func loadCustomerBase() -> Bool {
        let segmentation: Segmentation
        switch customerBase {
        case .none:
            return false
        case .demo:
            guard let demo = try? DemoCustomerBase.segmentation(plan: plan) else { return false }
            segmentation = demo
        case .file(let path):
            do {
                let history = try TransactionsInput.history(path: path, columns: .default, showsProgress: false)
                segmentation = try Segmentation(history: history, plan: plan)
                if history.rejectedCount > 0 {
                    tell("\(path): \(history.rejectedCount) transaction rows rejected (`campaign-deck segment \(path)` lists them)")
                }
            } catch let error as CLIError {
                tell("segment sizes unavailable: \(error.message)")
                return true
            } catch {
                tell("segment sizes unavailable: \(error) (\(path))")
                return true
            }
        }
        customers = Dictionary(uniqueKeysWithValues: segmentation.summary().map { ($0.id, $0.customers) })
        return true
    }

    private func simulate(_ simulator: CampaignSimulator, paced: Bool) {
        var iterator = simulator.makeIterator()
        var buffer: [UInt8] = []
        var reader = EventStreamReader()
        var firstSecond: Int64?
        var wallStart = Date()
        var pacedSpeed = condition.withLock { speed }
        while let stamp = iterator.next(appendingTo: &buffer) {
            let catchingUp = warmUntil.map { stamp.epochSeconds < $0 } ?? false
            if catchingUp != self.catchingUp {
                self.catchingUp = catchingUp
                firstSecond = nil
            }
            if paced && !catchingUp {
                // Hold while paused; restart the pacing clock when the speed changes.
                condition.lock()
                while paused {
                    if refreshRequested {
                        // Build the agenda here, on the thread that owns the monitor.
                        refreshRequested = false
                        condition.unlock()
                        publish(force: true)
                        condition.lock()
                        continue
                    }
                    condition.wait()
                }
                if speed != pacedSpeed {
                    pacedSpeed = speed
                    firstSecond = nil
                }
                condition.unlock()
                if firstSecond == nil { firstSecond = stamp.epochSeconds; wallStart = Date() }
                let due = Double(stamp.epochSeconds - firstSecond!) / pacedSpeed
                let wait = due - Date().timeIntervalSince(wallStart)
                if wait > 0 { publish(force: false); Thread.sleep(forTimeInterval: min(wait, 0.5)) }
            }
            fold(bytes: buffer, reader: &reader)
            buffer.removeAll(keepingCapacity: true)
            if paced { publish(force: false) }
        }
        catchingUp = false
    }

    private func readFiles(_ paths: [String], follow: Bool) {
        var reader = EventStreamReader(limits: limits)
        try? reader.read(sources: paths) { records, symbols in fold(records, symbols: symbols) }
        guard follow, let path = paths.last, path != "-" else { return }
        publish(force: true)
        var follower = EventFollower(path: path, limits: limits)
        let stop = FollowStop()
        try? follower.run(until: stop) { records, symbols in
            fold(records, symbols: symbols)
            publish(force: false)
        }
    }

    private func fold(bytes: [UInt8], reader: inout EventStreamReader) {
        try? reader.read(bytes: bytes, sourceName: "simulator") { records, symbols in fold(records, symbols: symbols) }
    }

    private func fold(_ records: [EventRecord], symbols: EventSymbols) {
        adoptPlanChanges()
        names.update(symbols)
        for record in records {
            transitions(monitor.add(timestamp: record.timestamp, type: record.type, leaf: names.leaf(of: record),
                                    user: record.user, count: record.count, amount: record.amount, name: names.name))
        }
        eventsSeen += records.count
    }

    private func transitions(_ changes: [AlertTransition]) {
        // Under an unsaved edit of the rules the alerts pane shows the
        // transitions live, but the log keeps none: a discarded edit leaves no trace.
        guard !changes.isEmpty, let anomalies, savedRules.writesTransitions else { return }
        anomalies.record(changes)
        let rows = anomalies.rows()
        condition.withLock { anomalyRows = rows }
    }

    /// Takes an edit or a save the UI thread handed over. Called before each
    /// batch of events is folded as well as at each publish, so the events
    /// that arrive after an edit are judged by the edited rules (and not
    /// written while it is unsaved), however long since the last publish.
    private func adoptPlanChanges() {
        if let text = condition.withLock({ defer { editedPlanText = nil }; return editedPlanText }),
           let edited = PlanDocument(text: text).plan {
            // On the thread that owns the monitor: the next minute is judged by the edited rules.
            plan = edited
            schedule = try? Schedule(computing: PlanScheduling.input(for: edited))
            builder.plan = edited
            monitor.replaceAlertRules(from: edited)
            savedRules.judge(by: edited)
        }
        if let text = condition.withLock({ defer { savedPlanText = nil }; return savedPlanText }),
           let saved = PlanDocument(text: text).plan {
            savedRules.save(saved)
        }
    }

    private func publish(force: Bool) {
        adoptPlanChanges()
        let now = Date()
        guard force || now.timeIntervalSince(lastPublish) >= 0.1 else { return }
        let elapsed = now.timeIntervalSince(rateWindow.start)
        if elapsed >= 1 {
            eventsPerSecond = Double(eventsSeen - rateWindow.events) / elapsed
            rateWindow = (now, eventsSeen)
        }
        lastPublish = now
        let rows = condition.withLock { anomalyRows }
        var snapshot = builder.snapshot(monitor: monitor, names: names, customers: customers, anomalies: rows,
                                        eventsPerSecond: eventsPerSecond, totalEvents: eventsSeen)
        snapshot.catchingUp = catchingUp
        if condition.withLock({ agendaWanted }) { snapshot.agenda = agenda(today: snapshot.today) }
        condition.withLock { latest = snapshot; isFresh = true }
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }

    /// The stand-up agenda for `today` (the stream's day) from the live
    /// store: the same computation as the `standup` command.
    private func agenda(today: Day?) -> StandupAgenda? {
        guard let today, let schedule else { return nil }
        return StandupAgenda(plan: plan, schedule: schedule, date: today, anomalies: anomalies?.agendaItems() ?? [],
                             store: monitor.store, context: monitor.context, name: names.name)
    }

    private func republish() {
        // Called from the UI thread after an anomaly edit: rebuild from the last snapshot's data.
        condition.withLock {
            if var snapshot = latest {
                snapshot.anomalies = anomalyRows
                latest = snapshot
                isFresh = true
            }
        }
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }
}

/// The anomaly log as the dashboard uses it: record alert transitions, list
/// rows, apply what people do from the keyboard.
protocol AnomalyDesk: Sendable {
    func record(_ transitions: [AlertTransition])
    func rows() -> [DashboardSnapshot.AnomalyRow]
    /// The log as the stand-up agenda lists it.
    func agendaItems() -> [StandupAgenda.AnomalyItem]
    func perform(_ effect: DeckEffect)
}
