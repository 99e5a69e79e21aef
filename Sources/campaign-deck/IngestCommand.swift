import ArgumentParser
import CampaignCore
import CampaignStore
import CampaignText
import Foundation

/// `campaign-deck ingest`: stores an event stream in the database, exactly once:
/// metric history per minute, anomalies from the plan's alert
/// rules, and each file's offset, all committed together about once a second.
struct IngestCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "ingest",
            abstract: Phrase.cliIngestAbstract.text(),
            discussion: """
            \(Phrase.cliIngestDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck simulate --days 10 > events.jsonl
              campaign-deck ingest --db spring.deck.sqlite events.jsonl
              campaign-deck ingest --plan spring.yaml --follow /var/log/events.jsonl
              campaign-deck kpi --db spring.deck.sqlite --by channel

            \(Phrase.cliIngestDiscussionEnd.text())
            """
        )
    }

    @OptionGroup var store: StoreOptions

    @Flag(help: ArgumentHelp(Phrase.cliIngestFollow.text()))
    var follow = false

    @Flag(help: ArgumentHelp(Phrase.cliIngestDryRun.text()))
    var dryRun = false

    @Flag(help: ArgumentHelp(Phrase.cliIngestFinal.text()))
    var final = false

    @Option(help: ArgumentHelp(Phrase.cliIngestCommitEvents.text(), visibility: .hidden))
    var commitEvents: Int?

    @Flag(help: ArgumentHelp(Phrase.cliIngestNotifyPast.text()))
    var notifyPast = false

    @Option(help: ArgumentHelp(Phrase.sourceOptionHelp.text("sources:")))
    var source: String?

    @OptionGroup var bounds: EventLimitOptions

    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp(Phrase.cliIngestFiles.text()))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError(Phrase.cliNoEventFiles.text("ingest")) }
        if source != nil && (follow || files.contains("-")) { throw ValidationError(Phrase.sourceNoFollow.text()) }
        if follow && (files.count != 1 || files[0] == "-") {
            throw ValidationError(Phrase.cliFollowOneFile.text("ingest"))
        }
        if let commitEvents, commitEvents < 1 { throw ValidationError(Phrase.cliAtLeastOne.text("--commit-events", commitEvents)) }
    }

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(store.plan)
        let database = dryRun ? nil : try StoreInput.open(db: store.db, plan: store.plan, .createIfMissing)
        if database != nil && files.contains("-") {
            Output.error(Phrase.cliStdinNoResume.text("ingest"))
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
        if let source {
            let mapping = try ReportIngest.source(source, plan: plan, planGiven: store.plan != nil)
            let reports = try ReportIngest.run(ingest, files: files, source: mapping)
            IngestSummary.reportRejections(ingest.samples, rejected: reports.reduce(0) { $0 + $1.rejected },
                                           accepted: reports.reduce(0) { $0 + $1.rows - $1.rejected })
            let totals = try StoreInput.run { try ingest.finish() }
            Output.write(ReportIngest.render(reports, totals: totals, database: database?.location, format: output.format), as: output)
            return
        }
        for file in files where !stop.isRequested {
            let report = try StoreInput.run { try ingest.ingest(path: file, stop: stop) }
            IngestSummary.noteChanged(report)
            reports.append(report)
        }
        IngestSummary.reportRejections(ingest.samples, reports: reports)
        let totals = try StoreInput.run { try ingest.finish() }
        Output.write(IngestSummary.render(reports, totals: totals, database: database?.location, format: output.format), as: output)
        if let database, !plan.notify.isEmpty {
            try NotifyDelivery.deliver(plan: plan, database: database, rounds: 1, ignoringBackoff: false)
        }
    }
}

