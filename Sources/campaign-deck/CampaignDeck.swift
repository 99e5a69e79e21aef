import ArgumentParser
import CampaignCore
import CampaignText

struct CampaignDeck: ParsableCommand {
    static let version = "0.1.0"

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "campaign-deck",
            abstract: Phrase.cliRootAbstract.text(),
            discussion: """
            \(Phrase.cliRootDiscussion.text())

            \(Phrase.cliExamples.text())
              # \(Phrase.cliExampleStartingPlan.text())
              campaign-deck init spring-2026
              campaign-deck plan validate spring-2026.yaml
              campaign-deck plan schedule spring-2026.yaml --format json
              campaign-deck plan export spring-2026.yaml --to mermaid > gantt.mmd

            \(Phrase.cliRootDiscussionEnd.text())
            """,
            version: version,
            subcommands: [DashboardCommand.self, PlanCommand.self, InitCommand.self, SimulateCommand.self, KPICommand.self, AlertsCommand.self, SegmentCommand.self, IngestCommand.self, WatchCommand.self, CollectCommand.self, AnomaliesCommand.self, ReportCommand.self, StandupCommand.self, NotifyCommand.self, SilenceCommand.self],
            defaultSubcommand: DashboardCommand.self
        )
    }
}
