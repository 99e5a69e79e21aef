import CampaignCore
import Testing

/// A monitor made for one report (`kpi`) keeps running sums only for the
/// windows its rules and the report read; every other window is summed from
/// the minute ring. The monitor that keeps all five running sums is the
/// second implementation: transitions and every report must be the same.
@Suite struct MonitorReportWindowTests {
    static let plan = PlanLoader.load(yaml: DemoCampaign.planText()).plan!

    @Test func aReportMonitorJudgesAndReportsAsTheFullOne() throws {
        // Eight days (the hour-of-day rule needs seven for a usual value),
        // ending on the demo's fatigue day, where the CTR rules fire.
        let bytes = Array(CampaignSimulator(plan: Self.plan, from: Day(iso: "2026-04-02")!, days: 8).text().utf8)
        var full = MonitorFold(plan: Self.plan)
        var lean = MonitorFold(plan: Self.plan, reportWindow: .campaignToDate)
        var fullChanges: [AlertTransition] = [], leanChanges: [AlertTransition] = []
        var reader = EventStreamReader()
        try reader.read(bytes: bytes, sourceName: "simulator") { records, symbols in
            fullChanges += full.fold(records, symbols: symbols)
            leanChanges += lean.fold(records, symbols: symbols)
        }
        #expect(full.monitor.store.rollingWindows == [5, 15, 60, 360, 1_440])
        #expect(lean.monitor.store.rollingWindows == [60]) // the demo's rules read 1h (and day)
        #expect(fullChanges.contains { $0.rule == "CTR far below usual" && $0.to == .firing })
        #expect(leanChanges == fullChanges)

        let windows = MetricWindow.names.compactMap(MetricWindow.init(name:))
        #expect(windows.count == 7)
        for dimension in KPIDimension.allCases {
            for window in windows {
                #expect(report(full, dimension, window) == report(lean, dimension, window), "\(dimension) \(window)")
            }
        }
        #expect(full.closeCurrentMinute() == lean.closeCurrentMinute())
    }

    @Test func aRollingReportWindowGetsItsRunningSum() {
        let monitor = CampaignMonitor(plan: Self.plan, reportWindow: .rolling(seconds: 21_600))
        #expect(monitor.store.rollingWindows == [60, 360])
        let plain = CampaignMonitor(plan: Self.plan, reportWindow: .calendarDay)
        #expect(plain.store.rollingWindows == [60])
    }

    private func report(_ fold: MonitorFold, _ dimension: KPIDimension, _ window: MetricWindow) -> String {
        let store = fold.monitor.store
        var report = KPIReport(store: store, dimension: dimension, window: window, context: fold.monitor.context,
                               rejected: 0, skipped: 0, name: fold.names.name)
        report.addUsual(engine: fold.monitor.engine, store: store, name: fold.names.name)
        return report.json(clock: store.clock).serialized()
    }
}
