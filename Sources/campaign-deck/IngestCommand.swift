import ArgumentParser
import CampaignCore
import CampaignStore
import Foundation

/// `campaign-deck ingest`: stores an event stream in the database, exactly once:
/// metric history per minute, anomalies from the plan's alert
/// rules, and each file's offset, all committed together about once a second.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store an event stream in the database: metric history, anomalies and resumable offsets.",
        discussion: """
        Each batch is committed together with how far each file was read, so an ingest
        that is killed at any moment can simply be run again: it resumes where the
        last commit ended and counts nothing twice. Running it again on a file that
        has grown reads only the new lines. Standard input (`-`) cannot resume: run an
        interrupted one again and what it had stored is counted twice.

        A file is known by what it is (device and inode), not its name: after
        `mv events.jsonl events.jsonl.1`, ingesting events.jsonl.1 resumes where the
        last run stopped, and a hard link is the same file.

        A last line without a line break may be half written: it is pending (the
        summary says "1 line pending") and read once its line break arrives. With
        --final it is taken as it is (parsed, or rejected with its reason). Standard
        input ends for good, so its last line is always taken.

        With --follow it keeps reading the file as it grows (surviving truncation and
        rotation, like `tail -F`) until interrupted: Ctrl-C or SIGTERM end it after
        the batch in hand, with the summary.

        Examples:
          campaign-deck simulate --days 10 > events.jsonl
          campaign-deck ingest --db spring.deck.sqlite events.jsonl
          campaign-deck ingest --plan spring.yaml --follow /var/log/events.jsonl
          campaign-deck kpi --db spring.deck.sqlite --by channel

        When the plan has notify: channels, the messages of each transition are
        stored with it and sent after the run (see `campaign-deck notify`).
        """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Keep reading the file as it grows, until interrupted.")
    var follow = false

    @Flag(help: "Read and judge the stream but store nothing.")
    var dryRun = false

    @Flag(help: "The files are complete: take a last line without a line break as a line, instead of leaving it pending.")
    var final = false

    @Option(help: ArgumentHelp("Commit after this many events (default 50000) or every second.", visibility: .hidden))
    var commitEvents: Int?

    @Flag(help: "Send transitions older than the notify policy's max_age too (for drills and tests).")
    var notifyPast = false

    @OptionGroup var bounds: EventLimitOptions

    @OptionGroup var output: FormatOption

    @Argument(help: "Event files (JSON Lines); `-` is standard input.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("no event files given: pass FILE…, or `-` for standard input (ingest)") }
        if follow && (files.count != 1 || files[0] == "-") {
            throw ValidationError("--follow needs exactly one file, not standard input (ingest)")
        }
        if let commitEvents, commitEvents < 1 { throw ValidationError("--commit-events must be at least 1, got \(commitEvents)") }
    }

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(store.plan)
        let database = dryRun ? nil : try StoreInput.open(db: store.db, plan: store.plan, .createIfMissing)
        if database != nil && files.contains("-") {
            Output.error("campaign-deck: note: standard input cannot resume; if this ingest is interrupted, sending the same events again counts them twice (-)")
        }
        var options = IngestOptions()
        options.follow = follow
        options.final = final
        options.relaxedSync = true // this process writes nothing but the ingest
        options.limits = bounds.limits
        if let commitEvents { options.commitEvents = commitEvents }
        if !plan.notify.isEmpty { options.outbox = OutboxWriting(plan: plan, includePast: notifyPast) }
        let stop = FollowStop()
        if follow { InterruptStop.install(requesting: stop) }
        var reports: [SourceReport] = []
        let ingest = try StoreInput.run { try StoreIngest(database: database, plan: plan, options: options) }
        for file in files where !stop.isRequested {
            let report = try StoreInput.run { try ingest.ingest(path: file, stop: stop) }
            IngestSummary.noteChanged(report)
            reports.append(report)
        }
        IngestSummary.reportRejections(ingest.samples, reports: reports)
        let totals = try StoreInput.run { try ingest.finish() }
        Output.write(IngestSummary.render(reports, totals: totals, database: database?.path, format: output.format), as: output)
        if let database, !plan.notify.isEmpty {
            try NotifyDelivery.deliver(plan: plan, database: database, rounds: 1, ignoringBackoff: false)
        }
    }
}

