import ArgumentParser
import CampaignCore
import CampaignStore
import CampaignText

struct StandupCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "standup",
            abstract: Phrase.cliStandupAbstract.text(),
            discussion: """
            \(Phrase.cliStandupDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck standup --plan spring-2026.yaml
              campaign-deck standup --plan spring-2026.yaml --date 2026-03-24 | pbcopy
              campaign-deck standup --db demo.sqlite --date 2026-03-10   \(Phrase.cliExampleDemoPlan.text())
            """
        )
    }

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp(Phrase.cliStandupDate.text()))
    var date: String?

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(store.plan)
        let schedule = try PlanInput.schedule(plan)
        let context = KPIContext(plan: plan)
        let given = try PlanInput.day(date, option: "--date")
        let database = try StoreInput.open(db: store.db, plan: store.plan, .readOrChange)
        let loaded = try StoreInput.run { try StoredHistory.kpiStore(database: database, context: context) }
        let anomalies = try StoreInput.run { try AnomalyLog(database: database).list() }.map(StandupAgenda.AnomalyItem.init)
        let agenda = StandupAgenda(plan: plan, schedule: schedule, date: given, anomalies: anomalies, store: loaded.store,
                                   context: context, name: loaded.names.name)
        Output.raw(agenda.markdown(campaignStart: plan.campaign.start))
    }
}
