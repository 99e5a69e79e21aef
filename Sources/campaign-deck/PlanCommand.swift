import ArgumentParser

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Check, schedule, show and export a plan file.",
        discussion: """
        PLAN is a plan file, or `demo` for the built-in demo campaign.

        Examples:
          campaign-deck plan validate spring-2026.yaml
          campaign-deck plan schedule spring-2026.yaml --today 2026-04-01
          campaign-deck plan show demo --format json
          campaign-deck plan export spring-2026.yaml --to ics > campaign.ics
        """,
        subcommands: [PlanValidateCommand.self, PlanScheduleCommand.self, PlanShowCommand.self, PlanExportCommand.self]
    )
}
