@testable import DeckUI
import Testing

/// `y` copies what is selected, whole and as text, through OSC 52.
@Suite struct ClipboardTests {
    static func state(focus: Pane) -> DeckState {
        var state = GoldenScreenTests.demoState
        state.focus = focus
        state.screen = DeckState.ScreenSize(columns: 80, rows: 24)
        return state
    }

    /// The words appear in this order in `text`.
    static func inOrder(_ words: [String], in text: String) -> Bool {
        var rest = Substring(text)
        for word in words {
            guard let range = rest.range(of: word) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    @Test func anAnomalyRowIsCopiedWholeAtAnyWidth() throws {
        var state = Self.state(focus: .anomalies)
        var effects = DeckUpdate.apply(.key(.character("y")), to: &state)
        guard case .copyToClipboard(let text)? = effects.first else { Issue.record("no copy: \(effects)"); return }
        // The demo's one anomaly: #1 opened 04-09 11:02, CTR below 1% on douyin, owner 推广组.
        #expect(Self.inOrder(["1", "04-09 11:02", "CTR below 1%", "douyin", "推广组"], in: text), "\(text)")
        #expect(!text.contains("…") && !text.contains("   ") && !text.contains("▶"))
        #expect(state.message?.hasPrefix("copied the selected row (") == true)
        // The same row from a wider screen: the same text (nothing depended on the cut).
        state.screen = DeckState.ScreenSize(columns: 200, rows: 60)
        effects = DeckUpdate.apply(.key(.character("y")), to: &state)
        #expect(effects == [.copyToClipboard(text)])
    }

    @Test func aKPIRowLeavesItsSparklineOut() throws {
        var state = Self.state(focus: .kpis)
        let effects = DeckUpdate.apply(.key(.character("y")), to: &state)
        guard case .copyToClipboard(let text)? = effects.first else { Issue.record("no copy: \(effects)"); return }
        #expect(text.hasPrefix(state.kpiRows[state.selected(.kpis)].key + "  "), "\(text)")
        #expect(!text.unicodeScalars.contains { (0x2580...0x259F).contains($0.value) }, "no bars: \(text)")
    }

    @Test func aTaskIsItsNameAndSummaryLine() throws {
        var state = Self.state(focus: .gantt)
        state.selection[.gantt] = 0
        let effects = DeckUpdate.apply(.key(.character("y")), to: &state)
        // From the demo plan: kickoff is 项目启动会, one day on 2026-03-02, owned by 项目经理.
        let index = try #require(state.visibleSelection(.gantt))
        let task = state.plan.tasks[index]
        #expect(task.id == "kickoff")
        #expect(effects == [.copyToClipboard("项目启动会 — kickoff: 2026-03-02→2026-03-02 float 1d · 项目经理 · no dependencies")])
    }

    @Test func anOpenCardIsCopiedInsteadOfTheRow() throws {
        var state = Self.state(focus: .segments)
        _ = DeckUpdate.apply(.key(.enter), to: &state)
        let effects = DeckUpdate.apply(.key(.character("y")), to: &state)
        guard case .copyToClipboard(let text)? = effects.first else { Issue.record("no copy: \(effects)"); return }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "高价值老客 (vip)", "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Pain points: ") } && lines.contains { $0.hasPrefix("Budget share: 40%") })
        #expect(!lines.contains { $0.contains("│") || $0.contains("┃") })
        #expect(state.message?.hasPrefix("copied the card (") == true)
    }
}
