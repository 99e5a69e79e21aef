import ArgumentParser
import CampaignCore
import CampaignNotify
import CampaignStore
import Foundation

/// `campaign-deck watch`: `ingest` plus sending, to run unattended. The loop
/// is `CampaignNotify.Watcher`; this only parses and wires.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Ingest an event stream and send its alerts as they happen: meant to run unattended.",
        discussion: """
        Reads like `ingest` (offsets, resume, half lines: `campaign-deck ingest --help`)
        and, after each commit, sends the outbox under the database's sender lease.
        Failed messages are tried again on their backoff even while no events arrive.
        If another process (a watch, an ingest, a dashboard) holds the lease, this one
        does not send and says so once; it takes over when that lease ends.

        Standard error gets one line per transition and per delivery or failure, each
        starting with the time (UTC). SIGTERM or Ctrl-C ends it after the batch in
        hand: a last send pass, the lease given back, exit 0. Run it again and it
        resumes: nothing is read twice and nothing delivered is sent again.

        Example (a systemd unit is in the README):
          campaign-deck watch --plan spring.yaml --db spring.deck.sqlite \\
            --follow /var/log/events.jsonl
        """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Keep reading the file as it grows, until SIGTERM or Ctrl-C.")
    var follow = false

    @Flag(help: "The files are complete: take a last line without a line break as a line.")
    var final = false

    @Flag(help: "Send transitions older than the notify policy's max_age too (for drills and tests).")
    var notifyPast = false

    @Option(help: ArgumentHelp("Commit after this many events (default 50000) or every second.", visibility: .hidden))
    var commitEvents: Int?

    @OptionGroup var bounds: EventLimitOptions

    @OptionGroup var output: FormatOption

    @Argument(help: "Event files (JSON Lines); `-` is standard input.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("no event files given: pass FILE…, or `-` for standard input (watch)") }
        if follow && (files.count != 1 || files[0] == "-") {
            throw ValidationError("--follow needs exactly one file, not standard input (watch)")
        }
        if let commitEvents, commitEvents < 1 { throw ValidationError("--commit-events must be at least 1, got \(commitEvents)") }
    }

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(store.plan)
        let database = try StoreInput.open(db: store.db, plan: store.plan, .createIfMissing)
        var options = IngestOptions()
        options.follow = follow
        options.final = final
        options.relaxedSync = true // a power loss may resend a delivered message; receivers drop it by fingerprint
        options.limits = bounds.limits
        if let commitEvents { options.commitEvents = commitEvents }
        if files.contains("-") {
            Output.error("campaign-deck: note: standard input cannot resume; if this watch is interrupted, sending the same events again counts them twice (-)")
        }
        let stop = FollowStop()
        InterruptStop.install(requesting: stop)
        let outcome = try StoreInput.run {
            let watcher = try Watcher(plan: plan, database: database, options: options, notifyPast: notifyPast,
                                      environment: ProcessInfo.processInfo.environment, log: { Output.error($0) })
            return try watcher.run(files: files, stop: stop)
        }
        IngestSummary.reportRejections(outcome.samples, reports: outcome.reports)
        outcome.reports.forEach(IngestSummary.noteChanged)
        Output.write(IngestSummary.render(outcome.reports, totals: outcome.totals, database: database.path, format: output.format),
                     as: output)
    }
}
