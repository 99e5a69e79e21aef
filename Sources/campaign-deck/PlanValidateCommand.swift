import ArgumentParser
import CampaignCore
import CampaignText
import Foundation

struct PlanValidateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "validate",
            abstract: Phrase.cliPlanValidateAbstract.text(),
            discussion: """
            \(Phrase.cliPlanValidateDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck plan validate spring-2026.yaml
              campaign-deck plan validate spring-2026.yaml --format json | jq .diagnostics
            """
        )
    }

    @Argument(help: ArgumentHelp(Phrase.cliPlanFileOrDemo.text()))
    var plan: String

    @OptionGroup var output: FormatOption

    func run() throws {
        let (document, file) = try PlanInput.load(plan)
        // The notify channels' ${VARIABLES} are checked against this machine's environment.
        let environment = document.plan.map { PlanNotifyChecks.environment($0, ProcessInfo.processInfo.environment) } ?? []
        let diagnostics = (document.diagnostics + environment).sortedByLocation
        switch output.format {
        case .json:
            Output.dataLine(ValidationReport.json(diagnostics, file: file).serialized(pretty: true))
        case .csv:
            Output.spreadsheet(ValidationReport.csv(diagnostics, file: file), output.spreadsheet)
        case .table:
            PlanInput.report(diagnostics, file: file)
            if let plan = document.plan, !diagnostics.hasErrors {
                Output.print(ValidationReport.summary(plan, file: file, warnings: diagnostics.warnings.count))
            }
        }
        if diagnostics.hasErrors {
            throw CLIError.planInvalid(file, errors: diagnostics.errors.count)
        }
    }
}
