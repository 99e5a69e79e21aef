import CampaignText
import CampaignCore

/// The Gantt's rows, keys and scrolling (its drawing is in GanttPane.swift,
/// its task edits in GanttPane+TaskEdits.swift).
extension GanttPane: PaneUnit {
    static let bindings: [KeyBinding] = [
        KeyBinding("scroll_earlier", [.left, .character("h")], .moveLeft, .keyScrollEarlier, scope: .pane(.gantt), hint: .hintScrollEarlier),
        KeyBinding("scroll_later", [.right, .character("l")], .moveRight, .keyScrollLater, scope: .pane(.gantt)),
        KeyBinding("gantt_days", [.character("]")], .ganttZoomIn, .keyGanttDays, scope: .pane(.gantt), hint: .hintGanttDays),
        KeyBinding("gantt_weeks", [.character("[")], .ganttZoomOut, .keyGanttWeeks, scope: .pane(.gantt), hint: .hintGanttWeeks),
        KeyBinding("gantt_today", [.character(".")], .ganttToday, .keyGanttToday, scope: .pane(.gantt), hint: .hintGanttToday),
        KeyBinding("task_card", [.enter], .open, .keyTaskCard, scope: .pane(.gantt)),
    ] + taskEditBindings

    static func rowCount(_ state: DeckState) -> Int { state.plan.tasks.count }

    /// Box, axis line, a line per phase and task, and the selected task's line at the foot.
    static func wantedHeight(_ state: DeckState) -> Int { 4 + max(1, lines(state.plan).count) }

    /// Tasks in the order the chart shows them (grouped by phase, not file order).
    static func visibleRows(_ state: DeckState, filter: RowFilter?) -> [Int] {
        taskIndices(lines(state.plan, matching: filter))
    }

    static func screenOrder(_ state: DeckState) -> [Int] { taskIndices(lines(state.plan)) }

    /// Enter: the selected task's card (dates, float, what it waits for and what waits for it…).
    static func open(_ state: inout DeckState) -> [DeckEffect] {
        guard let index = state.visibleSelection(.gantt) else {
            state.message = GanttText.noTaskSelected
            return []
        }
        state.overlay = .taskCard(task: state.plan.tasks[index].id)
        return []
    }

    static func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        let extent = state.ganttExtent, today = state.data.today
        switch command {
        case .moveLeft, .moveRight:
            let earlier = command == .moveLeft
            if !state.gantt.scroll(by: earlier ? -1 : 1, extent, today: today) {
                state.message = earlier ? GanttText.atPlanStart : GanttText.atPlanEnd
            }
        case .ganttZoomIn: state.gantt.change(to: .days, extent, today: today)
        case .ganttZoomOut: state.gantt.change(to: .weeks, extent, today: today)
        case .ganttToday: state.gantt.followsToday = true
        default: return performTaskEdit(command, &state)
        }
        return []
    }

    /// The task at today: the first, in screen order, not finished by today
    /// (the one under way or next); after the last finish, the last task.
    /// Selected on each new frame of data until the user turns to the Gantt,
    /// so a campaign opened late is shown at its current tasks.
    static func selectTaskAtToday(_ state: inout DeckState) {
        guard state.gantt.rowsFollowToday, let today = state.data.today, let schedule = state.schedule else { return }
        let order = screenOrder(state).filter { $0 < schedule.tasks.count }
        guard let current = order.first(where: { schedule.tasks[$0].earlyFinish >= today }) ?? order.last else { return }
        state.selection[.gantt] = current
    }

    /// `:goto`: the task selected (its filter cleared if it hides it) and its bar in view.
    static func reveal(task index: Int, _ state: inout DeckState) {
        if !state.visibleRows(.gantt).contains(index) { FilterLine.clear(.gantt, &state) }
        state.selection[.gantt] = index
        if let timing = state.schedule?[id: state.plan.tasks[index].id] {
            state.gantt.reveal(timing.earlyStart...timing.earlyFinish, state.ganttExtent)
        }
    }

    /// After an edit of the task `id` (moved, stretched, copied): if its bar is
    /// now partly or wholly off screen, the chart scrolls to it.
    static func keepInView(task id: String, _ state: inout DeckState) {
        guard let timing = state.schedule?[id: id] else { return }
        state.gantt.keepInView(timing.earlyStart...timing.earlyFinish, state.ganttExtent, today: state.data.today)
    }
}
