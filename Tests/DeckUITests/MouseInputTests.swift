import CampaignCore
@testable import DeckUI
import Testing

/// What a click, a double click and the wheel do, on the 80×24 layout of
/// `MouseHitTests` (Segments' rows on screen rows 3–5, the Gantt's first task
/// on row 10, the log's head on row 6 and its rows from row 7).
@Suite struct MouseInputTests {
    static func state(anomalies: Int = 4) -> DeckState {
        var state = MouseHitTests.state(columns: 80, rows: 24, anomalies: anomalies)
        state.focus = .kpis
        return state
    }

    @discardableResult
    static func press(_ column: Int, _ row: Int, at time: Double, _ state: inout DeckState,
                      _ kind: MouseEvent.Kind = .press(.left), shift: Bool = false) -> [DeckEffect] {
        DeckUpdate.apply(.mouse(MouseEvent(kind, column: column, row: row, shift: shift), time: time), to: &state)
    }

    @Test func aClickFocusesThePaneAndSelectsTheRow() {
        var state = Self.state()
        Self.press(5, 4, at: 10, &state)
        #expect(state.focus == .segments && state.selected(.segments) == 1 && state.overlay == nil)
        Self.press(50, 9, at: 20, &state)
        #expect(state.focus == .anomalies && state.selected(.anomalies) == 2)
        Self.press(5, 9, at: 30, &state)            // the Gantt's phase heading: focus only
        #expect(state.focus == .gantt && state.selected(.gantt) == 0)
        Self.press(5, 0, at: 40, &state)            // the header: nothing
        #expect(state.focus == .gantt)
    }

    @Test func aDoubleClickOpensWhatEnterOpens() {
        var state = Self.state()
        Self.press(5, 4, at: 10, &state)
        Self.press(5, 4, at: 10.3, &state)
        #expect(state.overlay == .personaCard(segment: 1))

        state = Self.state()
        Self.press(50, 8, at: 1, &state)
        Self.press(50, 8, at: 1.2, &state)
        #expect(state.overlay == .anomalyDetail(id: state.data.anomalies[1].id))

        state = Self.state()
        Self.press(5, 11, at: 5, &state)
        Self.press(5, 11, at: 5.4, &state)
        #expect(state.overlay == .taskCard(task: "segment-analysis"), "客户分层分析, the second task line")
    }

    @Test func twoClicksTooSlowOrApartAreTwoClicks() {
        var state = Self.state()
        Self.press(5, 4, at: 10, &state)
        Self.press(5, 4, at: 10.6, &state)          // past the 0.5 s interval
        #expect(state.overlay == nil && state.selected(.segments) == 1)
        Self.press(6, 4, at: 10.7, &state)          // the same row, another cell
        #expect(state.overlay == nil)
        Self.press(6, 5, at: 10.8, &state)
        #expect(state.overlay == nil && state.selected(.segments) == 2)
        // A clock that went backwards is no double click either.
        Self.press(6, 5, at: 9, &state)
        #expect(state.overlay == nil)
        // Three quick presses: the second opens, the third (on the card) closes nothing and opens nothing.
        Self.press(6, 3, at: 20, &state)
        Self.press(6, 3, at: 20.1, &state)
        #expect(state.overlay == .personaCard(segment: 0))
    }

    @Test func aClickOnAHeadSortsAndASecondReverses() {
        var state = Self.state()
        Self.press(13, 2, at: 1, &state)            // SIZE
        #expect(state.focus == .segments)
        #expect(state.sorts[.segments] == TableSort(column: 1, descending: true))
        #expect(state.message == "sorted by SIZE ▼ (I reverses)")
        Self.press(13, 2, at: 5, &state)
        #expect(state.sorts[.segments] == TableSort(column: 1, descending: false))
        Self.press(2, 2, at: 9, &state)             // SEGMENT: A to Z first
        #expect(state.sorts[.segments] == TableSort(column: 0, descending: false))
        Self.press(12, 2, at: 13, &state)           // between two heads: nothing changes
        #expect(state.sorts[.segments] == TableSort(column: 0, descending: false))
        let head = DeckRenderer.render(state, columns: 80, rows: 24).lines()[2]
        #expect(head.contains("SEGMENT▲"), "\(head)")
    }

    @Test func theWheelScrollsThePaneUnderThePointer() {
        var state = Self.state(anomalies: 30)
        Self.press(50, 12, at: 1, &state, .wheelDown)
        Self.press(50, 12, at: 1.01, &state, .wheelDown)
        #expect(state.focus == .anomalies && state.selected(.anomalies) == 2)
        Self.press(50, 12, at: 1.02, &state, .wheelUp)
        #expect(state.selected(.anomalies) == 1)
        // Sixteen more notches: past the 15 rows on screen, the list scrolls.
        for notch in 0..<16 { Self.press(50, 12, at: 2 + Double(notch) / 100, &state, .wheelDown) }
        #expect(state.selected(.anomalies) == 17)
        #expect(MouseTarget.at(column: 50, row: 7, in: state) == .row(.anomalies, 3), "first shown: 17 − 15 + 1")
    }

    /// The log at 80×24 shows 15 rows (screen rows 7–21). Twenty ↓ put row 20
    /// on the last line, rows 6–20 shown; a click on row 7 (screen row 8)
    /// selects it where it is: the list does not slide under the pointer.
    @Test func aClickInAScrolledListLeavesTheListWhereItIs() {
        var state = Self.state(anomalies: 30)
        state.focus = .anomalies
        for _ in 0..<20 { KeyTyping.press(.down, in: &state) }
        #expect(MouseTarget.at(column: 50, row: 7, in: state) == .row(.anomalies, 6))
        Self.press(50, 8, at: 1, &state)
        #expect(state.selected(.anomalies) == 7)
        #expect(MouseTarget.at(column: 50, row: 7, in: state) == .row(.anomalies, 6), "the list did not move")
        let lines = DeckRenderer.render(state, columns: 80, rows: 24).lines()
        #expect(lines[7].contains("rule 6") && lines[8].contains("rule 7"), "\(lines[7])\n\(lines[8])")
        Self.press(50, 8, at: 1.2, &state)
        #expect(state.overlay == .anomalyDetail(id: state.data.anomalies[7].id))
        // ↑ from the top shown row scrolls by one: the view moves only as far as it must.
        KeyTyping.press(.escape, .up, .up, in: &state)
        #expect(state.selected(.anomalies) == 5)
        #expect(MouseTarget.at(column: 50, row: 7, in: state) == .row(.anomalies, 5))
    }

    @Test func theGanttsWheelScrollsRowsAndWithShiftDays() {
        var state = Self.state()
        let order = state.visibleRows(.gantt)
        Self.press(10, 12, at: 1, &state, .wheelDown)
        #expect(state.focus == .gantt && state.selected(.gantt) == order[1])
        let offset = state.gantt.firstDay(state.ganttExtent, today: state.data.today)
        Self.press(10, 12, at: 2, &state, .wheelDown, shift: true)
        #expect(state.selected(.gantt) == order[1], "Shift scrolls days, not rows")
        #expect(!state.gantt.followsToday)
        let later = state.gantt.firstDay(state.ganttExtent, today: state.data.today)
        // A week on the day axis, unless the plan's end stops it sooner.
        #expect(later > offset && later <= offset + 7)
        Self.press(10, 12, at: 3, &state, .wheelLeft)
        #expect(state.gantt.firstDay(state.ganttExtent, today: state.data.today) == offset)
        Self.press(10, 3, at: 4, &state, .wheelRight)   // sideways over Segments: nothing to scroll
        #expect(state.focus == .segments && state.selected(.segments) == 0)
    }

    @Test func otherButtonsAndReleasesDoNothing() {
        var state = Self.state()
        for kind: MouseEvent.Kind in [.press(.right), .press(.middle), .release(.left), .motion] {
            Self.press(5, 4, at: 1, &state, kind)
        }
        #expect(state.focus == .kpis && state.selected(.segments) == 0 && state.overlay == nil)
    }

    /// The help at 80×24 is 76 wide and 22 high: columns 2–77, rows 1–22.
    @Test func aClickOutsideTheHelpClosesItAndNeverReachesThePanes() {
        var state = Self.state()
        state.overlay = .help(scroll: 0)
        #expect(OverlayBounds.rect(state) == Rect(row: 1, column: 2, width: 76, height: 22))
        Self.press(5, 4, at: 1, &state)             // inside: nothing
        #expect(state.overlay == .help(scroll: 0) && state.focus == .kpis && state.selected(.segments) == 0)
        Self.press(5, 4, at: 1.1, &state, .wheelDown)
        #expect(state.overlay == .help(scroll: 3), "a notch scrolls the help three lines")
        Self.press(0, 4, at: 2, &state)             // outside, over Segments' border
        #expect(state.overlay == nil && state.focus == .kpis && state.selected(.segments) == 0)
    }

    @Test func aQuestionOrATypedLineIgnoresTheMouse() {
        var state = Self.state()
        state.overlay = .confirm(.quitWithUnsavedEdits)
        Self.press(0, 4, at: 1, &state)
        Self.press(5, 4, at: 1.1, &state)
        Self.press(5, 4, at: 1.2, &state, .wheelDown)
        #expect(state.overlay == .confirm(.quitWithUnsavedEdits) && state.focus == .kpis && state.selected(.segments) == 0)
        KeyTyping.press(.escape, in: &state)
        KeyTyping.press(.character("/"), in: &state)
        KeyTyping.type("会员", in: &state)
        Self.press(5, 4, at: 2, &state)
        Self.press(5, 4, at: 2.1, &state)
        #expect(state.overlay == .inputLine(InputLine(.filter(.kpis), text: "会员")))
        #expect(state.selected(.segments) == 0)
    }

    @Test func aTooSmallScreenIgnoresClicks() {
        var state = Self.state()
        state.screen = DeckState.ScreenSize(columns: 60, rows: 20)
        Self.press(5, 4, at: 1, &state)
        #expect(state.focus == .kpis)
    }
}
