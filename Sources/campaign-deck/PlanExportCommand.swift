import ArgumentParser
import CampaignCore

struct PlanExportCommand: ParsableCommand {
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case mermaid, csv, ics
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the scheduled plan as a Mermaid Gantt chart, CSV or an iCalendar file.",
        discussion: """
        Examples:
          campaign-deck plan export spring-2026.yaml --to mermaid > gantt.mmd
          campaign-deck plan export spring-2026.yaml --to csv > tasks.csv
          campaign-deck plan export spring-2026.yaml --to ics > campaign.ics
        """
    )

    @Argument(help: "The plan file (`demo` for the built-in campaign).")
    var plan: String

    @Option(help: "What to write: mermaid, csv or ics.")
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
