import CampaignCore
@testable import DeckUI
import Testing

/// On a wide screen the thresholds column grows to its longest rule list
/// while the sparkline keeps room for all 24 hourly points; on a narrower
/// one it stays at its own width and the rules are cut, not the table.
@Suite struct KPIPaneThresholdWidthTests {
    /// KPIFixture's plan with two more channel rules, so a channel's list
    /// ("CTR <5%, CPA >50, CVR <1%, ROI <2", 33 columns) is longer than the
    /// column's 18.
    static let state: DeckState = {
        let text = KPIFixture.planText.replacingOccurrences(of: "  - { name: DAU low", with: """
              - { name: CVR low, metric: cvr, per: channel, below: 0.01, window: 1h, severity: warning }
              - { name: ROI low, metric: roi, per: channel, below: 2, window: 1h, severity: warning }
              - { name: DAU low
            """)
        let loaded = PlanLoader.load(yaml: text)
        precondition(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        return KPIFixture.state(for: loaded.plan!)
    }()

    /// The screen with the KPI pane focused (`3`) and zoomed (`z`).
    static func zoomedKPIs(columns: Int, rows: Int) -> [String] {
        var state = Self.state
        for key in [Key.character("3"), .character("z")] { _ = DeckUpdate.apply(.key(key), to: &state) }
        return DeckRenderer.render(state, columns: columns, rows: rows).lines()
    }

    /// search (CTR 8 %, CVR 2 / 40 = 5 %, ROI (120 − 80) / 80 = 0.5 below 2:
    /// breached) lists the breached ROI rule first, then the others in order.
    @Test func aWideScreenShowsTheWholeRuleList() {
        let lines = Self.zoomedKPIs(columns: 200, rows: 60)
        let search = KPIPaneWindowTests.line(lines, startingWith: "search")
        #expect(search.contains("ROI <2, CTR <5%, CPA >50, CVR <1%"), "\(search)")
        #expect(!search.contains("…"))
        let douyin = KPIPaneWindowTests.line(lines, startingWith: "douyin")
        #expect(douyin.contains("CTR <5%, CPA >50, CVR <1%, ROI <2"), "\(douyin)")
    }

    @Test func aNarrowerTableCutsTheRulesNotTheColumns() {
        let lines = Self.zoomedKPIs(columns: 110, rows: 30)
        let search = KPIPaneWindowTests.line(lines, startingWith: "search")
        // 108 inner columns: the table takes 100 and the 24 points want 25: the rules keep 18.
        #expect(search.contains("ROI <2, CTR <5%, …"), "\(search)")
    }
}
