@testable import CampaignCore
import CampaignText
@testable import DeckUI
import Foundation
import Testing

/// The targets view (`T` in the KPI pane): the plan's campaign targets with
/// the numbers `report` prints, at 80×24 and wider, in English and Chinese.
///
/// The stream (UTC, campaign 03-02…03-11, budget 1000): douyin shows 1000,
/// 1000, 400 and 200 impressions and 25, 25, 10, 5 clicks on 03-02…03-05,
/// and spends 50, 60, 90 and 40 + 100; the last event is at 03-05 11:59.
@Suite struct TargetsViewTests {
    static let planText = """
    campaign: { id: f, name: F, timezone: UTC, start: 2026-03-02, budget: 1000, benchmarks: { cpa: 45 } }
    channels:
      - { id: douyin, name: D, kind: paid, budget: 600 }
    phases:
      - { id: run, name: Run, weeks: 1-2 }
    tasks:
      - { id: a, name: A, phase: run, days: 10 }
    targets:
      - { metric: impressions, target: 5000, by: 2026-03-09 }
      - { metric: ctr, target: 0.03 }
      - { metric: spend, at_most: benchmark.cpa }

    """

    static var events: String {
        var lines: [String] = []
        for (day, impressions, clicks, spends) in [(2, 1000, 25, [50]), (3, 1000, 25, [60]), (4, 400, 10, [90]),
                                                   (5, 200, 5, [40, 100])] {
            let date = "2026-03-0\(day)"
            lines.append("{\"ts\":\"\(date)T09:00:00Z\",\"type\":\"impression\",\"channel\":\"douyin\",\"count\":\(impressions)}")
            lines.append("{\"ts\":\"\(date)T09:30:00Z\",\"type\":\"click\",\"channel\":\"douyin\",\"count\":\(clicks)}")
            for (index, amount) in spends.enumerated() {
                lines.append("{\"ts\":\"\(date)T1\(index):00:00Z\",\"type\":\"spend\",\"channel\":\"douyin\",\"amount\":\(amount)}")
            }
            lines.append("{\"ts\":\"\(date)T11:59:00Z\",\"type\":\"click\",\"channel\":\"douyin\",\"count\":0}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Folded as the dashboard folds it, its last minute closed (the stream has ended).
    static func state() throws -> (DeckState, MonitorFold) {
        let plan = try #require(PlanLoader.load(yaml: planText).plan)
        var fold = MonitorFold(plan: plan)
        var reader = EventStreamReader()
        try reader.read(bytes: Array(events.utf8), sourceName: "fixture") { records, symbols in
            _ = fold.fold(records, symbols: symbols)
        }
        _ = fold.closeCurrentMinute()
        var state = DeckState(plan: plan, schedule: try? Schedule(computing: PlanScheduling.input(for: plan)), speed: 600)
        state.data = SnapshotBuilder(plan: plan).snapshot(monitor: fold.monitor, names: fold.names)
        state.stream = .finished
        return (state, fold)
    }

    static func opened() throws -> (DeckState, MonitorFold) {
        var (state, fold) = try state()
        for key in [Key.character("3"), .character("T")] { _ = DeckUpdate.apply(.key(key), to: &state) }
        return (state, fold)
    }

    static func words(_ line: String) -> [String] {
        line.split(separator: " ").map(String.init).filter { !["│", "┃"].contains($0) }
    }

    @Test func tOpensTheTargetsFromTheKPIPaneAndEscClosesThem() throws {
        var (state, _) = try Self.opened()
        #expect(state.overlay == .targets)
        _ = DeckUpdate.apply(.key(.escape), to: &state)
        #expect(state.overlay == nil)
        // One binding, with a stable id, in the footer of the KPI pane and in the help.
        #expect(state.keys.label("show_targets") == "T")
        let footer = Language.$override.withValue(.english) { state.keys.hints(for: Pane.kpis) }
        #expect(footer.contains { $0.keys == "T" && $0.hint == "targets" })
    }

    @Test func theViewShowsTheNumbersWorkedByHand() throws {
        let (state, fold) = try Self.opened()
        let lines = Language.$override.withValue(.english) { DeckRenderer.render(state, columns: 80, rows: 24).lines() }
        func row(_ metric: String) -> [String] {
            let line = lines.first { $0.contains("│ \(metric) ") } ?? ""
            let words = Self.words(line)
            return Array(words.drop { $0 != metric })
        }
        // impressions 2600 of 5000: 52 %; 800 a day (03-02…03-04) for the 4.5 days from 03-05 12:00
        // to the end of 03-09: 2600 + 3600 = 6200, on track.
        #expect(row("impressions") == ["impressions", "2600", "5000", "52%", "6200", "2026-03-09", "on", "track"])
        // ctr 65 / 2600 = 2.50 % of 3 %: 83.3 %, no `by`, judged now: at risk.
        #expect(row("ctr") == ["ctr", "2.50%", "3%", "83.3%", "2.50%", "-", "at", "risk"])
        // spend 340 against at most 45 (the cpa benchmark): 45 / 340 = 13.2 %; no `by`: at risk.
        // At 80 columns the benchmark's name gives way to the status.
        #expect(row("spend") == ["spend", "340.00", "≤", "45.00", "13.2%", "340.00", "-", "at", "risk"])
        // The same actuals as `report` and `kpi --by total` over the same store.
        let store = fold.monitor.store
        let report = ResultsReport(plan: state.plan, store: store, context: fold.monitor.context, users: nil,
                                   name: fold.names.name)
        let kpi = KPIReport(store: store, dimension: .total, window: .campaignToDate, context: fold.monitor.context,
                            rejected: 0, skipped: 0, name: fold.names.name)
        let total = try #require(kpi.rows.first?.values)
        #expect(state.data.targets.map(\.actual) == report.targets.map(\.actual))
        #expect(state.data.targets.map(\.forecast) == report.targets.map(\.forecast))
        #expect(state.data.targets.map(\.actual) == [total.value(of: .impressions), total.ctr, total.value(of: .spend)])
    }

    @Test func wideScreensNameTheBenchmark() throws {
        let (state, _) = try Self.opened()
        for (columns, rows) in [(120, 40), (200, 60)] {
            let lines = Language.$override.withValue(.english) { DeckRenderer.render(state, columns: columns, rows: rows).lines() }
            #expect(lines.contains { $0.contains("≤ 45.00 (benchmark.cpa)") && $0.contains("at risk") })
        }
    }

    @Test func theViewReadsInChinese() throws {
        let (state, _) = try Self.opened()
        let lines = Language.$override.withValue(.chinese) { DeckRenderer.render(state, columns: 80, rows: 24).lines() }
        #expect(lines.contains { $0.contains("活动目标") })
        let line = lines.first { $0.contains("曝光量") } ?? ""
        #expect(Self.words(line).drop { $0 != "曝光量" }.elementsEqual(["曝光量", "2600", "5000", "52%", "6200", "2026-03-09", "进度正常"]))
        let box = lines.filter { $0.contains("│") }.joined(separator: "\n")
        // Typed things aside ('by', dates, metric abbreviations), nothing in English.
        let words = EnglishWords.find(in: box.replacing(/'[^']*'/, with: "''")).filter { !["F", "A", "Run", "D", "douyin"].contains($0) }
        #expect(words.isEmpty, "\(words)")
    }

    /// With a budget of 600 the day's share is 600 / 10 = 60; 03-05 spent 140, over 120.
    @Test func theHeaderWarnsOfADayPastTwiceItsShare() throws {
        var (state, _) = try Self.state()
        let header = { Language.$override.withValue($0) { DeckRenderer.render(state, columns: 120, rows: 40).lines()[0] } }
        #expect(!header(.english).contains("day spend"))
        state.data.overspentDay = (140, 60)
        #expect(header(.english).contains("day spend 140 > 2× daily budget 60 !"))
        #expect(header(.chinese).contains("当日花费 140 超过日均预算 60 的 2 倍 !"))
        let over = try #require(PlanLoader.load(yaml: Self.planText.replacingOccurrences(of: "budget: 1000,", with: "budget: 600,")).plan)
        let (_, fold) = try Self.state()
        let snapshot = SnapshotBuilder(plan: over).snapshot(monitor: fold.monitor, names: fold.names)
        #expect(snapshot.overspentDay?.spent == 140 && snapshot.overspentDay?.reference == 60)
    }

    @Test func aPlanWithoutTargetsSaysSo() throws {
        var (state, _) = try Self.state()
        state.data.targets = []
        state.overlay = .targets
        let lines = Language.$override.withValue(.english) { DeckRenderer.render(state, columns: 80, rows: 24).lines() }
        #expect(lines.contains { $0.contains("The plan sets no campaign targets ('targets' in the plan file).") })
    }
}
