import CampaignCore
import CampaignStore
import CampaignText

/// `report --week` / `--from --to`: the weekly promotion report (`PeriodReport`).
extension ReportCommand {
    func period(latestDataDay: Day?) throws -> ReportPeriod? {
        do {
            return try ReportPeriod.choose(week: week, from: try PlanInput.day(from, option: "--from"),
                                           to: try PlanInput.day(to, option: "--to"), latestDataDay: latestDataDay)
        } catch let error as ReportPeriodError {
            throw CLIError(error.message)
        }
    }

    func runPeriod(plan: Plan, context: KPIContext) throws {
        let store: KPIStore, names: ScopeNames, anomalies: [PeriodAnomaly]
        if let db = StoreInput.database(db, files: input.files) {
            guard input.files.isEmpty else {
                throw CLIError(Phrase.cliDbOrFiles.text(), hint: Phrase.cliDbOrFilesHint.text(PostgresURL.shown(db)))
            }
            let database = try StoreInput.open(db: db, plan: input.plan, .readOrChange)
            let loaded = try StoreInput.run { try StoredHistory.kpiStore(database: database, context: context) }
            (store, names) = (loaded.store, loaded.names)
            anomalies = try StoreInput.run { try AnomalyLog(database: database).list() }.map(PeriodAnomaly.init)
        } else {
            // Without a log, the plan's rules judge the stream, as `alerts` does.
            var fold = MonitorFold(plan: plan)
            var transitions: [AlertTransition] = []
            let stats = try input.read(plan: plan, storedAlternative: true) { records, symbols in
                transitions += fold.fold(records, symbols: symbols).filter { $0.to == .firing || $0.from == .firing }
            }
            transitions += fold.closeCurrentMinute()
            EventInput.reportRejections(stats)
            (store, names, anomalies) = (fold.monitor.store, fold.names, PeriodAnomaly.judged(transitions, plan: plan))
        }
        guard let period = try period(latestDataDay: StandupAgenda.dataDay(of: store)) else { return }
        let report: PeriodReport
        do {
            report = try PeriodReport(plan: plan, store: store, period: period, anomalies: anomalies,
                                      option: week != nil ? "--week" : "--from", name: names.name)
        } catch let error as ReportPeriodError {
            throw CLIError(error.message)
        }
        switch format {
        case .table: Output.raw(report.table(clock: store.clock))
        case .json: Output.dataLine(report.json(clock: store.clock).serialized())
        case .csv: Output.spreadsheet(report.csv(clock: store.clock), spreadsheet)
        case .markdown: Output.raw(report.markdown(clock: store.clock))
        }
    }
}
