import CampaignCore

/// The Gantt's rows, keys and scrolling (its drawing is in GanttPane.swift,
/// its task edits in GanttPane+TaskEdits.swift).
extension GanttPane: PaneUnit {
    static let bindings: [KeyBinding] = [
        KeyBinding([.left, .character("h")], .moveLeft, "scroll earlier", scope: .pane(.gantt), hint: "scroll"),
        KeyBinding([.right, .character("l")], .moveRight, "scroll later", scope: .pane(.gantt)),
        KeyBinding([.character("]")], .ganttZoomIn, "days axis", scope: .pane(.gantt), hint: "days"),
        KeyBinding([.character("[")], .ganttZoomOut, "weeks axis", scope: .pane(.gantt), hint: "weeks"),
        KeyBinding([.character(".")], .ganttToday, "scroll to today", scope: .pane(.gantt), hint: "today"),
    ] + taskEditBindings

    static func rowCount(_ state: DeckState) -> Int { state.plan.tasks.count }

    /// Box, axis line, a line per phase and task, and the selected task's line at the foot.
    static func wantedHeight(_ state: DeckState) -> Int { 4 + max(1, lines(state.plan).count) }

    /// Tasks in the order the chart shows them (grouped by phase, not file order).
    static func visibleRows(_ state: DeckState, filter: RowFilter?) -> [Int] {
        taskIndices(lines(state.plan, matching: filter))
    }

    static func screenOrder(_ state: DeckState) -> [Int] { taskIndices(lines(state.plan)) }

    static func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        switch command {
        case .moveLeft, .moveRight:
            state.gantt.scroll(by: command == .moveLeft ? -1 : 1, today: state.data.today,
                               campaignStart: state.plan.campaign.start)
        case .ganttZoomIn: state.gantt.scale = .days
        case .ganttZoomOut: state.gantt.scale = .weeks
        case .ganttToday: state.gantt.followsToday = true
        default: return performTaskEdit(command, &state)
        }
        return []
    }

    /// `:goto`: the task selected (its filter cleared if it hides it) and its bar in view.
    static func reveal(task index: Int, _ state: inout DeckState) {
        if !state.visibleRows(.gantt).contains(index) { FilterLine.clear(.gantt, &state) }
        state.selection[.gantt] = index
        if let start = state.schedule?[id: state.plan.tasks[index].id]?.earlyStart {
            state.gantt.reveal(start, campaignStart: state.plan.campaign.start)
        }
    }
}
