import CampaignCore
@testable import DeckUI

/// A small campaign whose KPI pane figures are worked out by hand in
/// KPIPaneWindowTests. Every event but two falls in the last hour
/// (10:00–10:20); douyin's first spend and conversions (08:00) fall earlier
/// the same day, so its CPA over the day (400 / 6) is not its CPA over the
/// hour (100 / 4). Money is in USD, to see the plan's currency and not a default.
enum KPIFixture {
    static let planText = """
    campaign: { id: fx, name: Fixture, currency: USD, timezone: UTC, start: 2026-03-02, budget: 10000 }
    channels:
      - { id: douyin, name: Douyin, kind: paid }
      - { id: search, name: Search, kind: paid }
      - { id: sms, name: SMS, kind: paid }
      - { id: weibo, name: Weibo, kind: paid }
    segments:
      - { id: vip, name: VIP客户, rule: frequency >= 3 }
      - { id: rising, name: Rising stars, rule: frequency == 1 }
    phases:
      - { id: run, name: Run, weeks: 1-4 }
    alerts:
      - { name: CTR low, metric: ctr, per: channel, below: 0.05, window: 1h, min_volume: 100, severity: warning }
      - { name: CPA high, metric: cpa, per: channel, above: 50, window: day, min_volume: 1, severity: critical }
      - { name: DAU low, metric: community_dau_ratio, per: total, below: 0.2, window: day, severity: warning }

    """

    static let events = """
    {"ts":"2026-03-03T08:00:00Z","type":"spend","channel":"douyin","segment":"vip","amount":300}
    {"ts":"2026-03-03T08:00:00Z","type":"conversion","channel":"douyin","segment":"vip","count":2,"amount":200}
    {"ts":"2026-03-03T10:00:00Z","type":"impression","channel":"douyin","segment":"vip","count":2000}
    {"ts":"2026-03-03T10:00:00Z","type":"click","channel":"douyin","segment":"vip","count":20}
    {"ts":"2026-03-03T10:05:00Z","type":"impression","channel":"douyin","segment":"rising","count":1000}
    {"ts":"2026-03-03T10:05:00Z","type":"click","channel":"douyin","segment":"rising","count":30}
    {"ts":"2026-03-03T10:10:00Z","type":"spend","channel":"douyin","segment":"vip","amount":100}
    {"ts":"2026-03-03T10:10:00Z","type":"conversion","channel":"douyin","segment":"vip","count":4,"amount":600}
    {"ts":"2026-03-03T10:15:00Z","type":"impression","channel":"search","segment":"rising","count":500}
    {"ts":"2026-03-03T10:15:00Z","type":"click","channel":"search","segment":"rising","count":40}
    {"ts":"2026-03-03T10:15:00Z","type":"spend","channel":"search","segment":"rising","amount":80}
    {"ts":"2026-03-03T10:15:00Z","type":"conversion","channel":"search","segment":"rising","count":2,"amount":120}
    {"ts":"2026-03-03T10:18:00Z","type":"impression","channel":"weibo","segment":"rising","count":20}
    {"ts":"2026-03-03T10:20:00Z","type":"click","channel":"sms","segment":"vip","count":10}
    {"ts":"2026-03-03T10:20:00Z","type":"spend","channel":"sms","segment":"vip","amount":20}

    """

    static let plan = PlanLoader.load(yaml: planText).plan!

    /// The stream folded as the dashboard folds it, its last minute closed (the stream has ended).
    static func fed(_ plan: Plan = plan) -> MonitorFold {
        var fold = MonitorFold(plan: plan)
        var reader = EventStreamReader()
        try! reader.read(bytes: Array(events.utf8), sourceName: "fixture") { records, symbols in
            _ = fold.fold(records, symbols: symbols)
        }
        _ = fold.closeCurrentMinute()
        return fold
    }

    static let state = state(for: plan)

    /// The fixture's events under another plan (other rules, say).
    static func state(for plan: Plan) -> DeckState {
        let fold = fed(plan)
        var state = DeckState(plan: plan, schedule: try? Schedule(computing: PlanScheduling.input(for: plan)), speed: 600)
        state.data = SnapshotBuilder(plan: plan).snapshot(monitor: fold.monitor, names: fold.names)
        state.stream = .finished
        return state
    }
}
