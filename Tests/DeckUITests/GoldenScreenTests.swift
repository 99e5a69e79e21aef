import CampaignCore
@testable import DeckUI
import Foundation
import Testing

/// The states the golden screens start from (GoldenScenario names them) and
/// what holds at any size: too small says so, data never drives the terminal.
@Suite struct GoldenScreenTests {
    /// The demo after two simulated days, every number deterministic.
    static let demoState: DeckState = state(plan: PlanLoader.load(yaml: DemoCampaign.planText()).plan!, days: 2)

    static let cjkState: DeckState = state(plan: PlanLoader.load(yaml: cjkPlan).plan!, days: 1)

    static func state(plan: Plan, days: Int) -> DeckState {
        var fold = MonitorFold(plan: plan)
        var reader = EventStreamReader()
        var bytes: [UInt8] = []
        CampaignSimulator(plan: plan, days: days).write { chunk in bytes.append(contentsOf: chunk) }
        try! reader.read(bytes: bytes, sourceName: "simulator") { records, symbols in _ = fold.fold(records, symbols: symbols) }
        let (monitor, names) = (fold.monitor, fold.names)
        var state = DeckState(plan: plan, schedule: try? Schedule(computing: PlanScheduling.input(for: plan)), speed: 600)
        state.data = SnapshotBuilder(plan: plan).snapshot(
            monitor: monitor, names: names, customers: ["vip": 15_904, "lapsed": 13_661, "rising": 9_847],
            anomalies: [.init(id: 1, openedAt: "04-09 11:02", title: "CTR below 1%", scope: "douyin", severity: "warning",
                              status: .open, owner: "推广组", recovered: true, detail: [])])
        state.stream = .finished
        return state
    }

    static let cjkPlan = """
    campaign: { id: cjk, name: 双十一全渠道会员日・超长活动名称测试, timezone: Asia/Shanghai, start: 2026-03-02, budget: 500000 }
    channels:
      - { id: douyin, name: 抖音信息流广告投放, kind: paid, budget: 200000 }
      - { id: search, name: 搜索引擎竞价广告, kind: paid, budget: 100000 }
    segments:
      - { id: vip, name: 高价值老客（一二线城市）, rule: frequency >= 3, budget_share: 0.6 }
      - { id: fresh, name: 新客👋首单用户群体, rule: frequency == 1, budget_share: 0.4 }
    phases:
      - { id: prep, name: 筹备阶段（素材与渠道）, weeks: 1-2 }
      - { id: run, name: 执行阶段, weeks: 3-6 }
    tasks:
      - { id: a, name: 全渠道素材制作与审核流程, phase: prep, owner: 设计组与法务合规组, start: 2026-03-02, days: 6 }
      - { id: b, name: 投放, phase: run, owner: 推广组, after: [a], days: 20, progress: 0.5 }
      - { id: c, name: 会员日直播, phase: run, owner: 直播运营, after: [b], milestone: true }

    """

    @Test func belowTheMinimumSizeItSaysSo() {
        let text = DeckRenderer.render(Self.demoState, columns: 60, rows: 20).lines().joined(separator: "\n")
        #expect(text.contains("terminal too small"))
        #expect(text.contains("need 80×24, have 60×20"))
    }

    @Test func controlCharactersFromDataAreShownNotObeyed() {
        var state = Self.demoState
        state.data.segments[0].name = "\u{1B}]0;owned\u{07}"
        let grid = DeckRenderer.render(state, columns: 120, rows: 40)
        let text = grid.lines().joined(separator: "\n")
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        #expect(text.contains("\\u{1B}]0;owned\\u{07}"))
    }
}
