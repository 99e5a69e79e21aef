import ArgumentParser
import CampaignCore

struct CampaignDeck: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "campaign-deck",
        abstract: "Plan, watch and review segment-targeted marketing campaigns from the terminal.",
        discussion: """
        A campaign lives in one YAML plan file: segments and personas, budget, phases,
        tasks with owners and risks, and KPI alert rules.

        Examples:
          # write a starting plan (the demo campaign)
          campaign-deck init spring-2026
          campaign-deck plan validate spring-2026.yaml
          campaign-deck plan schedule spring-2026.yaml --format json
          campaign-deck plan export spring-2026.yaml --to mermaid > gantt.mmd

        Exit codes: 0 success, 1 runtime failure, 2 bad input or usage.
        """,
        version: version,
        subcommands: [DashboardCommand.self, PlanCommand.self, InitCommand.self, SimulateCommand.self, KPICommand.self, AlertsCommand.self, SegmentCommand.self, IngestCommand.self, WatchCommand.self, AnomaliesCommand.self, ReportCommand.self, StandupCommand.self, NotifyCommand.self, SilenceCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
