import ArgumentParser
import CampaignCore
import CampaignText

struct PlanScheduleCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "schedule",
            abstract: Phrase.cliPlanScheduleAbstract.text(),
            discussion: """
            \(Phrase.cliExamples.text())
              campaign-deck plan schedule spring-2026.yaml
              campaign-deck plan schedule spring-2026.yaml --today 2026-04-01 --format \\
                  json
            """
        )
    }

    @Argument(help: ArgumentHelp(Phrase.cliPlanFileOrDemo.text()))
    var plan: String

    @Option(help: ArgumentHelp(Phrase.cliPlanScheduleToday.text()))
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
