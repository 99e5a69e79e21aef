import ArgumentParser
import CampaignCore
import CampaignNotify
import CampaignStore
import CampaignText
import Foundation

/// `campaign-deck watch`: `ingest` plus sending, to run unattended. The loop
/// is `CampaignNotify.Watcher`; this only parses and wires.
struct WatchCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "watch",
            abstract: Phrase.cliWatchAbstract.text(),
            discussion: """
            \(Phrase.cliWatchDiscussion.text())

            \(Phrase.cliExampleWithUnit.text())
              campaign-deck watch --plan spring.yaml --db spring.deck.sqlite \\
                --follow /var/log/events.jsonl
              campaign-deck watch --plan spring.yaml --db spring.deck.sqlite \\
                --source douyin --follow exports/douyin.csv
            """
        )
    }

    @OptionGroup var store: StoreOptions

    @Flag(help: ArgumentHelp(Phrase.cliWatchFollow.text()))
    var follow = false

    @Flag(help: ArgumentHelp(Phrase.cliWatchFinal.text()))
    var final = false

    @Flag(help: ArgumentHelp(Phrase.cliIngestNotifyPast.text()))
    var notifyPast = false

    @Option(help: ArgumentHelp(Phrase.sourceWatchOptionHelp.text("sources:")))
    var source: String?

    @Option(help: ArgumentHelp(Phrase.cliIngestCommitEvents.text(), visibility: .hidden))
    var commitEvents: Int?

    @OptionGroup var bounds: EventLimitOptions

    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp(Phrase.cliIngestFiles.text()))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError(Phrase.cliNoEventFiles.text("watch")) }
        if source != nil && files.contains("-") { throw ValidationError(Phrase.sourceNoStandardInput.text()) }
        if follow && source == nil && (files.count != 1 || files[0] == "-") {
            throw ValidationError(Phrase.cliFollowOneFile.text("watch"))
        }
        if let commitEvents, commitEvents < 1 { throw ValidationError(Phrase.cliAtLeastOne.text("--commit-events", commitEvents)) }
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
            Output.error(Phrase.cliStdinNoResume.text("watch"))
        }
        let stop = FollowStop()
        InterruptStop.install(requesting: stop)
        let mapping = try source.map { try ReportIngest.source($0, plan: plan, planGiven: store.plan != nil) }
        let outcome = try StoreInput.run {
            let watcher = try Watcher(plan: plan, database: database, options: options, notifyPast: notifyPast,
                                      environment: ProcessInfo.processInfo.environment, log: { Output.error($0) })
            guard let mapping else { return try watcher.run(files: files, stop: stop) }
            return try ReportIngest.reporting(mapping) {
                try watcher.run(reportFiles: files, source: mapping, follower: follow ? ReportFollower() : nil, stop: stop)
            }
        }
        if mapping != nil {
            // Followed, each read logged its own rejected rows; the stop gives only the count.
            IngestSummary.reportRejections(outcome.samples, rejected: outcome.reportFiles.reduce(0) { $0 + $1.rejected },
                                           accepted: outcome.reportFiles.reduce(0) { $0 + $1.rows - $1.rejected },
                                           limit: follow ? 0 : 5)
            Output.write(ReportIngest.render(outcome.reportFiles, totals: outcome.totals, database: database.location,
                                             format: output.format), as: output)
            return
        }
        IngestSummary.reportRejections(outcome.samples, reports: outcome.reports)
        outcome.reports.forEach(IngestSummary.noteChanged)
        Output.write(IngestSummary.render(outcome.reports, totals: outcome.totals, database: database.location, format: output.format),
                     as: output)
    }
}
