@testable import CampaignCore
import Testing

/// Editing an alert's threshold in the dashboard swaps the engine's rules
/// mid-stream: states of rules that are still there are kept.
@Suite struct AlertRuleReplacementTests {
    let name: (KPIDimension, Int32) -> String = { _, id in id >= 0 ? "douyin" : "total" }
    let leaf = LeafKey(channel: 0, segment: -1, campaign: -1)

    func minute(_ m: Int64, impressions: Int64, clicks: Int64, _ monitor: inout CampaignMonitor) -> [AlertTransition] {
        var changes = monitor.add(timestamp: AlertEngineTests.at(m), type: .impression, leaf: leaf, user: 1, count: impressions,
                                  amount: .zero, name: name)
        changes += monitor.add(timestamp: AlertEngineTests.at(m, second: 40), type: .click, leaf: leaf, user: 2, count: clicks,
                               amount: .zero, name: name)
        return changes
    }

    @Test func aFiringRuleStaysFiringAndTheNewThresholdJudgesTheNextMinute() {
        let rule = "{ name: CTR low, metric: ctr, per: channel, below: 0.01, window: 5m, min_volume: 100, confidence: none }"
        var monitor = CampaignMonitor(plan: AlertEngineTests.plan(rule))
        // Minute 0: CTR 5/1000 = 0.005 < 0.01: fires (no `for`) when minute 0 closes.
        _ = minute(0, impressions: 1000, clicks: 5, &monitor)
        let fired = minute(1, impressions: 0, clicks: 0, &monitor)
        #expect(fired.map(\.to) == [.pending, .firing])
        #expect(monitor.engine.state(rule: "CTR low", scopeID: 0) == .firing)

        // Threshold lowered to 0.004: still firing right after the swap (state kept) …
        monitor.replaceAlertRules(from: AlertEngineTests.plan(rule.replacingOccurrences(of: "below: 0.01", with: "below: 0.004")))
        #expect(monitor.engine.state(rule: "CTR low", scopeID: 0) == .firing)
        // … and when minute 1 closes, CTR over 5 minutes is still 0.005, now above 0.004: recovers.
        let recovered = minute(2, impressions: 0, clicks: 0, &monitor)
        #expect(recovered.map(\.to) == [.ok])
        #expect(recovered.first?.threshold == 0.004)
    }

    @Test func aRenamedRuleStartsAfresh() {
        let rule = "{ name: CTR low, metric: ctr, per: channel, below: 0.01, window: 5m, min_volume: 100, confidence: none }"
        var monitor = CampaignMonitor(plan: AlertEngineTests.plan(rule))
        _ = minute(0, impressions: 1000, clicks: 5, &monitor)
        _ = minute(1, impressions: 0, clicks: 0, &monitor)
        monitor.replaceAlertRules(from: AlertEngineTests.plan(rule.replacingOccurrences(of: "CTR low", with: "CTR weak")))
        #expect(monitor.engine.state(rule: "CTR weak", scopeID: 0) == nil)
    }
}
