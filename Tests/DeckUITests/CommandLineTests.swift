import CampaignCore
@testable import DeckUI
import Testing

/// `:` runs commands that do what keys do. Each expected plan text
/// is computed by `PlanEditor` on the untouched demo, not by the dashboard.
@Suite struct CommandLineTests {
    typealias K = KeyTyping

    /// The state on the demo with `command` typed but not yet run.
    func typing(_ command: String) -> DeckState {
        var state = K.editableDemo()
        K.press(.character(":"), in: &state)
        K.type(command, in: &state)
        return state
    }

    @Test func moveDoesWhatLAndShiftArrowDo() throws {
        var byKey = K.editableDemo(), byCommand = K.editableDemo()
        K.press(.character("2"), .character("L"), in: &byKey) // kickoff is selected first
        let effects = K.command("move kickoff +1d", in: &byCommand)
        let expected = try K.demoText(after: .moveTask(id: "kickoff", days: 1))
        #expect(byKey.editor?.document.text == expected)
        #expect(byCommand.editor?.document.text == expected)
        #expect(effects == [.planEdited(PlanVersion(PlanDocument(text: expected))!)])
        #expect(byCommand.message == byKey.message)
        #expect(byCommand.overlay == nil)

        K.press(.character("G"), .shiftRight, in: &byKey)
        K.command("move close +1w", in: &byCommand)
        #expect(byCommand.editor?.document.text == byKey.editor?.document.text)
        #expect(byCommand.editor?.document.text != expected)
        // One history: u undoes a command like a key.
        K.press(.character("u"), in: &byCommand)
        #expect(byCommand.editor?.document.text == expected)
    }

    @Test func ownerProgressAndAfterAnswerTheKeysPrompts() throws {
        var byKey = K.editableDemo()
        K.press(.character("2"), .character("o"), .control("u"), in: &byKey)
        K.type("Li Wei", in: &byKey)
        K.press(.enter, in: &byKey)
        let owner = try K.demoText(after: .setOwner(taskID: "kickoff", owner: "Li Wei"))
        #expect(byKey.editor?.document.text == owner)
        for command in ["owner kickoff \"Li Wei\"", "owner kickoff 'Li Wei'", "owner kickoff Li Wei"] {
            var state = K.editableDemo()
            K.command(command, in: &state)
            #expect(state.editor?.document.text == owner, "\(command)")
        }

        var state = K.editableDemo()
        K.command("progress warmup 40%", in: &state)
        #expect(state.editor?.document.text == (try K.demoText(after: .setProgress(taskID: "warmup", progress: 0.4))))
        state = K.editableDemo()
        K.command("progress warmup 40", in: &state) // as in the prompt, 40 means 40 %
        #expect(state.editor?.document.text == (try K.demoText(after: .setProgress(taskID: "warmup", progress: 0.4))))

        state = K.editableDemo()
        K.command("after community-setup creative-brief", in: &state)
        let after = try K.demoText(after: .addDependency(taskID: "community-setup", waitsFor: "creative-brief"))
        #expect(state.editor?.document.text == after)
    }

    @Test func saveAndQuitCommandsDoWhatCtrlSAndQDo() {
        var state = K.editableDemo()
        #expect(K.command("w", in: &state).isEmpty)
        #expect(state.message == "nothing to save")
        #expect(K.command("wq", in: &state) == [.quit], "nothing unsaved: :wq just quits")

        state = K.editableDemo()
        K.command("move kickoff +1d", in: &state)
        let text = state.editor!.document.text
        #expect(K.command("w", in: &state) == [.savePlan(text: text, overwrite: false)])
        // :q with unsaved edits asks, like q.
        #expect(K.command("q", in: &state).isEmpty)
        #expect(state.overlay == .confirm(.quitWithUnsavedEdits))
        #expect(!state.quitting)
        K.press(.escape, in: &state)
        #expect(K.command("q!", in: &state) == [.quit])
        #expect(state.quitting)

        state = K.editableDemo()
        K.command("move kickoff +1d", in: &state)
        #expect(K.command("wq", in: &state) == [.savePlan(text: text, overwrite: false)])
        #expect(!state.quitting, "quits once the save succeeded")
        #expect(DeckUpdate.apply(.saveFinished(.saved(path: "shop.yaml", text: text)), to: &state)
                == [.planSaved(PlanVersion(PlanDocument(text: text))!), .quit])
        #expect(state.quitting)
    }

    @Test func themeSpeedPauseResumeAndHelp() {
        var state = K.editableDemo()
        #expect(K.command("theme light", in: &state) == [.useTheme("light")])
        #expect(state.themeName == "light")
        // A theme file goes to the app, which loads it (or says why not).
        #expect(K.command("theme themes/mine.theme", in: &state) == [.useTheme("themes/mine.theme")])
        #expect(K.command("speed 120", in: &state) == [.setSpeed(120)])
        #expect(state.speed == 120)
        #expect(K.command("speed x600", in: &state) == [.setSpeed(600)])
        #expect(K.command("pause", in: &state) == [.setPaused(true)])
        #expect(K.command("pause", in: &state).isEmpty)
        #expect(state.message == "the stream is already paused")
        #expect(K.command("resume", in: &state) == [.setPaused(false)])
        #expect(state.stream == .live)
        #expect(K.command("resume", in: &state).isEmpty)
        #expect(state.message == "the stream is not paused")
        K.command("help", in: &state)
        #expect(state.overlay == .help(scroll: 0))
    }

    @Test func gotoFocusesTheGanttOnTheTaskEvenWhenTheFilterHidesIt() {
        var state = K.editableDemo()
        K.command("goto crm-setup", in: &state)
        #expect(state.focus == .gantt)
        #expect(K.selectedTask(state) == "crm-setup")
        state.filters[.gantt] = "素材"
        K.command("goto kickoff", in: &state)
        #expect(K.selectedTask(state) == "kickoff")
        #expect(state.filters[.gantt] == nil)
        #expect(state.message == "Gantt: filter /素材 cleared")
    }

    @Test func gotoScrollsTheChartToTheTask() throws {
        var state = K.editableDemo()
        K.command("goto data-review", in: &state)
        let start = try #require(state.schedule?[id: "data-review"]?.earlyStart)
        // Three days of lead-in before the bar on the day axis would be offset
        // 56 - 3 = 53, but at 80×24 the axis has 25 columns and the plan ends
        // at offset 64: the chart stops at 64 - 25 + 1 = 40, the bar (56..60)
        // in columns 16..20. The chart stops following today.
        #expect(start - state.plan.campaign.start == 56)
        #expect(state.gantt.offset == 40)
        #expect(!state.gantt.followsToday)
        K.command("goto kickoff", in: &state)
        #expect(state.gantt.offset == 0, "never before the campaign starts")
    }

    @Test func upAndDownRecallEarlierCommands() {
        var state = K.editableDemo()
        K.command("goto kickoff", in: &state)
        K.command("pause", in: &state)
        K.command("pause", in: &state) // the same twice in a row is kept once
        #expect(state.commandHistory == ["goto kickoff", "pause"])
        _ = K.press(.character(":"), in: &state)
        _ = K.press(.up, in: &state)
        #expect(state.overlay == .inputLine(InputLine(.command, text: "pause", historyPosition: 1)))
        _ = K.press(.up, .up, in: &state) // stops at the oldest
        #expect(state.overlay == .inputLine(InputLine(.command, text: "goto kickoff", historyPosition: 0)))
        _ = K.press(.down, .down, in: &state) // past the newest: an empty line
        #expect(state.overlay == .inputLine(InputLine(.command)))
    }

    @Test func anUnknownCommandSuggestsTheClosestAndChangesNothing() {
        var state = typing("moev kickoff +1d")
        #expect(K.press(.enter, in: &state).isEmpty)
        #expect(state.message == "unknown command 'moev' (did you mean 'move'?)")
        // An empty line stays open, so the next keys do not land after the
        // failed command; ↑ brings it back to fix.
        #expect(state.overlay == .inputLine(InputLine(.command)))
        #expect(state.editor?.document.text == DemoCampaign.planText())
        #expect(K.screen(state).contains("unknown command 'moev' (did you mean 'move'?)"))

        // Typing drops the error from the bar (the log keeps it): the bar shows the usage of what is typed now.
        K.type("m", in: &state)
        #expect(state.message == nil)
        #expect(state.messages.log.last?.text == "unknown command 'moev' (did you mean 'move'?)")
        #expect(state.overlay == .inputLine(InputLine(.command, text: "m")))

        state = typing("xyzzy")
        K.press(.enter, in: &state)
        #expect(state.message == "unknown command 'xyzzy' (:help lists commands)")
    }

    @Test(arguments: [
        ("move kickoff", "missing +3d|-1w (usage: :move TASK +3d|-1w)"),
        ("move", "missing TASK (usage: :move TASK +3d|-1w)"),
        ("move kickoff soon", "a shift looks like +3d, -2d or +1w; got 'soon'"),
        ("move kickoff +1d now", "too many arguments: 'now' (usage: :move TASK +3d|-1w)"),
        ("move kickof +1d", "no task 'kickof' (did you mean 'kickoff'?)"),
        ("owner kickoff \"Li Wei", "the \" quote is not closed"),
        ("q now", ":q takes no arguments"),
        ("speed fast", "the speed is a positive number such as 60 or 600; got 'fast'"),
        ("speed 0", "the speed is a positive number such as 60 or 600; got '0'"),
        ("theme lihgt", "unknown theme 'lihgt' (did you mean 'light'?); themes: default, light, high-contrast, monochrome"),
        ("goto crm-stup", "no task 'crm-stup' (did you mean 'crm-setup'?)"),
    ])
    func badArgumentsSayWhatIsWrongAndChangeNothing(command: String, message: String) {
        var state = typing(command)
        let before = state
        #expect(K.press(.enter, in: &state).isEmpty)
        #expect(state.message == message)
        #expect(before.overlay != .inputLine(InputLine(.command)))
        #expect(state.overlay == .inputLine(InputLine(.command)), "an empty line stays open")
        #expect(state.editor?.document.text == DemoCampaign.planText())
        #expect(state.themeName == before.themeName && state.speed == before.speed && state.focus == before.focus)
    }

    @Test func aRefusedEditLeavesAnEmptyLineWithTheEditorsReason() {
        // kickoff ← creative-brief ← segment-analysis ← kickoff would be a cycle.
        var state = typing("after kickoff creative-brief")
        K.press(.enter, in: &state)
        #expect(state.message?.hasPrefix("refused: that makes a cycle: kickoff → creative-brief") == true)
        #expect(state.overlay == .inputLine(InputLine(.command)))
        #expect(!state.hasUnsavedEdits)

        state = typing("progress kickoff lots")
        K.press(.enter, in: &state)
        #expect(state.overlay == .inputLine(InputLine(.command)))
        #expect(state.message?.contains("progress") == true)
        #expect(!state.hasUnsavedEdits)
    }

    @Test func aPlanThatCannotBeEditedSaysSo() {
        let plan = KeyTyping.editableDemo().plan
        var state = DeckState(plan: plan, schedule: nil)
        K.command("move kickoff +1d", in: &state)
        #expect(state.message == "this plan cannot be edited here")
    }

    @Test func escapeCancelsAndEmptyEnterDoesNothing() {
        var state = typing("q!")
        #expect(K.press(.escape, in: &state).isEmpty)
        #expect(state.overlay == nil && !state.quitting)
        #expect(state.message == "cancelled")
        #expect(K.command("", in: &state).isEmpty)
        #expect(state.overlay == nil)
    }

    @Test func theLineShowsInTheStatusBarWithTheUsageOfWhatIsTyped() {
        let state = typing("mo")
        let bottom = K.screen(state).split(separator: "\n").last.map(String.init) ?? ""
        #expect(bottom.hasPrefix(" :mo▏  :move TASK +3d|-1w  move a task (as H/L)"))
        #expect(CommandTable.hint(for: "p") == ":pause :progress :persona")
        #expect(CommandTable.hint(for: "") == "Tab completes · :help lists commands")
        #expect(CommandTable.hint(for: "moev kickoff") == "did you mean :move?")
    }

    @Test func tabCompletesCommandNames() {
        for (typed, expected) in [("mo", "move "), ("pa", "pause"), ("re", "resume"), ("go", "goto "), (":wq", ":wq")] {
            var state = typing(typed)
            K.press(.tab, in: &state)
            #expect(K.lineText(state) == expected, "\(typed)")
        }
        // `p`: pause or progress share nothing more, so Tab puts in the first, Tab again the next.
        var state = typing("p")
        K.press(.tab, in: &state)
        #expect(K.lineText(state) == "pause")
        K.press(.tab, in: &state)
        #expect(K.lineText(state) == "progress ")
    }

    @Test func wordsSplitLikeAShell() throws {
        #expect(try CommandWords.split("owner kickoff \"Li Wei\"") == ["owner", "kickoff", "Li Wei"])
        #expect(try CommandWords.split(" 'a b'  c\\ d \"e\\\"f\" ") == ["a b", "c d", "e\"f"])
        #expect(try CommandWords.split("owner a 张　三") == ["owner", "a", "张　三"], "a full-width space is part of the name")
        #expect(try CommandWords.split("filter ''") == ["filter", ""])
    }

    @Test func controlCharactersNeverReachTheLineRaw() {
        var state = typing("owner kickoff a")
        K.press(.character("\u{9B}"), .character("\u{202E}"), in: &state) // C1 CSI, a bidi override
        #expect(state.overlay == .inputLine(InputLine(.command, text: "owner kickoff a")))
        // Even text that got there another way is shown as escapes.
        state.overlay = .inputLine(InputLine(.command, text: "owner kickoff \u{1B}]0;owned\u{07}"))
        let screen = K.screen(state)
        #expect(!screen.unicodeScalars.contains("\u{1B}"))
        #expect(screen.contains(":owner kickoff \\u{1B}]0;owned\\u{07}▏"))
    }

    @Test func openingTheLineFromTheWalkthroughEndsIt() {
        var state = K.editableDemo()
        K.press(.character("w"), in: &state)
        #expect(K.press(.character(":"), in: &state) == [.walkthrough(active: false)])
        #expect(state.overlay == .inputLine(InputLine(.command)))
    }

    @Test func everyCommandIsInTheHelpAndNoNameIsUsedTwice() {
        let state = K.editableDemo()
        let screen = HelpOverlayTests.everyPage(of: state, columns: 120, rows: 60)
        for command in CommandTable.commands {
            #expect(screen.contains(command.usage), "help lacks \(command.usage)")
            #expect(screen.contains(command.help), "help lacks '\(command.help)'")
        }
        #expect(Set(CommandTable.commands.map(\.name)).count == CommandTable.commands.count)
    }
}
