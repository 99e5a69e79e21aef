import ArgumentParser
import CampaignCore

struct PlanScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Compute early/late dates, float, the critical path and late tasks.",
        discussion: """
        Examples:
          campaign-deck plan schedule spring-2026.yaml
          campaign-deck plan schedule spring-2026.yaml --today 2026-04-01 --format \\
              json
        """
    )

    @Argument(help: "The plan file (`demo` for the built-in campaign).")
    var plan: String

    @Option(help: "Judge late tasks as of this date (YYYY-MM-DD); default: today in the campaign's time zone.")
    var today: String?

    @OptionGroup var output: FormatOption

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(plan)
        let schedule = try PlanInput.schedule(plan)
        let day = try PlanInput.day(today, option: "--today") ?? Day.today(inTimeZone: plan.campaign.timezone)
        switch output.format {
        case .table: Output.raw(ScheduleReport.table(schedule, plan: plan, today: day))
        case .json: Output.dataLine(ScheduleReport.json(schedule, plan: plan, today: day).serialized(pretty: true))
        case .csv: Output.spreadsheet(ScheduleReport.csv(schedule, plan: plan, today: day), output.spreadsheet)
        }
    }
}
