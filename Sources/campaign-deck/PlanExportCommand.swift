import ArgumentParser
import CampaignCore
import CampaignText

struct PlanExportCommand: ParsableCommand {
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case mermaid, csv, ics
    }

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: Phrase.cliPlanExportAbstract.text(),
            discussion: """
            \(Phrase.cliExamples.text())
              campaign-deck plan export spring-2026.yaml --to mermaid > gantt.mmd
              campaign-deck plan export spring-2026.yaml --to csv > tasks.csv
              campaign-deck plan export spring-2026.yaml --to ics > campaign.ics
            """
        )
    }

    @Argument(help: ArgumentHelp(Phrase.cliPlanFileOrDemo.text()))
    var plan: String

    @Option(help: ArgumentHelp(Phrase.cliPlanExportTo.text()))
    var to: Target = .mermaid

    @OptionGroup var spreadsheet: SpreadsheetOption

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(plan)
        let schedule = try PlanInput.schedule(plan)
        switch to {
        case .mermaid: Output.data(MermaidExport.gantt(plan, schedule: schedule))
        case .csv: Output.spreadsheet(CSVExport.tasks(plan, schedule: schedule), spreadsheet)
        case .ics: Output.data(ICSExport.calendar(plan, schedule: schedule))
        }
    }
}
