import CampaignCore
import Foundation

/// Exactly-once ingest: reads event files, folds them into the
/// alert monitor and a per-minute batch, and commits each batch together
/// with the byte offset it reached, the anomalies its alert transitions
/// opened or recovered, and the rejected-line samples, in one transaction.
/// Killed at any moment, the database holds some prefix of whole lines and
/// everything derived from exactly that prefix; a new run resumes there.
///
/// The alert monitor is rebuilt from the stored history at start, so alert
/// states continue where they were: a rule that was firing when the last run
/// stopped is still firing and does not open its anomaly again. The commits
/// store the judging's state beside the history (`AlertResume`), so the
/// rebuild reads it and replays only the last minutes.
///
/// With `database == nil` it does all the same work but stores nothing
/// (`ingest --dry-run`, and the baseline persistence costs are measured against).
public final class StoreIngest {
    public let database: (any StoreEngine)?
    public let options: IngestOptions
    var fold: MonitorFold
    var reader: EventStreamReader
    var batch: MetricBatch
    let worker: CommitWorker?
    /// Transitions into or out of firing since the last commit.
    var transitions: [AlertTransition] = []
    var lastCommit = ContinuousClock.now
    /// Rejected-line samples of this run, with line numbers in their file.
    public internal(set) var samples: [RejectedLineSample] = []
    var pendingSamples: [RejectedLineSample] = []

    /// The campaign's time zone, in which report files' times are written.
    let timeZone: String
    /// Judging runs over the merged minutes in the commits (`SharedJudge`),
    /// not over this process's lines: several writers share the store.
    let sharedJudging: Bool
    /// The latest event time read from the current source (`.min`: none yet).
    var sourceLatest = Int64.min

    public init(database: (any StoreEngine)?, plan: Plan, options: IngestOptions = IngestOptions()) throws {
        self.database = database
        timeZone = plan.campaign.timezone
        self.options = options
        sharedJudging = database?.sharesJudging == true
        batch = MetricBatch(timeZoneIdentifier: plan.campaign.timezone)
        var tracker: AlertResume.Tracker?
        if sharedJudging {
            // The commits judge (`SharedJudge`); this process's lines alone would judge wrong, so its fold has no rules.
            var unjudged = plan
            unjudged.alerts = []
            fold = MonitorFold(plan: unjudged)
        } else if let database, !plan.alerts.isEmpty {
            // What `StoredHistory.fold` replays, from the stored state when it can be trusted (issue 19).
            (fold, tracker) = try AlertResume.resume(database: database, plan: plan)
        } else {
            fold = MonitorFold(plan: plan)
        }
        worker = database.map { CommitWorker(database: $0, anomalies: AlertAnomalies(plan: plan, outbox: options.outbox),
                                               judging: plan, tracker: tracker, afterCommit: options.afterCommit) }
        if let database {
            // Symbol ids continue the stored leaves' (the replay above used the same), and
            // time jumps are judged from the latest stored event, as if in one run.
            let recent = try StoredLeaves.recent(database, days: MetricBatch.trackedDays, timeZone: plan.campaign.timezone)
            reader = EventStreamReader(symbols: recent.symbols, limits: options.limits, latestAccepted: recent.latestEvent)
            if let latest = recent.latestMinute { batch.rememberStored(latestMinute: latest, users: recent.users) }
        } else {
            reader = EventStreamReader(limits: options.limits)
        }
        if let database {
            try database.setSetting("timezone", plan.campaign.timezone)
            try database.setSetting("currency", plan.campaign.currency)
            if options.relaxedSync { try database.relaxSyncForIngest() }
        }
    }

    /// The monitor after everything ingested so far (for a caller that shows KPIs).
    public var currentMonitor: CampaignMonitor { fold.monitor }

    /// Runs `read` on the reader (feeding it bytes, or ending a source) and folds
    /// the lines it completes into the monitor and the batch; returns what those
    /// lines added to the statistics.
    func consume(_ read: (inout EventStreamReader, EventConsumer) throws -> Void) throws -> IngestStats {
        let before = reader.stats
        try read(&reader) { records, symbols in
            let changes = fold.fold(records, symbols: symbols)
            if !changes.isEmpty {
                transitions.append(contentsOf: changes.filter { $0.to == .firing || $0.from == .firing })
            }
            if database != nil {
                for record in records {
                    batch.add(record)
                    sourceLatest = max(sourceLatest, record.timestamp)
                }
            }
        }
        let after = reader.stats
        // Line numbers are in the file: the reader began it at the stored line count.
        for sample in after.samples.dropFirst(before.samples.count) {
            samples.append(sample)
            pendingSamples.append(sample)
        }
        var delta = IngestStats()
        delta.linesRead = after.linesRead - before.linesRead
        delta.eventsAccepted = after.eventsAccepted - before.eventsAccepted
        for (type, count) in after.skippedByType { delta.skippedByType[type] = count - (before.skippedByType[type] ?? 0) }
        for (kind, count) in after.rejectedByKind { delta.rejectedByKind[kind] = count - (before.rejectedByKind[kind] ?? 0) }
        return delta
    }

    var commitDue: Bool {
        batch.eventCount >= options.commitEvents || ContinuousClock.now - lastCommit >= .seconds(options.commitSeconds)
    }

    /// Hands the batch, its transitions and samples, and `checkpoint` to the
    /// commit thread, which stores them in one transaction.
    func commit(_ checkpoint: SourceCheckpoint, continuesFrom: Int64?, collector: CollectorCommit? = nil,
                reportContributions: ReportContributions.Update? = nil, atEnd: Bool = false) throws {
        lastCommit = ContinuousClock.now
        let contents = batch.take()
        defer {
            transitions.removeAll()
            pendingSamples.removeAll()
        }
        guard let worker else { return }
        let latest = fold.monitor.store.latestTimestamp
        // A file's progress gates shared judging; a posted batch or a report's hours do not.
        let progress = sharedJudging && collector == nil && reportContributions == nil && checkpoint.path != "-"
            ? SourceProgress(device: checkpoint.device, inode: checkpoint.inode,
                             latestMinute: sourceLatest == .min ? .min : CampaignClock.minute(of: sourceLatest), atEnd: atEnd)
            : nil
        try worker.submit(CommitWork(batch: contents, symbols: reader.symbols, transitions: transitions,
                                     watermark: latest == .min || sharedJudging ? nil : latest,
                                     checkpoint: checkpoint, continuesFrom: continuesFrom, samples: pendingSamples,
                                     collector: collector, reportContributions: reportContributions, progress: progress))
    }

    /// Waits until everything handed over is stored; the run's commit and anomaly counts.
    public func finish() throws -> IngestTotals {
        try worker?.finish() ?? IngestTotals()
    }
}
