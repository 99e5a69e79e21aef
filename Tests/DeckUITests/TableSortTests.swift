import CampaignCore
@testable import DeckUI
import Testing

/// `<`/`>` choose the column a table is sorted by, `I` reverses it, and the
/// head shows ▲/▼; rows without a value go last either way; the selection
/// stays on its row. Orders below are worked out by hand from the rows.
@Suite struct TableSortTests {
    /// The log, newest first: #4 open (no owner), #3 acknowledged by 王芳,
    /// #2 resolved by Li, #1 open (Chen); values 67.3, none, 0.5, 17.
    static func state() -> DeckState {
        var state = GoldenScreenTests.demoState
        func row(_ id: Int64, _ opened: String, _ status: AnomalyStatus, _ owner: String?, _ value: Double?) -> DashboardSnapshot.AnomalyRow {
            .init(id: id, openedAt: opened, title: "rule \(id)", scope: "douyin", severity: "warning", status: status,
                  owner: owner, recovered: false, measure: value.map { .init(metric: "cpa", value: $0, threshold: 1) }, detail: [])
        }
        state.data.anomalies = [row(4, "04-22 11:32", .open, nil, 67.3), row(3, "04-19 00:00", .acknowledged, "王芳", nil),
                                row(2, "04-12 09:00", .resolved, "Li", 0.5), row(1, "04-09 11:02", .open, "Chen", 17)]
        state.focus = .anomalies
        state.screen = DeckState.ScreenSize(columns: 120, rows: 40)
        return state
    }

    static func ids(_ state: DeckState) -> [Int64] { state.visibleRows(.anomalies).map { state.data.anomalies[$0].id } }

    static func press(_ keys: String, _ state: inout DeckState) {
        for character in keys { _ = DeckUpdate.apply(.key(.character(character)), to: &state) }
    }

    @Test func eachColumnInTurnThenThePanesOwnOrder() {
        var state = Self.state()
        #expect(Self.ids(state) == [4, 3, 2, 1])
        Self.press(">>>>", &state)                  // #, OPENED, WHAT, VALUE
        #expect(state.sorts[.anomalies] == TableSort(column: 3, descending: true))
        #expect(Self.ids(state) == [4, 1, 2, 3], "67.3, 17, 0.5, then the one without a value")
        Self.press("I", &state)
        #expect(Self.ids(state) == [2, 1, 4, 3], "ascending: 0.5, 17, 67.3; still no value last")
        Self.press(">", &state)                     // STATUS, open first; ties keep the log's order
        #expect(Self.ids(state) == [4, 1, 3, 2])
        #expect(state.message == "sorted by STATUS ▼ (I reverses)")
        Self.press(">", &state)                     // OWNER A to Z (Latin before Chinese), none last
        #expect(Self.ids(state) == [1, 2, 3, 4])
        Self.press("I", &state)
        #expect(Self.ids(state) == [3, 2, 1, 4])
        Self.press(">", &state)                     // past the last column: the log's own order
        #expect(state.sorts[.anomalies] == nil && Self.ids(state) == [4, 3, 2, 1])
        Self.press("<", &state)                     // and backwards from there: the last column
        #expect(state.sorts[.anomalies] == TableSort(column: 5, descending: false))
    }

    @Test func theHeadShowsTheSortAndTheSelectionStaysOnItsRow() {
        var state = Self.state()
        state.selection[.anomalies] = 3             // #1
        Self.press(">>>>>", &state)                 // STATUS ▼
        let header = DeckRenderer.render(state, columns: 120, rows: 40).lines().first { $0.contains("OPENED") } ?? ""
        #expect(header.contains("STATUS▼") && !header.contains("OWNER▼"), "\(header)")
        #expect(state.data.anomalies[state.selected(.anomalies)].id == 1)
        // Down from #1 goes to the next row on screen (#3), not the next in the log.
        _ = DeckUpdate.apply(.key(.down), to: &state)
        #expect(state.data.anomalies[state.selected(.anomalies)].id == 3)
    }

    @Test func aMarkThatDoesNotFitTakesTheHeadsLastLetter() {
        var state = Self.state()
        state.sorts[.anomalies] = TableSort(column: 5, descending: false)
        #expect(state.markedHead("OWNER", width: 6, .anomalies) == "OWNER▲")
        #expect(state.markedHead("OWNER", width: 5, .anomalies) == "OWNE▲")
        #expect(state.markedHead("STATUS", width: 13, .anomalies) == "STATUS", "not the sorted column")
    }

    @Test func missingNumbersGoLastBothWays() {
        #expect(SortKey.number(nil).precedes(.number(1), descending: true) == false)
        #expect(SortKey.number(nil).precedes(.number(1), descending: false) == false)
        #expect(SortKey.number(2).precedes(.number(nil), descending: false) == true)
        #expect(SortKey.number(2).precedes(.number(2), descending: false) == nil)
    }

    @Test func theGanttKeepsItsOwnLessAndGreaterAndHasNothingToSort() {
        var state = Self.state()
        state.focus = .gantt
        Self.press("I", &state)
        #expect(state.message == "the Gantt pane has no columns to sort")
        #expect(state.sorts.isEmpty)
    }

    @Test func segmentsSortBySizeWithTheUnsizedLast() {
        var state = GoldenScreenTests.demoState
        state.focus = .segments
        state.data.segments = [.init(id: "a", name: "甲", customers: 900), .init(id: "b", name: "乙", customers: nil),
                               .init(id: "c", name: "丙", customers: 15_000)]
        Self.press(">>", &state)                    // SEGMENT, then SIZE ▼
        #expect(state.visibleRows(.segments) == [2, 0, 1])
        let header = DeckRenderer.render(state, columns: 120, rows: 40).lines().first { $0.contains("SEGMENT") } ?? ""
        #expect(header.contains("SIZE▼"), "\(header)")
    }
}
