import ArgumentParser
import CampaignCore
import CampaignStore

/// `report` adds Markdown to the usual formats: results get pasted into chat.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, markdown
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Judge results: segment goals, ROI per channel and segment, CPA and CAC against benchmark, budget used by line.",
        discussion: """
        Campaign-to-date, from an event stream or the history stored by `ingest`.
        - Goals: target vs actual per segment goal. Achievement = actual / target; for
          a lift goal, the achieved rise over the target rise (a 12 % rise against a
          15 % lift is 80 %; a cost cut counts the same way with a negative lift).
          Goals on metrics the stream does not measure, or below the goal's
          `min_volume` of the metric's denominator (default 100), show "no data".
        - ROI = (revenue − spend) / spend, overall, per channel and per segment
          (events that carry `segment`; those without one show as (none)).
        - CPA = spend / conversions, against `benchmarks.cpa` (1.3 = 30 % over).
        - CAC = spend / distinct converting users: conversion events that carry
          `user`, each user counted once (the simulator's do; so does the
          history `ingest` stores). No users: CAC is no data.
        - Budget: channel spend summed into each channel's `budget_line`, against the
          line's amount; spend of channels in no line shows as (none).

        Examples:
          campaign-deck report --plan spring-2026.yaml events.jsonl
          campaign-deck simulate --days 14 | campaign-deck report --format markdown
          campaign-deck report --plan spring-2026.yaml --db spring-2026.deck.sqlite
        """
    )

    @OptionGroup var input: EventSourceOptions

    @Option(help: "Read the metric history stored by `ingest` in this database instead of a stream (give no files).")
    var db: String?

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: ReportFormat = .table

    @OptionGroup var spreadsheet: SpreadsheetOption

    func run() throws {
        let (plan, _) = try PlanInput.loadValid(input.plan)
        let context = KPIContext(plan: plan)
        let report: ResultsReport, clock: CampaignClock
        if let db {
            guard input.files.isEmpty else {
                throw CLIError("give either --db or event files, not both (--db)", hint: "`campaign-deck ingest --db \(db) FILE` stores a stream first")
            }
            let database = try StoreInput.open(db: db, plan: input.plan, .readOrChange)
            let loaded = try StoreInput.run { try StoredHistory.kpiStore(database: database, context: context) }
            report = ResultsReport(plan: plan, store: loaded.store, context: context, users: loaded.users, name: loaded.names.name)
            clock = loaded.store.clock
        } else {
            var store = KPIStore(timeZoneIdentifier: plan.campaign.timezone)
            var names = ScopeNames(context: context)
            var users = ConvertingUsers()
            let stats = try EventInput.read(try input.sources(alternative: "--db PATH for the stored history"), limits: input.bounds.limits) { records, symbols in
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
