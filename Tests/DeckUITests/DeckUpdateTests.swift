import CampaignCore
@testable import DeckUI
import Testing

@Suite struct DeckUpdateTests {
    static let plan = PlanLoader.load(yaml: DemoCampaign.planText()).plan!

    func state() -> DeckState {
        var state = DeckState(plan: Self.plan, schedule: try? Schedule(computing: PlanScheduling.input(for: Self.plan)))
        state.data.anomalies = [
            .init(id: 7, openedAt: "04-09 11:02", title: "CTR below 1%", scope: "douyin", severity: "warning",
                  status: .open, owner: nil, recovered: false, detail: []),
        ]
        return state
    }

    @discardableResult
    func press(_ keys: [Key], _ state: inout DeckState) -> [DeckEffect] {
        keys.flatMap { DeckUpdate.apply(.key($0), to: &state) }
    }

    @Test func tabAndNumbersMoveBetweenPanes() {
        var state = state()
        #expect(state.focus == .segments)
        press([.tab], &state); #expect(state.focus == .gantt)
        press([.tab, .tab, .tab], &state); #expect(state.focus == .segments, "Tab wraps around")
        press([.backTab], &state); #expect(state.focus == .anomalies)
        press([.character("3")], &state); #expect(state.focus == .kpis)
    }

    @Test func enterOpensThePersonaCardAndEscapeClosesIt() {
        var state = state()
        press([.down, .enter], &state)
        #expect(state.overlay == .personaCard(segment: 1))
        press([.escape], &state)
        #expect(state.overlay == nil)
    }

    @Test func selectionStopsAtTheEnds() {
        var state = state()
        press([.up], &state)
        #expect(state.selected(.segments) == 0)
        press([.end], &state)
        #expect(state.selected(.segments) == 2)
        press([.down], &state)
        #expect(state.selected(.segments) == 2)
    }

    @Test func pauseSpeedZoomAndQuitAreEffects() {
        var state = state()
        #expect(press([.character("p")], &state) == [.setPaused(true)])
        #expect(state.stream == .paused)
        #expect(press([.character("p")], &state) == [.setPaused(false)])
        state.speed = 600
        #expect(press([.character("+")], &state) == [.setSpeed(1_800)])
        #expect(press([.character("-"), .character("-")], &state) == [.setSpeed(600), .setSpeed(300)])
        press([.character("z")], &state)
        #expect(state.zoomed)
        #expect(press([.character("q")], &state) == [.quit])
        #expect(state.quitting)
    }

    @Test func anomalyKeysActOnTheSelectedAnomaly() {
        var state = state()
        press([.character("4")], &state)
        #expect(press([.character("a")], &state) == [.acknowledge(anomalyID: 7)])
        press([.character("o")], &state)
        #expect(state.overlay == .prompt(Prompt(.anomalyOwner(7))))
        // While the prompt is open every key is text, even 'q'.
        let typed = press([.character("q"), .character("i"), .backspace, .character("李")], &state)
        #expect(typed.isEmpty)
        #expect(press([.enter], &state) == [.assignOwner(anomalyID: 7, owner: "q李")])
        #expect(state.overlay == nil)
        press([.character("n")], &state)
        press([.escape], &state)
        #expect(state.overlay == nil)
        #expect(state.message == "cancelled")
        // Resolving asks for the cause, then the action (either may be left
        // empty), then asks to confirm: nothing is written before `y`.
        #expect(press([.character("r"), .character("素"), .character("材"), .enter, .enter], &state).isEmpty)
        #expect(press([.character("y")], &state) == [.resolve(anomalyID: 7, cause: "素材", action: nil)])
    }

    @Test func unboundKeysSaySoInsteadOfDoingSomething() {
        var state = state()
        #expect(press([.character("x")], &state).isEmpty)
        #expect(state.message == "x: no action here (? shows every key)")
    }

    @Test func ganttScrollStopsFollowingTodayUntilDotIsPressed() {
        var state = state()
        state.data.today = Day(year: 2026, month: 4, day: 9)
        press([.character("2"), .character("l")], &state)
        #expect(!state.gantt.followsToday)
        // 04-09 is 38 days after 03-02 (29 left in March + 9); following shows a
        // week before it first (offset 31); one step later is offset 38.
        #expect(state.gantt.offset == 38)
        press([.character(".")], &state)
        #expect(state.gantt.followsToday)
    }
}

@Suite struct KeyRegistryTests {
    @Test func noKeyIsBoundTwiceInOneScope() {
        var seen: [KeyBinding.Scope: Set<Key>] = [:]
        for binding in KeyRegistry.builtIn.bindings {
            for key in binding.keys {
                #expect(seen[binding.scope, default: []].insert(key).inserted, "\(key.label) twice in \(binding.scope)")
            }
        }
    }

    @Test func theHelpOverlayListsEveryBinding() {
        let state = DeckState(plan: DeckUpdateTests.plan, schedule: nil)
        let screen = HelpOverlayTests.everyPage(of: state, columns: 120, rows: 60)
        for binding in KeyRegistry.builtIn.bindings {
            #expect(screen.contains(binding.help), "help lacks '\(binding.help)'")
        }
    }

    @Test func theFooterShowsTheFocusedPanesKeysFirst() {
        let hints = KeyRegistry.builtIn.hints(for: .anomalies).map(\.hint)
        #expect(Array(hints.prefix(5)) == ["ack", "owner", "note", "resolve", "reopen"])
        #expect(hints.contains("quit"))
    }
}
