import CampaignCore

/// The dashboard's one state-changing function (the Bubble Tea lesson): an
/// action in, a new state and the effects to run out. Pure, so every key can
/// be tested without a terminal.
public enum DeckUpdate {
    public static let themes = ["default", "light", "high-contrast", "monochrome"]
    public static let speeds: [Double] = [1, 10, 60, 300, 600, 1_800, 3_600, 7_200]

    public static func apply(_ action: DeckAction, to state: inout DeckState) -> [DeckEffect] {
        let effects = changes(for: action, &state)
        // Whatever changed the rows (new data, an edit, a filter), the selection
        // stays on a row that is on screen.
        state.keepSelectionsVisible()
        return effects
    }

    private static func changes(for action: DeckAction, _ state: inout DeckState) -> [DeckEffect] {
        switch action {
        case .key(let key):
            let before = state.editor?.document.text
            let wasWalkingThrough = state.isInWalkthrough
            var effects = handle(key, &state)
            // The editor parsed the edited text already: the live side takes that plan, not the text.
            if let after = state.editor?.document, after.text != before, let version = PlanVersion(after) {
                effects.append(.planEdited(version))
            }
            // However the walkthrough closed (Esc, n past the end, 1-4, `:`), the app stops building the agenda.
            if wasWalkingThrough && !state.isInWalkthrough && !effects.contains(.walkthrough(active: false)) {
                effects.append(.walkthrough(active: false))
            }
            return effects
        case .resize: return []
        case .data(let snapshot):
            state.data = snapshot
            if let agenda = snapshot.agenda { state.agenda = agenda }
            if let notice = snapshot.notice { state.message = notice }
            return []
        case .streamEnded:
            state.stream = .finished
            return []
        case .message(let text):
            state.message = text
            return []
        case .saveFinished(let result):
            return saveFinished(result, &state)
        case .reloadFinished(let result):
            return reloadFinished(result, &state)
        }
    }

    /// A key's effects; `apply` adds `planEdited` when the plan's text changed.
    private static func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect] {
        switch state.overlay {
        case .prompt(let prompt)?:
            // A prompt takes every key until Enter or Esc.
            return editPrompt(key, prompt, &state)
        case .inputLine(let line)?:
            // So does the status-bar line.
            return editInputLine(key, line, &state)
        case .confirm(let question)?:
            return answer(key, question, &state)
        case .alertEditor?, .walkthrough?:
            let view: KeyBinding.ModalView = { if case .alertEditor? = state.overlay { return .alertEditor } else { return .walkthrough } }()
            if let binding = KeyRegistry.binding(for: key, in: view) {
                state.message = nil
                return run(binding.command, &state)
            }
        default:
            break
        }
        guard let binding = KeyRegistry.binding(for: key, in: state.focus) else {
            state.message = "\(key.label): no action here (? shows every key)"
            return []
        }
        state.message = nil
        return run(binding.command, &state)
    }

    static func run(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect] {
        switch command {
        case .nextPane: focus(Pane(rawValue: (state.focus.rawValue + 1) % Pane.allCases.count)!, &state)
        case .previousPane: focus(Pane(rawValue: (state.focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!, &state)
        case .focus(let pane): focus(pane, &state)
        case .moveUp: if !moveInOverlay(by: -1, &state) { move(by: -1, &state) }
        case .moveDown: if !moveInOverlay(by: 1, &state) { move(by: 1, &state) }
        case .pageUp: move(by: -10, &state)
        case .pageDown: move(by: 10, &state)
        case .moveHome: move(by: -Int.max / 2, &state)
        case .moveEnd: move(by: Int.max / 2, &state)
        case .moveLeft, .moveRight:
            if state.ganttFollowsToday, let today = state.data.today {
                state.ganttOffset = GanttPane.followOffset(today: today, start: state.plan.campaign.start, scale: state.ganttScale)
            }
            state.ganttFollowsToday = false
            let step = state.ganttScale == .days ? 7 : 28
            state.ganttOffset += command == .moveLeft ? -step : step
        case .ganttZoomIn: state.ganttScale = .days
        case .ganttZoomOut: state.ganttScale = .weeks
        case .ganttToday:
            state.ganttFollowsToday = true
        case .open: return open(&state)
        case .back:
            // Innermost first: an overlay, then the pane's filter, then the zoom.
            if state.overlay != nil {
                state.overlay = nil
            } else if state.filters[state.focus] != nil {
                clearFilter(of: state.focus, &state)
            } else if state.zoomed {
                state.zoomed = false
            }
        case .toggleHelp: state.overlay = state.overlay == .help ? nil : .help
        case .startFilter: return openInputLine(.filter(state.focus), &state)
        case .openCommandLine: return openInputLine(.command, &state)
        case .zoom: state.zoomed.toggle()
        case .togglePause:
            switch state.stream {
            case .paused:
                state.stream = .live
                state.message = "stream resumed"
                return [.setPaused(false)]
            case .finished:
                state.message = "the stream has ended"
            default:
                state.stream = .paused
                state.message = "stream paused (p resumes)"
                return [.setPaused(true)]
            }
        case .faster, .slower:
            let index = speeds.lastIndex { $0 <= state.speed } ?? 0
            let next = command == .faster ? min(index + 1, speeds.count - 1) : max(index - 1, 0)
            return setSpeed(speeds[next], &state)
        case .cycleTheme:
            let index = themes.firstIndex(of: state.themeName) ?? -1
            return useTheme(themes[(index + 1) % themes.count], &state)
        case .toggleKPIGrouping:
            state.kpiGrouping = state.kpiGrouping == .channel ? .segment : .channel
            state.selection[.kpis] = 0
        case .acknowledge, .assignOwner, .addNote, .resolveAnomaly:
            return anomalyCommand(command, &state)
        case .undo, .redo, .save, .moveTask, .resizeTask, .editTaskOwner, .editTaskProgress, .toggleTaskDone,
             .addTask, .duplicateTask, .deleteTask, .addDependency, .removeDependency, .editSegment,
             .openAlertEditor, .editAlert:
            return editCommand(command, &state)
        case .startWalkthrough, .nextStep, .previousStep:
            return walkthroughCommand(command, &state)
        case .quit:
            if state.hasUnsavedEdits {
                state.overlay = .confirm(.quitWithUnsavedEdits)
                return []
            }
            state.quitting = true
            return [.quit]
        }
        return []
    }

    /// `+`/`-` step through `speeds`; `:speed` sets any positive speed.
    static func setSpeed(_ speed: Double, _ state: inout DeckState) -> [DeckEffect] {
        state.speed = speed
        state.message = "replay ×\(Formatting.plain(speed))"
        return [.setSpeed(speed)]
    }

    /// `t` cycles through `themes`; `:theme` picks one by name.
    static func useTheme(_ name: String, _ state: inout DeckState) -> [DeckEffect] {
        state.themeName = name
        state.message = "theme: \(name)"
        return [.useTheme(name)]
    }

    private static func focus(_ pane: Pane, _ state: inout DeckState) {
        state.focus = pane
        state.overlay = nil
    }

    /// j/k inside the alert editor move its selection; true when handled.
    private static func moveInOverlay(by delta: Int, _ state: inout DeckState) -> Bool {
        guard case .alertEditor(let selected)? = state.overlay else { return false }
        let count = state.plan.alerts.count
        state.overlay = .alertEditor(selected: max(0, min(count - 1, selected + delta)))
        return true
    }

    private static func move(by delta: Int, _ state: inout DeckState) {
        // Move through what is on screen: the Gantt groups tasks by phase (not
        // file order), and a filter hides rows.
        let order = state.visibleRows(state.focus)
        guard !order.isEmpty else { return }
        let current = order.firstIndex(of: state.selected(state.focus)) ?? 0
        let last = order.count - 1
        let target = delta > 0 ? min(current.addingReportingOverflow(delta).overflow ? last : current + delta, last)
                                : max(current + delta, 0)
        state.selection[state.focus] = order[target]
    }

    private static func open(_ state: inout DeckState) -> [DeckEffect] {
        switch state.focus {
        case .segments:
            guard let index = state.visibleSelection(.segments) else { return [] }
            state.overlay = .personaCard(segment: index)
        case .anomalies:
            guard let anomaly = selectedAnomaly(state) else { return [] }
            state.overlay = .anomalyDetail(id: anomaly.id)
        case .gantt, .kpis:
            state.zoomed.toggle()
        }
        return []
    }

    static func selectedAnomaly(_ state: DeckState) -> DashboardSnapshot.AnomalyRow? {
        if case .anomalyDetail(let id)? = state.overlay { return state.data.anomalies.first { $0.id == id } }
        return state.visibleSelection(.anomalies).map { state.data.anomalies[$0] }
    }

    private static func anomalyCommand(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect] {
        guard let anomaly = selectedAnomaly(state) else {
            state.message = "no anomaly selected"
            return []
        }
        switch command {
        case .acknowledge:
            state.message = "#\(anomaly.id) acknowledged"
            return [.acknowledge(anomalyID: anomaly.id)]
        case .resolveAnomaly:
            state.overlay = .prompt(Prompt(.anomalyCause(anomaly.id)))
        case .assignOwner:
            state.overlay = .prompt(Prompt(.anomalyOwner(anomaly.id), text: anomaly.owner ?? ""))
        default:
            state.overlay = .prompt(Prompt(.anomalyNote(anomaly.id)))
        }
        return []
    }
}
