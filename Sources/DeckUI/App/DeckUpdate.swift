import CampaignCore

/// The dashboard's one state-changing function (the Bubble Tea lesson): an
/// action in, a new state and the effects to run out. Pure, so every key can
/// be tested without a terminal.
public enum DeckUpdate {
    public static let themes = ["default", "light", "high-contrast", "monochrome"]
    public static let speeds: [Double] = [1, 10, 60, 300, 600, 1_800, 3_600, 7_200]

    public static func apply(_ action: DeckAction, to state: inout DeckState) -> [DeckEffect] {
        switch action {
        case .key(let key): return handle(key, &state)
        case .resize: return []
        case .data(let snapshot):
            state.data = snapshot
            if let agenda = snapshot.agenda { state.agenda = agenda }
            clampSelections(&state)
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

    private static func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect] {
        switch state.overlay {
        case .prompt(let prompt)?:
            // A prompt takes every key until Enter or Esc.
            let before = state.editor?.document.text
            var effects = editPrompt(key, prompt, &state)
            if let after = state.editor?.document.text, after != before { effects.append(.planEdited(text: after)) }
            return effects
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
        let before = state.editor?.document.text
        var effects = run(binding.command, &state)
        if let after = state.editor?.document.text, after != before { effects.append(.planEdited(text: after)) }
        return effects
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
            if case .walkthrough? = state.overlay {
                state.overlay = nil
                return [.walkthrough(active: false)]
            }
            if state.overlay != nil { state.overlay = nil } else if state.zoomed { state.zoomed = false }
        case .toggleHelp: state.overlay = state.overlay == .help ? nil : .help
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
            state.speed = speeds[next]
            state.message = "replay ×\(Formatting.plain(state.speed))"
            return [.setSpeed(state.speed)]
        case .cycleTheme:
            let index = themes.firstIndex(of: state.themeName) ?? -1
            state.themeName = themes[(index + 1) % themes.count]
            state.message = "theme: \(state.themeName)"
            return [.useTheme(state.themeName)]
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
        let count = state.rowCount(state.focus)
        guard count > 0 else { return }
        // The Gantt lists tasks grouped by phase, which need not be file order:
        // move through what is on screen.
        let order = state.focus == .gantt ? GanttPane.lines(state.plan).compactMap { line -> Int? in
            if case .task(let index) = line { return index } else { return nil }
        } : Array(0..<count)
        let current = order.firstIndex(of: state.selected(state.focus)) ?? 0
        let last = order.count - 1
        let target = delta > 0 ? min(current.addingReportingOverflow(delta).overflow ? last : current + delta, last)
                                : max(current + delta, 0)
        state.selection[state.focus] = order[target]
    }

    private static func clampSelections(_ state: inout DeckState) {
        for pane in Pane.allCases {
            let count = state.rowCount(pane)
            if state.selected(pane) >= count { state.selection[pane] = max(0, count - 1) }
        }
    }

    private static func open(_ state: inout DeckState) -> [DeckEffect] {
        switch state.focus {
        case .segments:
            guard state.rowCount(.segments) > 0 else { return [] }
            state.overlay = .personaCard(segment: state.selected(.segments))
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
        let index = state.selected(.anomalies)
        return index < state.data.anomalies.count ? state.data.anomalies[index] : nil
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
