import CampaignCore
import CampaignText
@testable import DeckUI
import Testing

/// Tab on the `:` line: command names, then the ids and names the argument
/// under the cursor takes; a shared start first, then one choice per Tab.
/// Expected choices are read off the demo plan by hand (DemoCampaignBody).
@Suite struct CommandCompletionTests {
    typealias K = KeyTyping

    func typing(_ text: String, in plan: DeckState = K.editableDemo()) -> DeckState {
        var state = plan
        K.press(.character(":"), in: &state)
        K.type(text, in: &state)
        return state
    }

    func tab(_ state: inout DeckState, times: Int = 1) {
        for _ in 0..<times { K.press(.tab, in: &state) }
    }

    @Test(arguments: [
        ("goto 项目启", "goto 项目启动会"),          // the last argument: no space after
        ("goto kick", "goto kickoff"),
        ("move 项目启", "move 项目启动会 "),          // the shift follows: a space
        ("goto 审核", "goto 素材审核"),               // no name starts with it: one contains it
        ("after 素材审核 项目", "after 素材审核 项目启动会"),
        ("after asset-review 私域", "after asset-review 私域社群搭建"),
        ("owner kickoff 推", "owner kickoff 推广组"), // owners already in the plan
        ("persona 高", "persona 高价值老客"),
        ("alert CTR b", "alert CTR below 1%"),        // the last argument takes every word: no quotes
        ("theme li", "theme light"),
        ("move kickoff +1", "move kickoff +1"),       // a shift: nothing to offer
        ("filter 素", "filter 素"),
    ])
    func oneChoiceIsPutIn(typed: String, expected: String) {
        var state = typing(typed)
        tab(&state)
        #expect(K.lineText(state) == expected)
    }

    @Test func severalChoicesCycleWithTabAndShiftTab() {
        // 素材制作, 素材审核, 素材迭代 (asset-production, asset-review, creative-refresh) share only 素材.
        var state = typing("move 素材")
        tab(&state)
        #expect(K.lineText(state) == "move 素材制作 ")
        #expect(K.screen(state).contains("Tab cycles: [素材制作]  素材审核  素材迭代"))
        tab(&state)
        #expect(K.lineText(state) == "move 素材审核 ")
        tab(&state)
        #expect(K.lineText(state) == "move 素材迭代 ")
        tab(&state)
        #expect(K.lineText(state) == "move 素材制作 ", "wraps round")
        K.press(.backTab, in: &state)
        #expect(K.lineText(state) == "move 素材迭代 ")
        // Typing ends the cycle: the next Tab completes what is typed then.
        K.type("+1d", in: &state)
        tab(&state)
        #expect(K.lineText(state) == "move 素材迭代 +1d")
        K.press(.enter, in: &state)
        #expect(state.editor?.document.text == (try? K.demoText(after: .moveTask(id: "creative-refresh", days: 1))))
    }

    @Test func theBarSaysWhichIDsTheNamesMeanBeforeEnter() {
        var state = typing("move 项目启动会 +1d")
        #expect(K.screen(state).split(separator: "\n").last?.contains("→ kickoff  :move TASK +3d|-1w") == true)
        state = typing("after 私域社群搭建 创意简报+2d")
        #expect(K.screen(state).split(separator: "\n").last?.contains("→ community-setup ← creative-brief+2d") == true)
        state = typing("move 项目启动 +1d")
        #expect(K.screen(state).split(separator: "\n").last?.contains("→") == false, "nothing is named yet")
    }

    @Test func theSharedStartComesFirst() {
        // creative-brief, creative, creative-refresh start with "crea"; they share "creative".
        var state = typing("goto crea")
        tab(&state)
        #expect(K.lineText(state) == "goto creative")
        #expect(K.screen(state).contains("Tab cycles: creative-brief  creative  creative-refresh"))
        tab(&state)
        #expect(K.lineText(state) == "goto creative-brief")
        tab(&state)
        #expect(K.lineText(state) == "goto creative")
    }

    @Test func commandNamesThenEveryTaskAfterABlank() {
        var state = typing("af")
        tab(&state)
        #expect(K.lineText(state) == "after ")
        tab(&state)
        #expect(K.lineText(state) == "after kickoff ", "the first of every id and name, in plan order")
        tab(&state)
        #expect(K.lineText(state) == "after 项目启动会 ")
    }

    @Test func nothingMatchingSaysSo() {
        var state = typing("goto zzz")
        tab(&state)
        #expect(K.lineText(state) == "goto zzz")
        #expect(state.message == "no task matches 'zzz'")
        Language.$override.withValue(.chinese) {
            var state = typing("persona zzz")
            tab(&state)
            #expect(state.message == "没有与“zzz”匹配的客群")
        }
    }

    @Test func namesWithBlanksAreQuotedWhereAnotherArgumentFollows() {
        let plan = K.editable(NameResolutionTests.plan)
        // "Launch event" and "Launch event party" share "Launch event": put in with its quote open.
        var state = typing("move Launch e", in: plan)
        tab(&state)
        #expect(K.lineText(state) == "move \"Launch event")
        tab(&state)
        #expect(K.lineText(state) == "move \"Launch event\" ")
        K.type("+1d", in: &state)
        K.press(.enter, in: &state)
        #expect(state.editor?.document.text == (try? NameResolutionTests.text(after: .moveTask(id: "launch", days: 1))))

        state = typing("goto Launch e", in: plan)
        tab(&state)
        #expect(K.lineText(state) == "goto Launch event", "the last argument takes every word: no quote")
        // A quote in a name is escaped, so the line still splits right.
        state = typing("owner Say", in: plan)
        tab(&state)
        #expect(K.lineText(state) == "owner \"Say \\\"hi\\\"\" ")
        K.type("Li", in: &state)
        K.press(.enter, in: &state)
        #expect(state.editor?.document.text == (try? NameResolutionTests.text(after: .setOwner(taskID: "quote", owner: "Li"))))
        // launch, Launch event, Launch, Launch event party: no shared start in
        // letters of one case, so Tab puts in the first, in plan order.
        state = typing("after r1 Lau", in: plan)
        tab(&state)
        #expect(K.lineText(state) == "after r1 launch")
    }

    @Test func theCursorMayBeInsideTheLine() {
        var state = typing("move 项目 +1d")
        K.press(.left, .left, .left, .left, in: &state)
        tab(&state)
        #expect(K.lineText(state) == "move 项目启动会 +1d")
        guard case .inputLine(let line)? = state.overlay else { Issue.record("no line"); return }
        #expect(line.field.beforeCursor == "move 项目启动会")
    }

    /// Random lines of blanks, quotes, backslashes, CJK and shifts, with the
    /// cursor anywhere: Tab, Shift-Tab and Enter never trap, the cursor stays
    /// inside the text, and the bar stays exactly the terminal's width.
    @Test func randomLinesNeverTrap() {
        let alphabet = Array(" \"'\\素材审核项目启动会 kLaunchev+1d-w:moveaftergotoowner")
        var random = SplitMix64(seed: 15)
        let plan = K.editable(NameResolutionTests.plan)
        for round in 0..<300 {
            var state = round % 2 == 0 ? plan : K.editableDemo()
            K.press(.character(":"), in: &state)
            let length = Int(random.next() % 24)
            K.type(String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }), in: &state)
            for _ in 0..<Int(random.next() % 5) { K.press(.left, in: &state) }
            for _ in 0..<Int(random.next() % 4) { K.press(random.next() % 3 == 0 ? .backTab : .tab, in: &state) }
            guard case .inputLine(let line)? = state.overlay else { continue }
            #expect(line.field.cursor <= line.text.count)
            let bar = K.screen(state, columns: 80, rows: 24).split(separator: "\n").last.map(String.init) ?? ""
            #expect(DisplayWidth.of(bar) == 80, "\(line.text)")
            K.press(.enter, in: &state)
        }
    }

    /// Wide characters: every screen line is exactly the terminal's width,
    /// and the cursor mark follows the completed name.
    @Test(arguments: [80, 120])
    func wideNamesKeepTheBarExact(columns: Int) {
        var state = typing("after 线上推广素材投放 沉睡")
        tab(&state)
        #expect(K.lineText(state) == "after 线上推广素材投放 沉睡客户短信唤醒")
        let lines = K.screen(state, columns: columns, rows: 24).split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines { #expect(DisplayWidth.of(String(line)) == columns) }
        let bar = String(lines.last ?? "")
        if columns == 120 {
            #expect(bar.hasPrefix(" :after 线上推广素材投放 沉睡客户短信唤醒▏"))
        } else {
            // Half the bar (38 columns) holds the end of the text, cut with … on a character boundary.
            let typed = bar.dropFirst().prefix { $0 != "▏" }
            #expect(typed.hasPrefix("…") && typed.hasSuffix("沉睡客户短信唤醒"))
            #expect(DisplayWidth.of(String(typed)) <= columns / 2 - 2)
        }
        // The cursor inside the wide text: the line is still exact, the text
        // after the cursor drawn after the mark.
        K.press(.left, .left, .left, in: &state)
        let moved = K.screen(state, columns: columns, rows: 24).split(separator: "\n", omittingEmptySubsequences: false)
        for line in moved { #expect(DisplayWidth.of(String(line)) == columns) }
        #expect(moved.last?.contains("沉睡客户短▏信唤醒") == true || columns == 80)
        #expect(moved.last?.contains("▏") == true)
    }
}
