import ArgumentParser
import CampaignCore
import CampaignStore
import CampaignText

/// `report` adds Markdown to the usual formats: results get pasted into chat.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, markdown
}

struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: Phrase.cliReportAbstract.text(),
            discussion: """
            \(Phrase.cliReportDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck report --plan spring-2026.yaml events.jsonl
              campaign-deck simulate --days 14 | campaign-deck report --format markdown
              campaign-deck report --plan spring-2026.yaml --db spring-2026.deck.sqlite
              campaign-deck report --db spring.sqlite --week 2026-W10 --format markdown
              campaign-deck simulate --days 21 | campaign-deck report --week --lang zh
            """
        )
    }

    @OptionGroup var input: EventSourceOptions

    @Option(help: ArgumentHelp(Phrase.cliKpiDb.text()))
    var db: String?

    @Option(help: ArgumentHelp(Phrase.cliReportFormat.text()))
    var format: ReportFormat = .table

    @OptionGroup var spreadsheet: SpreadsheetOption

    @Option(help: ArgumentHelp(Phrase.weekCliWeek.text(), valueName: "YYYY-Www"))
    var week: String?

    @Option(help: ArgumentHelp(Phrase.weekCliFrom.text(), valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp(Phrase.weekCliTo.text(), valueName: "date"))
    var to: String?

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(input.plan)
        let context = KPIContext(plan: plan)
        // The period options are checked before any event is read (`last` needs the data, not its spelling).
        if try period(latestDataDay: Day(ordinal: 0)) != nil { return try runPeriod(plan: plan, context: context) }
        let report: ResultsReport, clock: CampaignClock
        if let db = StoreInput.database(db, files: input.files) {
            guard input.files.isEmpty else {
                throw CLIError(Phrase.cliDbOrFiles.text(), hint: Phrase.cliDbOrFilesHint.text(PostgresURL.shown(db)))
            }
            let database = try StoreInput.open(db: db, plan: input.plan, .readOrChange)
            let loaded = try StoreInput.run { try StoredHistory.kpiStore(database: database, context: context) }
            report = ResultsReport(plan: plan, store: loaded.store, context: context, users: loaded.users, name: loaded.names.name)
            clock = loaded.store.clock
        } else {
            var store = KPIStore(timeZoneIdentifier: plan.campaign.timezone)
            var names = ScopeNames(context: context)
            var users = ConvertingUsers()
            let stats = try input.read(plan: plan, storedAlternative: true) { records, symbols in
                names.update(symbols)
                for record in records {
                    let leaf = names.leaf(of: record)
                    store.add(timestamp: record.timestamp, type: record.type, leaf: leaf,
                              user: record.user, count: record.count, amount: record.amount)
                    users.add(record, channel: { leaf.channel >= 0 ? names.name(.channel, leaf.channel) : nil },
                              segment: { leaf.segment >= 0 ? names.name(.segment, leaf.segment) : ResultsReport.noSegment })
                }
            }
            EventInput.reportRejections(stats)
            report = ResultsReport(plan: plan, store: store, context: context, users: users, name: names.name)
            clock = store.clock
        }
        switch format {
        case .table: Output.raw(report.table(clock: clock))
        case .json: Output.dataLine(report.json(clock: clock).serialized())
        case .csv: Output.spreadsheet(report.csv(), spreadsheet)
        case .markdown: Output.raw(report.markdown(clock: clock))
        }
    }
}
