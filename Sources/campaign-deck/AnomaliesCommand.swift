import ArgumentParser
import CampaignCore
import CampaignStore
import CampaignText

/// `campaign-deck anomalies`: the anomaly log. Alert rules open
/// entries as `ingest` runs; people acknowledge, assign, note and resolve them.
struct AnomaliesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "anomalies",
            abstract: Phrase.cliAnomaliesAbstract.text(),
            discussion: """
            \(Phrase.cliAnomaliesDiscussion.text())

            \(Phrase.cliExamples.text())
              # \(Phrase.cliExampleListNewest.text())
              campaign-deck anomalies
              campaign-deck anomalies list --status open --severity critical --format json
              campaign-deck anomalies show 3
              campaign-deck anomalies ack 3 --owner 王芳
              campaign-deck anomalies note 3 "\(Phrase.cliExampleNoteText.text())"
              campaign-deck anomalies resolve 3 --cause "\(Phrase.cliExampleCause.text())" --action \\
                  "\(Phrase.cliExampleAction.text())"
              # \(Phrase.cliExampleReopen.text())
              campaign-deck anomalies reopen 3
              campaign-deck anomalies open --title "\(Phrase.cliExampleTitle.text())" --severity critical \\
                  --channel offline
            """,
            subcommands: [AnomaliesListCommand.self, AnomaliesShowCommand.self, AnomaliesAckCommand.self,
                          AnomaliesAssignCommand.self, AnomaliesResolveCommand.self, AnomaliesReopenCommand.self, AnomaliesNoteCommand.self,
                          AnomaliesOpenCommand.self],
            defaultSubcommand: AnomaliesListCommand.self
        )
    }

    @OptionGroup var store: StoreOptions
}

/// What every `anomalies` subcommand shares: `--db`/`--plan` given before or
/// after the subcommand name, `--format`, and the opened log.
struct AnomalyCommandContext: ParsableArguments {
    @Option(help: ArgumentHelp(Phrase.cliDatabaseOption.text()))
    var db: String?

    @Option(help: ArgumentHelp(Phrase.cliAnomalyPlan.text()))
    var plan: String?

    @OptionGroup var output: FormatOption

    /// Opens the log; options after the subcommand win over those before it.
    /// Only `open` may create the database: there is nothing to list, show or
    /// acknowledge in one that does not exist.
    func open(parent: StoreOptions, _ access: StoreInput.Access = .readOrChange) throws -> (log: AnomalyLog, output: AnomalyOutput) {
        let plan = self.plan ?? parent.plan
        let database = try StoreInput.open(db: db ?? parent.db, plan: plan, access)
        let campaign = try StoreInput.campaign(plan: plan, database: database)
        return (AnomalyLog(store: database), AnomalyOutput(timeZone: campaign.timeZone, currency: campaign.currency))
    }
}

struct AnomaliesListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: Phrase.cliAnomalyListAbstract.text())
    }

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext

    @Option(help: ArgumentHelp(Phrase.cliAnomalyListStatus.text()))
    var status: AnomalyStatus?

    @Option(help: ArgumentHelp(Phrase.cliAnomalyListSeverity.text()))
    var severity: AlertRule.Severity?

    @Option(help: ArgumentHelp(Phrase.cliAnomalyListChannel.text()))
    var channel: String?

    @Option(help: ArgumentHelp(Phrase.cliAnomalyListSince.text()))
    var since: String?

    @Option(help: ArgumentHelp(Phrase.cliAnomalyListUntil.text()))
    var until: String?

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let filter = AnomalyFilter(status: status, severity: severity, channel: channel,
                                   since: try AnomalyDates.instant(since, option: "--since", clock: output.listing.clock, endOfDay: false),
                                   until: try AnomalyDates.instant(until, option: "--until", clock: output.listing.clock, endOfDay: true))
        let anomalies = try StoreInput.run { try log.list(filter) }
        Output.write(output.list(anomalies, format: context.output.format), as: context.output)
    }
}

struct AnomaliesShowCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: Phrase.cliAnomalyShowAbstract.text())
    }

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext

    @Argument(help: ArgumentHelp(Phrase.cliAnomalyID.text()))
    var id: Int64

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run { try log.anomaly(id: id) }
        Output.write(output.detail(anomaly, format: context.output.format), as: context.output)
    }
}

extension AnomalyStatus: ExpressibleByArgument {}
extension AlertRule.Severity: ExpressibleByArgument {}
