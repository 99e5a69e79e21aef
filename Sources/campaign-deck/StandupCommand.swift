import ArgumentParser
import CampaignCore
import CampaignStore

struct StandupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standup",
        abstract: "Print the daily stand-up agenda as Markdown for chat.",
        discussion: """
        From the plan and the project database (anomaly log and the metric history
        stored by `ingest`), for the day of the latest stored event unless --date
        says otherwise; the same agenda as the dashboard's walkthrough (`w`):
        - anomalies opened since the start of yesterday, and older ones not yet
          resolved, with owners;
        - the rate KPIs (ctr, cvr, cpa, roi; per channel and in total) that moved most
          from the day before yesterday to yesterday (calendar days, campaign time
          zone);
        - tasks due today (scheduled finish on the date);
        - late tasks (past their finish, progress < 1), whether they are on the
          critical path, and every task they hold up;
        - segment goals at risk: achievement below the share of time gone from the
          campaign start to the goal's `by` date.

        Examples:
          campaign-deck standup --plan spring-2026.yaml
          campaign-deck standup --plan spring-2026.yaml --date 2026-03-24 | pbcopy
          campaign-deck standup --db demo.sqlite --date 2026-03-10   (demo plan)
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The stand-up's day, YYYY-MM-DD (default: the day of the latest stored event, campaign time zone; today's date when nothing is stored).")
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
