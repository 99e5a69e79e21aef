import CampaignCore
@testable import DeckUI
import Testing

/// Panes get the height their rows need. Expected heights are worked out by
/// hand from the rule: two stacked panes that both fit get what the upper one
/// wants and the rest below; otherwise a pane wanting at most half keeps it.
@Suite struct DeckLayoutTests {
    @Test func twoPanesThatFitGiveTheUpperOneItsNeedAndTheRestBelow() {
        // 22 rows: 5 + 7 fit, the upper keeps 5, the lower gets 17.
        #expect(DeckLayout.split(22, top: 5, bottom: 7) == 5)
    }

    @Test func aSmallPaneKeepsItsNeedBesideABigOne() {
        // Three segments (box 2 + header 1 + 3 rows = 6) over a 31-row Gantt in 22 rows.
        #expect(DeckLayout.split(22, top: 6, bottom: 31) == 6)
        // The other way round: the small pane below keeps its 6, the big one gets 16.
        #expect(DeckLayout.split(22, top: 31, bottom: 6) == 16)
    }

    @Test func twoBigPanesShareEvenlyAndNoPaneGoesBelowFourRows() {
        #expect(DeckLayout.split(22, top: 30, bottom: 40) == 11)
        #expect(DeckLayout.split(22, top: 1, bottom: 40) == 4, "box, header and one row at least")
        #expect(DeckLayout.split(22, top: 30, bottom: 1) == 18)
    }

    @Test func theDemoAt80x24GivesTheGanttTheRoomTheSegmentsDoNotNeed() {
        let layout = DeckLayout(columns: 80, rows: 24, zoomed: nil,
                                wanted: [.segments: 6, .gantt: 31, .kpis: 10, .anomalies: 6])
        #expect(layout.panes[.segments] == Rect(row: 1, column: 0, width: 40, height: 6))
        #expect(layout.panes[.gantt] == Rect(row: 7, column: 0, width: 40, height: 16))
        #expect(layout.panes[.kpis] == Rect(row: 1, column: 40, width: 40, height: 10))
        #expect(layout.panes[.anomalies] == Rect(row: 11, column: 40, width: 40, height: 12))
    }

    @Test func wideTerminalsSplitTheStripsByTheirTallestPane() {
        // 160×50: 48 body rows. Top strip wants max(6, 31) = 31, bottom max(10, 6) = 10: both fit.
        let layout = DeckLayout(columns: 160, rows: 50, zoomed: nil,
                                wanted: [.segments: 6, .gantt: 31, .kpis: 10, .anomalies: 6])
        #expect(layout.panes[.gantt]?.height == 31)
        #expect(layout.panes[.segments]?.height == 31)
        #expect(layout.panes[.kpis] == Rect(row: 32, column: 0, width: 88, height: 17))
        #expect(layout.panes[.anomalies] == Rect(row: 32, column: 88, width: 72, height: 17))
    }

    @Test func theDemoWantsEveryGanttLineAndThreeSegmentRows() {
        // The demo plan has 4 phases and 19 tasks: 23 lines, an axis line, a footer line and the box.
        let state = GoldenScreenTests.demoState
        let lines = GanttPane.lines(state.plan).count
        #expect(lines == 23)
        #expect(GanttPane.wantedHeight(state) == 27)
        #expect(SegmentsPane.wantedHeight(state) == 6)
    }
}

/// The header keeps what a person acts on (unsaved edits, the clock, the
/// stream's state) and drops context first when the terminal is narrow.
@Suite struct HeaderPartsTests {
    func header() -> HeaderParts {
        var header = HeaderParts(name: "春季会员焕新季")        // 14 columns
        header.append("day 52/70", dropRank: 5)
        header.append("执行期", dropRank: 3)
        header.append("burn 49%", dropRank: 4)
        header.append("pacing 0.94", dropRank: 2)
        header.append("● live ×600")
        header.append("38 ev/s", dropRank: 1)
        header.append("✎ unsaved")
        header.append("2026-04-22 11:00")
        return header
    }

    @Test func everythingFitsOnAWideTerminal() {
        #expect(header().line(width: 200)
                == " 春季会员焕新季 · day 52/70 · 执行期 · burn 49% · pacing 0.94 · ● live ×600 · 38 ev/s · ✎ unsaved · 2026-04-22 11:00")
    }

    @Test func at80ColumnsTheRateAndPacingGoAndUnsavedAndTheClockStay() {
        // Full line: 1 + 14 + 9 + 6 + 8 + 11 + 11 + 7 + 9 + 16 + 8 separators × 3 = 116 columns.
        // Without the rate (−10): 106; without pacing (−14): 92; without the phase (−9): 83;
        // without burn (−11): 72, which fits 80 with the whole name.
        let line = header().line(width: 80)
        #expect(line == " 春季会员焕新季 · day 52/70 · ● live ×600 · ✎ unsaved · 2026-04-22 11:00")
        #expect(DisplayWidth.of(line) <= 80)
    }

    @Test func aLongNameIsCutOnlyAfterContextIsGone() {
        var header = HeaderParts(name: "双十一全渠道会员日・超级品牌日")  // 30 columns
        header.append("day 1/42", dropRank: 5)
        header.append("■ stream ended")
        header.append("✎ unsaved")
        header.append("2026-03-02 23:59")
        // With the name cut to 16 columns the line is 1 + 15 + 8 + 14 + 9 + 16 + 4 × 3 = 75:
        // the day goes (−11). The kept parts take 14 + 9 + 16 + 3 × 3 = 48 columns after
        // the name and the leading space; 60 − 49 = 11 for the name: 5 wide characters
        // and "…" (a sixth would need 12).
        let line = header.line(width: 60)
        #expect(line == " 双十一全渠…" + " · ■ stream ended · ✎ unsaved · 2026-03-02 23:59")
    }
}
