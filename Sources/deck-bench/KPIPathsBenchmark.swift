import CampaignCore
import Foundation

/// `deck-bench kpi-paths FILE [channel|segment|campaign|total]`: where
/// `campaign-deck kpi --by DIMENSION FILE` (demo plan, campaign-to-date) spends
/// its time, each path timed apart (ingest_benchmark.py prints these beside
/// the whole command's time and DuckDB's):
/// - reader path: bytes to records, as `kpi` reads a file (on all cores), and
///   on one thread for the per-core rate; the consumer only counts;
/// - judging path: the same records, held in memory, folded as `kpi` folds
///   them (the alert monitor recording the baseline rules' values when the
///   plan has baseline rules over the dimension, else the KPI store), on one thread;
/// - the report built from the folded store.
func kpiPathsBenchmark(_ arguments: [String]) {
    guard let path = arguments.first else {
        print("usage: deck-bench kpi-paths EVENTS.jsonl [channel|segment|campaign|total]")
        exit(2)
    }
    let dimension = arguments.dropFirst().first.flatMap(KPIDimension.init(rawValue:)) ?? .channel
    let plan = PlanLoader.load(yaml: DemoCampaign.planText()).plan!
    let context = KPIContext(plan: plan)
    do {
        var start = now()
        var events = 0
        let stats = try EventFiles.read([path], limits: .standard) { records, _ in events += records.count }
        let parallelSeconds = (now() - start) / 1_000_000

        start = now()
        var serial = EventStreamReader()
        try serial.read(path: path) { records, _ in events -= records.count }
        let serialSeconds = (now() - start) / 1_000_000
        precondition(events == 0, "the serial and parallel readers must hand over the same records")

        var batches: [(records: [EventRecord], symbols: EventSymbols)] = []
        _ = try EventFiles.read([path], limits: .standard) { records, symbols in batches.append((records, symbols)) }

        start = now()
        let store: KPIStore, names: ScopeNames
        if AlertEngine(plan: plan).hasBaselineRules(dimension) {
            var fold = MonitorFold(plan: plan, reportWindow: .campaignToDate, recordingUsualOf: dimension)
            for batch in batches { _ = fold.fold(batch.records, symbols: batch.symbols) }
            (store, names) = (fold.monitor.store, fold.names)
        } else {
            var kpiStore = KPIStore(timeZoneIdentifier: plan.campaign.timezone, rollingWindows: [])
            var scopeNames = ScopeNames(context: context)
            for batch in batches {
                scopeNames.update(batch.symbols)
                for record in batch.records {
                    kpiStore.add(timestamp: record.timestamp, type: record.type, leaf: scopeNames.leaf(of: record),
                                 user: record.user, count: record.count, amount: record.amount)
                }
            }
            (store, names) = (kpiStore, scopeNames)
        }
        let foldSeconds = (now() - start) / 1_000_000

        start = now()
        let report = KPIReport(store: store, dimension: dimension, window: .campaignToDate, context: context,
                               rejected: stats.rejected, skipped: stats.skipped, name: names.name)
        _ = report.json(clock: store.clock).serialized()
        let reportSeconds = (now() - start) / 1_000_000

        let cores = ProcessInfo.processInfo.activeProcessorCount
        let judged = AlertEngine(plan: plan).hasBaselineRules(dimension) ? "alert monitor" : "KPI store"
        print(String(format: "reader path (%d cores): %.3f s, %d lines, %d events", cores, parallelSeconds,
                     stats.linesRead, stats.eventsAccepted))
        print(String(format: "reader path (1 thread): %.3f s", serialSeconds))
        print(String(format: "judging path (%@ by %@, 1 thread): %.3f s", judged, dimension.rawValue, foldSeconds))
        print(String(format: "report: %.3f s", reportSeconds))
    } catch {
        print("deck-bench: \(error)")
        exit(1)
    }
}
