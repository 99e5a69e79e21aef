import ArgumentParser
import CampaignCore
import CampaignStore

/// `campaign-deck anomalies`: the anomaly log. Alert rules open
/// entries as `ingest` runs; people acknowledge, assign, note and resolve them.
struct AnomaliesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies",
        abstract: "Read and update the anomaly log: what broke, who looked, what they did.",
        discussion: """
        Alert rules open anomalies while `campaign-deck ingest` runs; a recovery marks
        them recovered but never closes them: people do, with `resolve`. Every change
        is written at once and survives a crash. Notes and changes record their author
        ($USER unless --author is given).

        Examples:
          # the list, newest first
          campaign-deck anomalies
          campaign-deck anomalies list --status open --severity critical --format json
          campaign-deck anomalies show 3
          campaign-deck anomalies ack 3 --owner 王芳
          campaign-deck anomalies note 3 "swapped creatives on douyin"
          campaign-deck anomalies resolve 3 --cause "creative fatigue" --action \\
              "new creatives"
          # resolved by mistake: back to how it was before
          campaign-deck anomalies reopen 3
          campaign-deck anomalies open --title "supplier delay" --severity critical \\
              --channel offline
        """,
        subcommands: [AnomaliesListCommand.self, AnomaliesShowCommand.self, AnomaliesAckCommand.self,
                      AnomaliesAssignCommand.self, AnomaliesResolveCommand.self, AnomaliesReopenCommand.self, AnomaliesNoteCommand.self,
                      AnomaliesOpenCommand.self],
        defaultSubcommand: AnomaliesListCommand.self
    )

    @OptionGroup var store: StoreOptions
}

/// What every `anomalies` subcommand shares: `--db`/`--plan` given before or
/// after the subcommand name, `--format`, and the opened log.
struct AnomalyCommandContext: ParsableArguments {
    @Option(help: "The database (default: PLAN.deck.sqlite beside the plan, or the demo's in $XDG_STATE_HOME/campaign-deck).")
    var db: String?

    @Option(help: "The plan file (default: the built-in demo campaign); sets the time zone times are shown in.")
    var plan: String?

    @OptionGroup var output: FormatOption

    /// Opens the log; options after the subcommand win over those before it.
    /// Only `open` may create the database: there is nothing to list, show or
    /// acknowledge in one that does not exist.
    func open(parent: StoreOptions, _ access: StoreInput.Access = .readOrChange) throws -> (log: AnomalyLog, output: AnomalyOutput) {
        let plan = self.plan ?? parent.plan
        let database = try StoreInput.open(db: db ?? parent.db, plan: plan, access)
        let campaign = try StoreInput.campaign(plan: plan, database: database)
        return (AnomalyLog(database: database), AnomalyOutput(timeZone: campaign.timeZone, currency: campaign.currency))
    }
}

struct AnomaliesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List anomalies, newest first.")

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext

    @Option(help: "Only this status: open, acknowledged or resolved.")
    var status: AnomalyStatus?

    @Option(help: "Only this severity: info, warning or critical.")
    var severity: AlertRule.Severity?

    @Option(help: "Only anomalies about this channel.")
    var channel: String?

    @Option(help: "Opened on or after this date (YYYY-MM-DD, campaign time zone) or instant (RFC 3339).")
    var since: String?

    @Option(help: "Opened before the end of this date (YYYY-MM-DD) or before this instant (RFC 3339).")
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
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one anomaly with its timeline.")

    @ParentCommand var parent: AnomaliesCommand
    @OptionGroup var context: AnomalyCommandContext

    @Argument(help: "The anomaly id.")
    var id: Int64

    func run() throws {
        var (log, output) = try context.open(parent: parent.store)
        let anomaly = try StoreInput.run { try log.anomaly(id: id) }
        Output.write(output.detail(anomaly, format: context.output.format), as: context.output)
    }
}

extension AnomalyStatus: ExpressibleByArgument {}
extension AlertRule.Severity: ExpressibleByArgument {}
