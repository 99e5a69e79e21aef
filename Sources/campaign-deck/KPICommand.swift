import ArgumentParser
import CampaignCore
import CampaignStore
import CampaignText

struct KPICommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "kpi",
            abstract: Phrase.cliKpiAbstract.text(),
            discussion: """
            \(Phrase.cliKpiDiscussion.text())

            \(Phrase.cliExamples.text())
              campaign-deck kpi events.jsonl
              campaign-deck simulate --days 14 | campaign-deck kpi --by segment \\
                  --window day
              campaign-deck kpi --window 1h --format json a.jsonl b.jsonl
              # \(Phrase.cliExampleStoredHistory.text())
              campaign-deck kpi --db spring-2026.deck.sqlite --window day
            """
        )
    }

    @OptionGroup var input: EventSourceOptions

    @Option(help: ArgumentHelp(Phrase.cliKpiBy.text()))
    var by: KPIDimension = .channel

    @Option(help: ArgumentHelp(Phrase.cliKpiWindow.text()))
    var window: MetricWindow = .campaignToDate

    @Option(help: ArgumentHelp(Phrase.cliKpiDb.text()))
    var db: String?

    @OptionGroup var output: FormatOption

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(input.plan)
        let context = KPIContext(plan: plan)
        if let db = StoreInput.database(db, files: input.files) {
            guard input.files.isEmpty else {
                throw CLIError(Phrase.cliDbOrFiles.text(), hint: Phrase.cliDbOrFilesHint.text(PostgresURL.shown(db)))
            }
            let database = try StoreInput.open(db: db, plan: input.plan, .readOrChange)
            let loaded = try StoreInput.run { try StoredHistory.kpiStore(database: database, context: context) }
            let report = KPIReport(store: loaded.store, dimension: by, window: window, context: context,
                                   rejected: loaded.rejected, skipped: loaded.skipped, name: loaded.names.name)
            print(report, clock: loaded.store.clock)
            return
        }
        if AlertEngine(plan: plan).hasBaselineRules(by) { return try runJudging(plan, context: context) }
        // Keep a running sum only for the window asked for: stepping every
        // minute through five windows was a fifth of the time on big files.
        var rolling: [Int] = []
        if case .rolling(let seconds) = window { rolling = [seconds / 60] }
        var store = KPIStore(timeZoneIdentifier: plan.campaign.timezone, rollingWindows: rolling)
        var names = ScopeNames(context: context)
        let stats = try input.read(plan: plan, storedAlternative: true) { records, symbols in
            names.update(symbols)
            for record in records {
                store.add(timestamp: record.timestamp, type: record.type, leaf: names.leaf(of: record),
                          user: record.user, count: record.count, amount: record.amount)
            }
        }
        EventInput.reportRejections(stats)
        let report = KPIReport(store: store, dimension: by, window: window, context: context,
                               rejected: stats.rejected, skipped: stats.skipped, name: names.name)
        print(report, clock: store.clock)
    }

    /// With baseline rules over the rows' dimension, those rules record each
    /// minute's value as `alerts` judging them would, so each row can say what is usual for it.
    private func runJudging(_ plan: Plan, context: KPIContext) throws {
        var fold = MonitorFold(plan: plan, reportWindow: window, recordingUsualOf: by)
        let stats = try input.read(plan: plan, storedAlternative: true) { records, symbols in
            _ = fold.fold(records, symbols: symbols)
        }
        EventInput.reportRejections(stats)
        let store = fold.monitor.store
        var report = KPIReport(store: store, dimension: by, window: window, context: context,
                               rejected: stats.rejected, skipped: stats.skipped, name: fold.names.name)
        report.addUsual(engine: fold.monitor.engine, store: store, name: fold.names.name)
        print(report, clock: store.clock)
    }

    private func print(_ report: KPIReport, clock: CampaignClock) {
        switch output.format {
        case .table: Output.raw(report.table(clock: clock))
        case .json: Output.dataLine(report.json(clock: clock).serialized())
        case .csv: Output.spreadsheet(report.csv(), output.spreadsheet)
        }
    }
}

extension KPIDimension: ExpressibleByArgument {}

extension MetricWindow: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { MetricWindow.names }
}
