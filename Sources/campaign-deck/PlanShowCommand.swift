import ArgumentParser
import CampaignCore
import CampaignText

struct PlanShowCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: Phrase.cliPlanShowAbstract.text(),
            discussion: """
            \(Phrase.cliExamples.text())
              campaign-deck plan show spring-2026.yaml
              campaign-deck plan show demo --format json

            \(Phrase.cliPlanShowDiscussionEnd.text())
            """
        )
    }

    @Argument(help: ArgumentHelp(Phrase.cliPlanFileOrDemo.text()))
    var plan: String

    @OptionGroup var output: FormatOption

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(plan)
        switch output.format {
        case .table: Output.raw(PlanSummary.table(plan))
        case .json: Output.dataLine(PlanSummary.json(plan).serialized(pretty: true))
        case .csv:
            throw CLIError(Phrase.cliPlanShowNoCSV.text(), hint: Phrase.cliPlanShowNoCSVHint.text(self.plan))
        }
    }
}
