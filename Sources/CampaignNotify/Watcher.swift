import CampaignCore
import CampaignText
import CampaignStore
import Foundation

/// `campaign-deck watch`: an ingest (the same `StoreIngest`, so the same
/// reading, offsets, resume and half-line rules) with a sender beside it.
/// After each commit it logs the transitions the commit wrote and wakes the
/// sender; the sender also ticks on its own, so failed messages are tried
/// again on their backoff while the stream is quiet. When the ingest ends
/// (end of the files, or `stop` requested by SIGTERM/SIGINT after the batch
/// in hand) the sender makes a last pass and gives the lease back.
///
/// It lives here rather than in the executable because it is the sender's
/// loop with an ingest in front: the lease, the drain and the timer are
/// CampaignNotify's, and the executable only parses and wires.
public final class Watcher {
    public struct Outcome: Sendable {
        public var reports: [SourceReport] = []
        /// Each read of a report file (`run(reportFiles:…)`), in order.
        public var reportFiles: [ReportIngestReport] = []
        public var totals = IngestTotals()
        /// Messages still in the outbox at the end (a restart sends them).
        public var pending = 0
        /// Rejected-line samples, with line numbers in their file.
        public var samples: [RejectedLineSample] = []
    }

    private let plan: Plan
    private let database: any StoreEngine
    private let options: IngestOptions
    private let sender: OutboxSender?
    private let log: @Sendable (String) -> Void
    private let announcer: TransitionAnnouncer

    /// `log` receives whole lines, each starting with the wall-clock time.
    /// `options` are the ingest's (follow, final, limits); the watcher adds
    /// the outbox writing and its own after-commit step.
    public init(plan: Plan, database: any StoreEngine, options: IngestOptions, notifyPast: Bool,
                environment: [String: String], identity: SenderIdentity = SenderIdentity(),
                sender robot: RobotSender = RobotSender(), tickSeconds: Double = 1,
                now: @escaping @Sendable () -> Date = Date.init, log: @escaping @Sendable (String) -> Void) throws {
        self.plan = plan
        self.database = database
        let stamped: @Sendable (String) -> Void = { line in log(Self.timestamp(now()) + " " + line) }
        self.log = stamped
        let sender = plan.notify.isEmpty ? nil
            : OutboxSender(plan: plan, database: database, environment: environment, identity: identity, sender: robot,
                           tickSeconds: tickSeconds, now: now, log: { stamped("notify: " + $0) })
        self.sender = sender
        announcer = try TransitionAnnouncer(database: database, timeZone: plan.campaign.timezone, log: stamped)
        var options = options
        if !plan.notify.isEmpty { options.outbox = OutboxWriting(plan: plan, includePast: notifyPast) }
        options.afterCommit = { [announcer] in
            announcer.announce()
            sender?.wake()
        }
        self.options = options
    }

    /// Ingests `files` in order (following the one file with `options.follow`)
    /// until they end or `stop` is requested, sending as it goes.
    public func run(files: [String], stop: FollowStop) throws -> Outcome {
        try running(files) { ingest, outcome in
            for file in files where !stop.isRequested {
                outcome.reports.append(try ingest.ingest(path: file, stop: stop))
            }
        }
    }

    /// Reads ad platforms' report files through `source`'s mapping, sending
    /// as it goes: each once, or with `follower` each time one is rewritten,
    /// until `stop` is requested. Each read is logged; a version that cannot
    /// be read at all while following is logged and the next one awaited.
    public func run(reportFiles files: [String], source: ReportSource, follower: ReportFollower?,
                    stop: FollowStop) throws -> Outcome {
        try running(files) { ingest, outcome in
            func read(_ path: String) throws {
                let report = try ingest.ingestReport(path: path, source: source)
                log(Phrase.sourceSummary.text(report.path.terminalSafe, report.rows, report.changed, report.unchanged, report.rejected))
                // Followed, it runs unattended for days: each version's bad rows are said when it is read, not at the stop.
                if follower != nil {
                    for sample in report.samples.prefix(Self.rejectedRowsLogged) {
                        log("\(sample.formatted) (\(sample.excerpt))".terminalSafe)
                    }
                }
                outcome.reportFiles.append(report)
            }
            if let follower {
                try follower.follow(files, stop: stop, read: read, problem: { log($0.terminalSafe) })
            } else {
                for file in files where !stop.isRequested { try read(file) }
            }
        }
    }

    /// The sender around an ingest: started first, its last pass and the
    /// lease's return after `body` ends, or after what was committed when it failed.
    private func running(_ files: [String], _ body: (StoreIngest, inout Outcome) throws -> Void) throws -> Outcome {
        if plan.notify.isEmpty {
            log(Phrase.dataWatchNoChannels.text())
        } else {
            log(Phrase.dataWatching.text(files.joined(separator: ", "), database.location, plan.notify.map(\.id).joined(separator: ", ")))
        }
        sender?.start()
        var outcome = Outcome()
        do {
            let ingest = try StoreIngest(database: database, plan: plan, options: options)
            try body(ingest, &outcome)
            outcome.samples = ingest.samples
            outcome.totals = try ingest.finish()
        } catch {
            // What was committed is sent before the failure is reported.
            sender?.stop()
            throw error
        }
        announcer.announce()
        outcome.pending = sender?.stop() ?? 0
        let lines = outcome.reports.reduce(0) { $0 + $1.lines } + outcome.reportFiles.reduce(0) { $0 + $1.rows }
        let opened = outcome.totals.anomaliesOpened
        log(Phrase.dataWatchStopped.text((lines == 1 ? Phrase.dataLinesReadOne : .dataLinesRead).text(lines),
                                         (opened == 1 ? Phrase.dataAnomaliesOpenedOne : .dataAnomaliesOpened).text(opened),
                                         (outcome.pending == 1 ? Phrase.dataMessagesPendingOne : .dataMessagesPending).text(outcome.pending)))
        return outcome
    }

    /// Rejected rows logged after each read of a followed report file.
    public static let rejectedRowsLogged = 5

    /// `2026-04-22T03:05:09Z`: the wall clock in UTC, to the second, as journald and grep like it.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}

/// Prints one line per transition the anomaly log wrote since the last call:
/// `opened anomaly 3: CPA spike [channel douyin] at 2026-04-22T11:32:00+08:00 (event time)`.
/// Called on the commit thread after each commit, and once at the end.
final class TransitionAnnouncer: @unchecked Sendable {
    private let transitions: LoggedTransitions
    private let timeZone: String
    private let log: @Sendable (String) -> Void
    // Guarded by `lock`.
    private let lock = NSLock()
    private var seen: Int64

    init(database: any StoreEngine, timeZone: String, log: @escaping @Sendable (String) -> Void) throws {
        transitions = LoggedTransitions(database: database)
        self.timeZone = timeZone
        self.log = log
        seen = try transitions.latestID() // a restart does not print old transitions again
    }

    func announce() {
        lock.withLock {
            do {
                let new = try transitions.after(seen)
                var clock = CampaignClock(timeZoneIdentifier: timeZone)
                for entry in new {
                    let scope = entry.per == "total" ? "" : " [\(AnomalyStatusWords.per(entry.per)) \(entry.scope)]"
                    log(Phrase.dataTransition.text(Self.word(entry.kind), entry.anomalyID, entry.rule, scope, clock.rfc3339(entry.at)))
                    seen = entry.noteID
                }
            } catch {
                log(Phrase.dataCannotReadAnomalyLog.text(error))
            }
        }
    }

    /// What happened, as people read it (the database keeps `opened`, `fired again`, `resolved`).
    static func word(_ kind: LoggedTransitions.Entry.Kind) -> String {
        switch kind {
        case .opened: Phrase.dataTransitionOpened.text()
        case .firedAgain: Phrase.dataTransitionFiredAgain.text()
        case .resolved: Phrase.dataTransitionResolved.text()
        }
    }
}
