import CampaignCore
@testable import DeckUI
import Testing

/// Which pane, row or column head a cell belongs to, worked out by hand from
/// `DeckLayout`'s rules for the demo plan without data (3 segments; 19 tasks
/// in 4 phases, so 23 Gantt lines; no KPI rows; anomalies as given):
///
/// Wanted heights: Segments 3 + 3 = 6, Gantt 4 + 23 = 27, KPIs 3 + 1 = 4,
/// anomalies 3 + max(1, rows). The body is rows 1 … rows-2.
@Suite struct MouseHitTests {
    static func state(columns: Int, rows: Int, anomalies: Int = 0) -> DeckState {
        var state = KeyTyping.editableDemo()
        state.data.anomalies = (0..<anomalies).map { number in
            .init(id: Int64(anomalies - number), openedAt: "04-0\(number + 1) 10:00", title: "rule \(number)", scope: "douyin",
                  severity: "warning", status: .open, owner: nil, recovered: false, detail: [])
        }
        state.screen = DeckState.ScreenSize(columns: columns, rows: rows)
        return state
    }

    static func at(_ column: Int, _ row: Int, _ state: DeckState) -> MouseTarget {
        MouseTarget.at(column: column, row: row, in: state)
    }

    static func task(_ name: String, _ state: DeckState) -> Int { state.plan.tasks.firstIndex { $0.name == name }! }

    @Test func thePremisesOfTheHandWork() {
        let state = Self.state(columns: 80, rows: 24)
        #expect(state.plan.segments.count == 3 && state.plan.tasks.count == 19 && state.plan.phases.count == 4)
        #expect(state.plan.tasks[0].name == "项目启动会", "the selected task (index 0) is the first line under the first phase")
    }

    /// 80×24: body rows 1–22 (22), two columns of 40. Segments get their 6
    /// (6 ≤ half), the Gantt rows 7–22; KPIs and anomalies (4 + 4 ≤ 22) 4 and
    /// rows 5–22.
    @Test func at80x24() {
        let state = Self.state(columns: 80, rows: 24)
        #expect(Self.at(5, 0, state) == .nothing, "the header")
        #expect(Self.at(5, 23, state) == .nothing, "the status bar")
        #expect(Self.at(0, 1, state) == .pane(.segments), "the border")
        #expect(Self.at(5, 3, state) == .row(.segments, 0))
        #expect(Self.at(5, 5, state) == .row(.segments, 2))
        #expect(Self.at(39, 4, state) == .pane(.segments), "the right border")
        // Gantt: inner rows 8–21 (14); 12 chart lines under the axis, from line 0
        // (the selected task is line 1); the footer on row 21.
        #expect(Self.at(5, 8, state) == .pane(.gantt), "the axis")
        #expect(Self.at(5, 9, state) == .pane(.gantt), "the first phase heading")
        #expect(Self.at(5, 10, state) == .row(.gantt, Self.task("项目启动会", state)))
        #expect(Self.at(5, 16, state) == .row(.gantt, Self.task("会员系统配置", state)))
        #expect(Self.at(5, 17, state) == .pane(.gantt), "the second phase heading")
        #expect(Self.at(5, 19, state) == .row(.gantt, Self.task("会员预热与裂变", state)))
        #expect(Self.at(5, 20, state) == .pane(.gantt), "line 11, the third phase heading")
        #expect(Self.at(5, 21, state) == .pane(.gantt), "the footer")
        #expect(Self.at(45, 3, state) == .pane(.kpis), "waiting for events is no row")
        #expect(Self.at(45, 10, state) == .pane(.anomalies))
    }

    /// The heads at 80×24. Segments' inner width 38 is narrow: SEGMENT gets
    /// 38 − (5+5+14) − 3 = 11 (inner 0–10), SIZE 12–16, SHARE 18–22, GOAL 24–37;
    /// screen columns are one more. KPIs' narrow table: KEY 0–9, CTR 11–17,
    /// CPA 19–27, STATE 29–37 from column 41. The empty log: # (1), WHAT (15),
    /// STATUS (13, `acknowledged↺`), OWNER (6) — the only layout whose WHAT gets 12.
    @Test func columnHeadsAt80x24() {
        let state = Self.state(columns: 80, rows: 24)
        #expect(Self.at(1, 2, state) == .head(.segments, sortColumn: 0))
        #expect(Self.at(11, 2, state) == .head(.segments, sortColumn: 0))
        #expect(Self.at(12, 2, state) == .pane(.segments), "the space between SEGMENT and SIZE")
        #expect(Self.at(13, 2, state) == .head(.segments, sortColumn: 1))
        #expect(Self.at(19, 2, state) == .head(.segments, sortColumn: 2))
        #expect(Self.at(38, 2, state) == .head(.segments, sortColumn: 4), "GOAL")
        #expect(Self.at(41, 2, state) == .head(.kpis, sortColumn: 0))
        #expect(Self.at(52, 2, state) == .head(.kpis, sortColumn: 1), "CTR")
        #expect(Self.at(60, 2, state) == .head(.kpis, sortColumn: 3), "CPA")
        #expect(Self.at(70, 2, state) == .head(.kpis, sortColumn: 6), "STATE")
        #expect(Self.at(41, 6, state) == .head(.anomalies, sortColumn: 0), "#")
        #expect(Self.at(42, 6, state) == .pane(.anomalies))
        #expect(Self.at(43, 6, state) == .head(.anomalies, sortColumn: 2), "WHAT")
        #expect(Self.at(60, 6, state) == .head(.anomalies, sortColumn: 4), "STATUS")
        #expect(Self.at(78, 6, state) == .head(.anomalies, sortColumn: 5), "OWNER")
    }

    /// 120×40 with four anomalies: body rows 1–38, columns of 60. Segments 6
    /// (rows 1–6), the Gantt rows 7–38; KPIs 4 (4 + 7 ≤ 38), the log rows 5–38.
    @Test func at120x40() {
        let state = Self.state(columns: 120, rows: 40, anomalies: 4)
        #expect(Self.at(70, 6, state) != .row(.anomalies, 0), "the log's head")
        #expect(Self.at(70, 7, state) == .row(.anomalies, 0))
        #expect(Self.at(70, 10, state) == .row(.anomalies, 3))
        #expect(Self.at(70, 11, state) == .pane(.anomalies))
        // All 23 Gantt lines fit (inner rows 8–37): line n on row 9 + n.
        #expect(Self.at(10, 9, state) == .pane(.gantt))
        #expect(Self.at(10, 10, state) == .row(.gantt, Self.task("项目启动会", state)))
        #expect(Self.at(10, 31, state) == .row(.gantt, Self.task("项目结项", state)))
        #expect(Self.at(10, 32, state) == .pane(.gantt))
        #expect(Self.at(59, 4, state) == .pane(.segments) && Self.at(60, 4, state) == .pane(.kpis))
    }

    /// 200×60: the wide layout. Top strip split(58, max(6, 27), max(4, 7)) = 27
    /// rows (1–27): Segments 60 wide (3/10 of 200), the Gantt columns 60–199;
    /// bottom rows 28–58: KPIs 110 wide (11/20), the log columns 110–199.
    @Test func at200x60() {
        let state = Self.state(columns: 200, rows: 60, anomalies: 4)
        #expect(Self.at(5, 3, state) == .row(.segments, 0))
        #expect(Self.at(5, 6, state) == .pane(.segments))
        // Segments' inner width 58 is medium: SEGMENT 25, SIZE 26–30, SHARE 32–36, BUDG 38–42, GOAL 44–57.
        #expect(Self.at(27, 2, state) == .head(.segments, sortColumn: 1))
        #expect(Self.at(39, 2, state) == .head(.segments, sortColumn: 3), "BUDG is BUDGET's narrow head")
        // Gantt inner rows 2–26: the axis on 2, line n on 3 + n, the footer on 26.
        #expect(Self.at(66, 2, state) == .pane(.gantt))
        #expect(Self.at(66, 4, state) == .row(.gantt, Self.task("项目启动会", state)))
        #expect(Self.at(66, 25, state) == .row(.gantt, Self.task("项目结项", state)))
        #expect(Self.at(66, 26, state) == .pane(.gantt))
        #expect(Self.at(59, 10, state) == .pane(.segments) && Self.at(60, 10, state) == .pane(.gantt))
        #expect(Self.at(109, 30, state) == .pane(.kpis) && Self.at(110, 30, state) == .pane(.anomalies))
        #expect(Self.at(120, 30, state) == .row(.anomalies, 0))
        #expect(Self.at(120, 33, state) == .row(.anomalies, 3))
    }

    @Test func aZoomedPaneTakesTheWholeBody() {
        var state = Self.state(columns: 80, rows: 24, anomalies: 4)
        state.focus = .anomalies
        state.zoomed = true
        // Rows 1–22, all 80 columns: head on row 2, rows from 3.
        #expect(Self.at(5, 3, state) == .row(.anomalies, 0))
        #expect(Self.at(70, 6, state) == .row(.anomalies, 3))
        #expect(Self.at(5, 7, state) == .pane(.anomalies))
    }

    @Test func aScrolledTableCountsFromItsFirstShownRow() {
        // 30 anomalies at 80×24: the log has rows 5–22, inner 6–21, 15 rows
        // under the head. Row 20 selected: the first shown is 20 − 15 + 1 = 6.
        var state = Self.state(columns: 80, rows: 24, anomalies: 30)
        state.selection[.anomalies] = 20
        #expect(Self.at(50, 7, state) == .row(.anomalies, 6))
        #expect(Self.at(50, 21, state) == .row(.anomalies, 20))
    }

    @Test func tooSmallAScreenHasNothingToClick() {
        let state = Self.state(columns: 79, rows: 24)
        #expect(Self.at(5, 3, state) == .nothing)
    }
}
