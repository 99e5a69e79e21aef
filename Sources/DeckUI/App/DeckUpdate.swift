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
            clampSelections(&state)
            return []
        case .streamEnded:
            state.stream = .finished
            return []
        case .message(let text):
            state.message = text
            return []
        }
    }

    private static func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect] {
        // A prompt takes every key until Enter or Esc.
        if case .prompt(let purpose, let id, let text)? = state.overlay {
            return editPrompt(key, purpose: purpose, id: id, text: text, &state)
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
        case .moveUp: move(by: -1, &state)
        case .moveDown: move(by: 1, &state)
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
        case .quit:
            state.quitting = true
            return [.quit]
        }
        return []
    }

    private static func focus(_ pane: Pane, _ state: inout DeckState) {
        state.focus = pane
        state.overlay = nil
    }

    private static func move(by delta: Int, _ state: inout DeckState) {
        let count = state.rowCount(state.focus)
        guard count > 0 else { return }
        let current = state.selected(state.focus)
        let target = delta > 0 ? min(current.addingReportingOverflow(delta).overflow ? count - 1 : current + delta, count - 1)
                                : max(current + delta, 0)
        state.selection[state.focus] = target
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
            state.overlay = .prompt(.cause, anomalyID: anomaly.id, text: "")
        case .assignOwner:
            state.overlay = .prompt(.owner, anomalyID: anomaly.id, text: anomaly.owner ?? "")
        default:
            state.overlay = .prompt(.note, anomalyID: anomaly.id, text: "")
        }
        return []
    }

    private static func editPrompt(_ key: Key, purpose: DeckState.PromptPurpose, id: Int64, text: String,
                                   _ state: inout DeckState) -> [DeckEffect] {
        var text = text
        switch key {
        case .escape:
            state.overlay = nil
            state.message = "cancelled"
            return []
        case .enter:
            state.overlay = nil
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            switch purpose {
            case .cause:
                state.overlay = .prompt(.action(cause: trimmed), anomalyID: id, text: "")
                return []
            case .action(let cause):
                state.message = "#\(id) resolved"
                return [.resolve(anomalyID: id, cause: cause.isEmpty ? nil : cause, action: trimmed.isEmpty ? nil : trimmed)]
            case .owner, .note:
                guard !trimmed.isEmpty else {
                    state.message = "nothing entered"
                    return []
                }
                state.message = purpose == .owner ? "#\(id) assigned to \(trimmed)" : "note added to #\(id)"
                return [purpose == .owner ? .assignOwner(anomalyID: id, owner: trimmed) : .addNote(anomalyID: id, text: trimmed)]
            }
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .character(let character):
            text.append(character)
        default:
            break
        }
        state.overlay = .prompt(purpose, anomalyID: id, text: text)
        return []
    }
}
