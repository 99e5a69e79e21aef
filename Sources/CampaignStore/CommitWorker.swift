import CampaignCore
import CampaignText
import Dispatch
import Foundation

/// Everything one ingest commit stores, in one transaction: the batch, the
/// anomalies its transitions open or recover, the offset it reached and its
/// rejected-line samples.
struct CommitWork: Sendable {
    var batch: MetricBatchContents
    var symbols: EventSymbols
    var transitions: [AlertTransition]
    /// The latest event time judged when the batch was cut (nil: no event yet).
    var watermark: Int64?
    var checkpoint: SourceCheckpoint
    /// The stored offset this commit continues from (nil: no row yet). If the
    /// row says otherwise, another ingest is storing the same source and this
    /// commit would count its lines a second time.
    var continuesFrom: Int64?
    var samples: [RejectedLineSample]
    /// A batch posted to the HTTP collector: stored with its key and counts
    /// instead of a file's checkpoint (`checkpoint.path` names the source).
    var collector: CollectorCommit? = nil
    /// A report file's new figures per hour and scope, stored with the
    /// events that moved the metric history to them (nil for JSON lines).
    var reportContributions: ReportContributions.Update? = nil
    /// How far the source's stored minutes reach, for a store whose writers share judging.
    var progress: SourceProgress? = nil
}

/// Writes commits on a thread of its own, in order, while the ingest thread
/// parses and judges the next batch: on two cores, storing costs the reader
/// almost no wall time. At most one commit waits while another is written,
/// so memory stays bounded when the disk is slower than the parser.
/// A failure is reported by the next `submit` or by `finish`.
final class CommitWorker: @unchecked Sendable {
    private let database: any StoreEngine
    private let anomalies: AlertAnomalies
    private let afterCommit: (@Sendable () -> Void)?
    private let queue = DispatchQueue(label: "campaign-deck.ingest-commit")
    private let slots = DispatchSemaphore(value: 1)
    // Guarded by `lock`.
    private let lock = NSLock()
    private var failure: (any Error)?
    private var totals = IngestTotals()
    /// Only touched on `queue`.
    private var writer = MetricHistoryWriter()
    /// Judging over the merged minutes, on a store whose writers share it; only touched on `queue`.
    private var judge: SharedJudge?
    /// The stored history's judging state, saved with the commits for the next resume; only touched on `queue`.
    private var tracker: AlertResume.Tracker?

    init(database: any StoreEngine, anomalies: AlertAnomalies, judging plan: Plan? = nil,
         tracker: AlertResume.Tracker? = nil, afterCommit: (@Sendable () -> Void)? = nil) {
        self.database = database
        self.anomalies = anomalies
        self.afterCommit = afterCommit
        judge = database.sharesJudging ? plan.map { SharedJudge(plan: $0, anomalies: anomalies) } : nil
        self.tracker = database.sharesJudging ? nil : tracker
    }

    func submit(_ work: CommitWork) throws {
        try rethrow()
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            do {
                let outcome = try perform(work)
                lock.withLock {
                    totals.commits += 1
                    totals.anomaliesOpened += outcome.opened
                    totals.anomaliesRefired += outcome.refired
                    totals.anomaliesRecovered += outcome.recovered
                }
                afterCommit?()
            } catch {
                lock.withLock { failure = error }
            }
        }
    }

    /// Waits for every submitted commit; returns the totals or the first failure.
    func finish() throws -> IngestTotals {
        queue.sync {}
        try rethrow()
        // The run's last state is saved, whatever the time since the last save.
        try queue.sync {
            if let judge { self.judge = try judge.finish(database) }
            guard let tracker, !tracker.saved else { return }
            self.tracker = try database.writeSQL { session in try tracker.step(database, in: session, force: true) }
        }
        return lock.withLock { totals }
    }

    private func rethrow() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    private func perform(_ work: CommitWork) throws -> AlertAnomalies.Outcome {
        try writer.addLeaves(work.batch, symbols: work.symbols, into: database)
        var judged: SharedJudge?
        var tracked: AlertResume.Tracker?
        let outcome = try database.writeSQL { session -> AlertAnomalies.Outcome in
            // Locks are taken first and minute rows after, in time order, so two writers never wait on each other in a circle.
            if let update = work.reportContributions { try database.lock("report:" + update.source, in: session) }
            if work.checkpoint.path != "-" && work.collector == nil {
                // Two ingests of one file at once read the same offset; the second waits here and then sees the first's.
                try database.lock("source:\(work.checkpoint.device):\(work.checkpoint.inode)", in: session)
                let stored = try IngestCheckpoints.storedOffset(device: work.checkpoint.device, inode: work.checkpoint.inode, session)
                if stored != work.continuesFrom { throw StoreError.concurrentIngest(path: work.checkpoint.path) }
            }
            try writer.write(work.batch, into: database, in: session)
            let outcome = try anomalies.apply(work.transitions, in: session)
            // Dashboards on a shared server hear of what this commit opened or recovered.
            for id in Set(outcome.changed).sorted() { try database.anomalyChanged(id, in: session) }
            if let watermark = work.watermark { try anomalies.advance(to: watermark, in: session) }
            if let collector = work.collector {
                try CollectorBatches.save(collector, source: work.checkpoint.path, now: AnomalyLog.now(), session)
            } else {
                try IngestCheckpoints.save(work.checkpoint, at: AnomalyLog.now(), session)
            }
            if let update = work.reportContributions {
                try ReportContributions.save(update, session)
                // A report file is read whole each time: its rejected rows replace the last read's.
                try session.execute("DELETE FROM rejected_line WHERE source = ?", [.text(work.checkpoint.path)])
            }
            try Self.store(work.samples, source: work.checkpoint.path, session)
            try work.progress?.save(session)
            tracked = try tracker?.step(database, in: session)
            guard let judge else { return outcome }
            let step = try judge.step(database, in: session)
            judged = step.next
            return outcome.adding(step.outcome)
        }
        if let judged { judge = judged }
        if tracker != nil { tracker = tracked }
        return outcome
    }

    static let samplesPerSource = 100

    /// Keeps the first `samplesPerSource` rejected lines of each source.
    static func store(_ samples: [RejectedLineSample], source: String, _ session: any SQLSession) throws {
        guard !samples.isEmpty else { return }
        var room = samplesPerSource - Int(try session.fetchInt64("SELECT count(*) AS stored FROM rejected_line WHERE source = ?",
                                                                 [.text(source)]) ?? 0)
        for sample in samples where room > 0 {
            // Stored for any reader later, whatever language this process speaks: in English, like the rest of the file.
            let reason = Language.$override.withValue(.english) { sample.reason.message }
            try session.execute("INSERT INTO rejected_line(source, line, reason, excerpt) VALUES (?, ?, ?, ?)",
                                [.text(source), .integer(Int64(sample.line)), .text(reason), .text(sample.excerpt)])
            room -= 1
        }
    }
}
