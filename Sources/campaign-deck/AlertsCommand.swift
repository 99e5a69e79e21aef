import ArgumentParser
import CampaignCore
import CampaignText

struct AlertsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "alerts",
            abstract: Phrase.cliAlertsAbstract.text(),
            discussion: """
            \(Phrase.cliAlertsDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck simulate --days 70 | campaign-deck alerts
              campaign-deck alerts --plan spring.yaml --format table events.jsonl
            """
        )
    }

    @OptionGroup var input: EventSourceOptions

    @Flag(help: ArgumentHelp(Phrase.cliAlertsAll.text()))
    var all = false

    @Option(help: ArgumentHelp(Phrase.cliAlertsFormat.text()))
    var format: OutputFormat = .json

    @OptionGroup var spreadsheet: SpreadsheetOption

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(input.plan)
        var fold = MonitorFold(plan: plan)
        var clock = CampaignClock(timeZoneIdentifier: plan.campaign.timezone)
        var printedHeader = false
        func emit(_ changes: [AlertTransition]) {
            for change in changes where all || !change.isQuiet {
                switch format {
                case .json:
                    Output.dataLine(change.json(clock: &clock).serialized())
                case .csv:
                    if !printedHeader { Output.startSpreadsheet(spreadsheet); Output.dataLine("at,rule,per,scope,from,to,value,threshold,severity"); printedHeader = true }
                    Output.dataLine(CSVWriter.row([clock.rfc3339(change.at), change.rule, change.per.rawValue, change.scope,
                                                change.from.rawValue, change.to.rawValue,
                                                change.value.map { Formatting.plain($0) } ?? "", change.threshold.map { Formatting.plain($0) } ?? "",
                                                change.severity.rawValue]))
                case .table:
                    Output.print(CommandLineMessages.alertLine(change, at: clock.rfc3339(change.at)))
                }
            }
        }
        let stats = try input.read(plan: plan) { records, symbols in
            emit(fold.fold(records, symbols: symbols))
        }
        emit(fold.closeCurrentMinute())
        EventInput.reportRejections(stats)
    }
}
