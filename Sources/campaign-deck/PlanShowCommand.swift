import ArgumentParser
import CampaignCore

struct PlanShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the plan: campaign, budget, channels, segments, phases, tasks and alerts.",
        discussion: """
        Examples:
          campaign-deck plan show spring-2026.yaml
          campaign-deck plan show demo --format json
        For tasks as CSV use `campaign-deck plan export PLAN --to csv`.
        """
    )

    @Argument(help: "The plan file (`demo` for the built-in campaign).")
    var plan: String

    @OptionGroup var output: FormatOption

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(plan)
        switch output.format {
        case .table: Output.raw(PlanSummary.table(plan))
        case .json: Output.dataLine(PlanSummary.json(plan).serialized(pretty: true))
        case .csv:
            throw CLIError("plan show has several tables and no single CSV form (--format csv)",
                           hint: "use `campaign-deck plan export \(self.plan) --to csv` for the tasks")
        }
    }
}
