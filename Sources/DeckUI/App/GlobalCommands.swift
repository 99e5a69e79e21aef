import CampaignText
import CampaignCore

/// The commands that work in every pane: focus, selection, zoom, the stream,
/// themes, undo and saving, help, quitting.
enum GlobalCommands {
    static let themes = BuiltinThemes.names
    static let speeds: [Double] = [1, 10, 60, 300, 600, 1_800, 3_600, 7_200]

    static func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect] {
        switch command {
        case .nextPane: focus(Pane(rawValue: (state.focus.rawValue + 1) % Pane.allCases.count)!, &state)
        case .previousPane: focus(Pane(rawValue: (state.focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!, &state)
        case .focus(let pane): focus(pane, &state)
        case .moveUp: move(by: -1, &state)
        case .moveDown: move(by: 1, &state)
        case .pageUp: move(by: -10, &state)
        case .pageDown: move(by: 10, &state)
        case .moveHome: move(by: -Int.max / 2, &state)
        case .moveEnd: move(by: Int.max / 2, &state)
        case .open: return state.focus.unit.open(&state)
        case .back:
            // Innermost first: an overlay, then the pane's filter, then the zoom.
            if state.overlay != nil {
                state.overlay = nil
            } else if state.filters[state.focus] != nil {
                FilterLine.clear(state.focus, &state)
            } else if state.zoomed {
                state.zoomed = false
            }
        case .toggleHelp:
            if case .help? = state.overlay { state.overlay = nil } else { state.overlay = .help(scroll: 0) }
        // The line takes the overlay's place (a walkthrough under it ends; `DeckUpdate.apply` tells the app).
        case .startFilter: state.overlay = .inputLine(InputLine(.filter(state.focus)))
        case .openCommandLine: state.overlay = .inputLine(InputLine(.command))
        case .zoom: state.zoomed.toggle()
        case .togglePause: return togglePause(&state)
        case .faster, .slower:
            let index = speeds.lastIndex { $0 <= state.speed } ?? 0
            let next = command == .faster ? min(index + 1, speeds.count - 1) : max(index - 1, 0)
            return setSpeed(speeds[next], &state)
        case .cycleTheme:
            let index = themes.firstIndex(of: state.themeName) ?? -1
            return useTheme(themes[(index + 1) % themes.count], &state)
        case .undo: PlanEditing.undo(&state)
        case .redo: PlanEditing.redo(&state)
        case .save: return PlanSaving.save(&state)
        case .copySelection: return copy(&state)
        case .sortNextColumn, .sortPreviousColumn, .reverseSort: TableSorting.perform(command, &state)
        case .startWalkthrough:
            state.overlay = .walkthrough(step: 0)
            return [.walkthrough(active: true)]
        case .quit:
            if state.hasUnsavedEdits {
                state.overlay = .confirm(.quitWithUnsavedEdits)
                return []
            }
            state.quitting = true
            return [.quit]
        case .moveLeft, .moveRight, .ganttZoomIn, .ganttZoomOut, .ganttToday, .moveTask, .resizeTask,
             .editTaskOwner, .editTaskProgress, .toggleTaskDone, .addTask, .duplicateTask, .deleteTask,
             .addDependency, .removeDependency, .editSegment, .toggleKPIGrouping, .openAlertEditor, .showTargets,
             .acknowledge, .assignOwner, .addNote, .resolveAnomaly, .reopenAnomaly, .silence, .editAlert, .nextStep, .previousStep,
             .nextMatch, .previousMatch:
            // A pane's or a view's own command: its unit ran it if that pane
            // has the focus or that view is open; anywhere else it does nothing.
            break
        }
        return []
    }

    /// `+`/`-` step through `speeds`; `:speed` sets any positive speed.
    static func setSpeed(_ speed: Double, _ state: inout DeckState) -> [DeckEffect] {
        state.speed = speed
        state.message = Phrase.replaySpeed.text(Formatting.plain(speed))
        return [.setSpeed(speed)]
    }

    /// `t` cycles through `themes`; `:theme` picks one by name.
    static func useTheme(_ name: String, _ state: inout DeckState) -> [DeckEffect] {
        state.themeName = name
        state.message = Phrase.themeSet.text(name)
        return [.useTheme(name)]
    }

    /// `y`: the selection to the clipboard, and the status line says what went.
    private static func copy(_ state: inout DeckState) -> [DeckEffect] {
        guard let selection = ClipboardText.selection(state) else {
            state.message = Phrase.copyNothing.text()
            return []
        }
        let count = selection.text.count
        state.message = count == 1 ? Phrase.copyDoneOne.text(selection.what) : Phrase.copyDone.text(selection.what, count)
        return [.copyToClipboard(selection.text)]
    }

    private static func togglePause(_ state: inout DeckState) -> [DeckEffect] {
        switch state.stream {
        case .paused:
            state.stream = .live
            state.message = Phrase.streamResumed.text()
            return [.setPaused(false)]
        case .finished:
            state.message = Phrase.streamHasEnded.text()
            return []
        case .live, .replay:
            state.stream = .paused
            state.message = Phrase.streamPausedMessage.text()
            return [.setPaused(true)]
        }
    }

    private static func focus(_ pane: Pane, _ state: inout DeckState) {
        state.focus = pane
        state.overlay = nil
    }

    /// Moves through what is on screen: the Gantt groups tasks by phase (not
    /// file order), and a filter hides rows.
    private static func move(by delta: Int, _ state: inout DeckState) {
        let order = state.visibleRows(state.focus)
        guard !order.isEmpty else { return }
        let current = order.firstIndex(of: state.selected(state.focus)) ?? 0
        let last = order.count - 1
        let target = delta > 0 ? min(current.addingReportingOverflow(delta).overflow ? last : current + delta, last)
                                : max(current + delta, 0)
        state.selection[state.focus] = order[target]
    }
}
