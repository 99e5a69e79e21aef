import ArgumentParser
import CampaignText

struct PlanCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "plan",
            abstract: Phrase.cliPlanAbstract.text(),
            discussion: """
            \(Phrase.cliPlanDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck plan validate spring-2026.yaml
              campaign-deck plan schedule spring-2026.yaml --today 2026-04-01
              campaign-deck plan show demo --format json
              campaign-deck plan export spring-2026.yaml --to ics > campaign.ics
            """,
            subcommands: [PlanValidateCommand.self, PlanScheduleCommand.self, PlanShowCommand.self, PlanExportCommand.self]
        )
    }
}
