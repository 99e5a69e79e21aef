import CampaignCore
@testable import DeckUI
import Testing

/// The KPI pane states its one window, marks only numbers a rule judged,
/// gives each row its own rules' thresholds, shows money with its currency
/// and the Wilson interval as bounds, and its per-segment view ends with the
/// same total as the per-channel view and `kpi --by total`. Every figure is
/// worked out by hand from KPIFixture's events (last hour: 10:00–10:20):
///
///     douyin  3,000 impr, 50 clicks, 4 conv, spend 100, revenue 600
///             (the day adds 08:00: spend 300, 2 conv, revenue 200)
///     search    500 impr, 40 clicks, 2 conv, spend 80, revenue 120
///     sms         0 impr, 10 clicks,          spend 20
///     weibo      20 impr,  0 clicks
@Suite struct KPIPaneWindowTests {
    static let wide = DeckRenderer.render(KPIFixture.state, columns: 200, rows: 60).lines()

    /// The KPI pane's row for `key`: what lies between the pane's borders,
    /// below its title (the Segments pane, above it, names segments too).
    static func line(_ lines: [String], startingWith key: String) -> String {
        guard let title = lines.firstIndex(where: { $0.contains(" 3 KPIs ") }) else { return "" }
        for line in lines[(title + 1)...] {
            // A pane's border, or the ▶ that marks the selected row on it.
            for border in ["│", "┃", "▶"] {
                guard let start = line.range(of: border + key + " ") else { continue }
                let rest = line[start.upperBound...]
                let end = rest.firstIndex { $0 == "│" || $0 == "┃" } ?? rest.endIndex
                return key + " " + rest[..<end]
            }
        }
        return ""
    }

    static func bySegment(columns: Int, rows: Int) -> [String] {
        var state = KPIFixture.state
        for key in [Key.character("3"), .character("s")] { _ = DeckUpdate.apply(.key(key), to: &state) }
        return DeckRenderer.render(state, columns: columns, rows: rows).lines()
    }

    @Test func theTitleNamesTheWindow() {
        #expect(Self.wide.contains { $0.contains("3 KPIs · per channel · last 60 min") })
        #expect(KPIPaneText.window(.rolling(seconds: 3_600)) == "last 60 min")
        #expect(KPIPaneText.window(.rolling(seconds: 21_600)) == "last 6 h")
        #expect(KPIPaneText.window(.campaignToDate) == "campaign to date")
    }

    /// douyin's CPA rule is judged over the day: 400 / 6 = 66.67 > 50 fires.
    /// The hour's CPA is 100 / 4 = 25, which breaches nothing, so the cell
    /// shows the day's 66.7 with its window, not 25.0 with a mark. Its CTR
    /// rule is over the hour like the pane: 50 / 3,000 = 1.67 %, whose whole
    /// interval is below 5 %, so that mark sits on the row's own value.
    @Test func aMarkSitsOnlyOnTheNumberItsRuleJudged() {
        let douyin = Self.line(Self.wide, startingWith: "douyin")
        #expect(douyin.contains("1.67%!"))
        #expect(douyin.contains("66.7 day!"))
        #expect(!douyin.contains("25.0"))
        #expect(douyin.contains("▲ FIRING"))
        // search: CTR 40 / 500 = 8 % (interval 5.93–10.71 %, not below 5 %), CPA 80 / 2 = 40: no mark.
        let search = Self.line(Self.wide, startingWith: "search")
        #expect(search.contains("8.00%") && search.contains("40.0") && !search.contains("!"))

        let row = KPIFixture.state.data.channelRows.first { $0.key == "douyin" }!
        let cpa = row.alerts.first { $0.metric == "cpa" }!
        #expect(cpa.window == .calendarDay && cpa.state == .firing)
        #expect(abs(cpa.value! - 400.0 / 6) < 1e-9)
        #expect(abs(row.values.cpa! - 25) < 1e-9)
    }

    /// Channels carry the CTR and CPA rules, the total only the DAU rule,
    /// segments none: each row lists its own, named by metric.
    @Test func thresholdsBelongToTheirMetric() {
        #expect(Self.line(Self.wide, startingWith: "douyin").contains("CTR <5%, CPA >50"))
        let total = Self.line(Self.wide, startingWith: "total")
        #expect(total.contains("DAU <20%"))
        #expect(!total.contains("<5%") && !total.contains("< 20%"))
        let vip = Self.line(Self.bySegment(columns: 200, rows: 60), startingWith: "VIP客户")
        #expect(vip.contains("✓ ok      –"))
        #expect(!vip.contains("<"))
    }

    /// A threshold written as an expression is shown as judged: 1.3 × the
    /// demo's CPA benchmark of 45 is 58.5.
    @Test func anExpressionThresholdIsShownAsItsValue() {
        let douyin = GoldenScreenTests.demoState.data.channelRows.first { $0.key == "douyin" }!
        // The baseline rule has no usual yet (one day of data): a dash, not a number.
        #expect(douyin.alerts.map(KPIPaneText.threshold) == ["CTR <1%", "CPA >58.5", "CTR usual –"])
    }

    /// Spend over the hour, in the plan's currency: douyin 100, total 100 + 80 + 20 = 200.
    @Test func spendSaysItsWindowAndCurrency() {
        #expect(Self.wide.contains { $0.contains("SPEND USD 1h") })
        #expect(Self.line(Self.wide, startingWith: "douyin").contains(" 100.00 "))
        #expect(Self.line(Self.wide, startingWith: "total").contains(" 200.00 "))
        let medium = DeckRenderer.render(KPIFixture.state, columns: 120, rows: 40).lines()
        #expect(medium.contains { $0.contains("USD 1h") })
    }

    /// Wilson 95 % bounds by the formula (z = 1.96): 50 / 3,000 → 1.27–2.19 %;
    /// 0 / 20 → 0–16.11 %, which a `±` around 0.00 % would have put below zero;
    /// the total 90 / 3,520 (sms has no impressions) → 2.08–3.13 %.
    @Test func theIntervalIsShownAsItsBounds() {
        #expect(Self.line(Self.wide, startingWith: "douyin").contains("1.27–2.19 %"))
        #expect(Self.line(Self.wide, startingWith: "weibo").contains("0.0–16.1 %"))
        #expect(Self.line(Self.wide, startingWith: "total").contains("2.08–3.13 %"))
        #expect(!Self.wide.contains { $0.contains("±") })
    }

    /// Segments by name, then the total: CTR 90 / 3,520 = 2.56 %, CVR 6 / 100
    /// = 6 % (clicks of every channel, sms's included), CPA 200 / 6 = 33.3,
    /// ROI (720 − 200) / 200 = 2.6. The same row as the channel view's and `kpi --by total`.
    @Test func theSegmentViewHasNamesAndTheSameTotal() throws {
        let lines = Self.bySegment(columns: 200, rows: 60)
        #expect(lines.contains { $0.contains("3 KPIs · per segment · last 60 min") })
        // vip over the hour: 2,000 impressions, 20 + 10 clicks, 4 conversions, spend 100 + 20.
        let vip = Self.line(lines, startingWith: "VIP客户")
        #expect(vip.contains("1.50%") && vip.contains("13.3%") && vip.contains("30.0") && vip.contains(" 120.00 "))
        #expect(Self.line(lines, startingWith: "Rising stars").contains("4.61%"))
        #expect(Self.line(lines, startingWith: "vip").isEmpty && Self.line(lines, startingWith: "rising").isEmpty)
        let total = Self.line(lines, startingWith: "total")
        // Word for word (the key column is as wide as the longest name, so spacing may differ).
        #expect(total.split(separator: " ") == Self.line(Self.wide, startingWith: "total").split(separator: " "))
        #expect(total.contains("2.56%") && total.contains("6.0%") && total.contains("33.3") && total.contains("2.6")
                && total.contains(" 200.00 "))

        let data = KPIFixture.state.data
        let segmentTotal = try #require(data.segmentKPIRows.last)
        let channelTotal = try #require(data.channelRows.last)
        #expect(data.segmentKPIRows.map(\.label) == ["Rising stars", "VIP客户", "total"])
        let fold = KPIFixture.fed()
        let report = KPIReport(store: fold.monitor.store, dimension: .total, window: .rolling(seconds: 3_600),
                               context: fold.monitor.context, rejected: 0, skipped: 0, name: fold.names.name)
        let cli = try #require(report.rows.first).values
        for metric in [Metric.ctr, .cvr, .cpa, .roi, .spend] {
            #expect(segmentTotal.values.value(of: metric) == channelTotal.values.value(of: metric))
            #expect(segmentTotal.values.value(of: metric) == cli.value(of: metric))
        }
        #expect(abs(segmentTotal.values.ctr! - 90.0 / 3_520) < 1e-12)
        #expect(abs(segmentTotal.values.cvr! - 0.06) < 1e-12)
    }

    /// A filter finds a segment by the name it shows as well as by its id.
    @Test func aSegmentIsFoundByItsName() {
        var state = KPIFixture.state
        state.kpiGrouping = .segment
        #expect(KPIPane.visibleRows(state, filter: RowFilter("VIP")).map { state.kpiRows[$0].key } == ["vip"])
        #expect(KPIPane.visibleRows(state, filter: RowFilter("rising")).map { state.kpiRows[$0].key } == ["rising"])
    }

    /// At the narrowest the window tag is kept with the mark, and a value
    /// too long for the cell loses its decimals before it loses the mark.
    @Test func aMarkIsNeverCutOff() {
        let narrow = DeckRenderer.render(KPIFixture.state, columns: 80, rows: 24).lines()
        #expect(Self.line(narrow, startingWith: "douyin").contains("66.7 day!"))
        var row = KPIFixture.state.data.channelRows.first { $0.key == "douyin" }!
        row.alerts = row.alerts.map { var cell = $0; cell.value = cell.metric == "cpa" ? 1_234.4 : cell.value; return cell }
        #expect(KPICell.text(.cpa, row: row, window: .rolling(seconds: 3_600), width: 9) == "1234 day!")
        #expect(KPICell.text(.cpa, row: row, window: .rolling(seconds: 3_600), width: 6) == "1234!")
    }
}
