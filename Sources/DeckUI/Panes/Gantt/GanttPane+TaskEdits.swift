import CampaignText
import CampaignCore

/// The Gantt's editing keys: each becomes a `PlanEdit` on the selected task
/// (through the one history, so `u` / Ctrl-R cover them), or opens a prompt first.
extension GanttPane {
    static let taskEditBindings: [KeyBinding] = [
        KeyBinding("move_task_earlier", [.character("H")], .moveTask(days: -1), .keyMoveTaskEarlier, scope: .pane(.gantt), hint: .hintMoveTaskEarlier),
        KeyBinding("move_task_later", [.character("L")], .moveTask(days: 1), .keyMoveTaskLater, scope: .pane(.gantt)),
        KeyBinding("move_task_week_earlier", [.shiftLeft], .moveTask(days: -7), .keyMoveTaskWeekEarlier, scope: .pane(.gantt)),
        KeyBinding("move_task_week_later", [.shiftRight], .moveTask(days: 7), .keyMoveTaskWeekLater, scope: .pane(.gantt)),
        KeyBinding("shorten_task", [.character("<")], .resizeTask(days: -1), .keyShortenTask, scope: .pane(.gantt)),
        KeyBinding("stretch_task", [.character(">")], .resizeTask(days: 1), .keyStretchTask, scope: .pane(.gantt), hint: .hintStretchTask),
        KeyBinding("edit_task_owner", [.character("o")], .editTaskOwner, .keyEditTaskOwner, scope: .pane(.gantt), hint: .hintEditTaskOwner),
        KeyBinding("edit_task_progress", [.character("%")], .editTaskProgress, .keyEditTaskProgress, scope: .pane(.gantt)),
        KeyBinding("toggle_task_done", [.character("x")], .toggleTaskDone, .keyToggleTaskDone, scope: .pane(.gantt), hint: .hintToggleTaskDone),
        KeyBinding("add_task", [.character("a")], .addTask, .keyAddTask, scope: .pane(.gantt), hint: .hintAddTask),
        KeyBinding("duplicate_task", [.character("D")], .duplicateTask, .keyDuplicateTask, scope: .pane(.gantt)),
        KeyBinding("delete_task", [.character("d"), .delete], .deleteTask, .keyDeleteTask, scope: .pane(.gantt)),
        KeyBinding("add_dependency", [.character("A")], .addDependency, .keyAddDependency, scope: .pane(.gantt), hint: .hintAddDependency),
        KeyBinding("remove_dependency", [.character("R")], .removeDependency, .keyRemoveDependency, scope: .pane(.gantt)),
    ]

    /// nil when `command` is not a task edit.
    static func performTaskEdit(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        let body: (String, inout DeckState) -> Void
        switch command {
        // A moved or stretched bar may leave the screen: the chart follows it.
        case .moveTask(let days):
            body = { id, state in
                if PlanEditing.edit(.moveTask(id: id, days: days), selecting: id, &state) == .applied { keepInView(task: id, &state) }
            }
        case .resizeTask(let days):
            body = { id, state in
                if PlanEditing.edit(.resizeTask(id: id, days: days), selecting: id, &state) == .applied { keepInView(task: id, &state) }
            }
        case .toggleTaskDone:
            body = { id, state in
                let done = (state.plan.task(id)?.progress ?? 0) >= 1
                PlanEditing.edit(.setProgress(taskID: id, progress: done ? 0 : 1), selecting: id, &state)
            }
        case .duplicateTask:
            // Select the copy, whatever number it got: `D` then `d` must delete the new copy.
            body = { id, state in
                PlanEditing.edit(.duplicateTask(id: id), selecting: PlanEditor.duplicateID(of: id, in: state.plan), &state)
            }
        case .deleteTask:
            body = { id, state in
                if PlanEditing.edit(.deleteTask(id: id), &state) == .applied {
                    state.message = Phrase.editUndoes.text(state.message ?? "")
                }
            }
        case .editTaskOwner:
            body = { id, state in state.overlay = .prompt(Prompt(.taskOwner(id), text: state.plan.task(id)?.owner ?? "")) }
        case .editTaskProgress:
            body = { id, state in
                let progress = state.plan.task(id)?.progress ?? 0
                state.overlay = .prompt(Prompt(.taskProgress(id), text: Formatting.plain((progress * 100).rounded()) + "%"))
            }
        case .addTask:
            body = { id, state in state.overlay = .prompt(Prompt(.newTask(after: id))) }
        case .addDependency:
            body = { id, state in state.overlay = .prompt(Prompt(.addDependency(id))) }
        case .removeDependency:
            body = { id, state in
                let after = state.plan.task(id)?.after ?? []
                guard !after.isEmpty else { state.message = GanttText.waitsForNothing(id); return }
                state.overlay = .prompt(Prompt(.removeDependency(id), text: after.count == 1 ? after[0].taskID : ""))
            }
        default:
            return nil
        }
        guard PlanEditing.requireEditor(&state) else { return [] }
        // Keys never act on a task that is not shown (the filter may hide every task).
        guard let index = state.visibleSelection(.gantt) else {
            state.message = GanttText.noTaskSelected
            return []
        }
        body(state.plan.tasks[index].id, &state)
        return []
    }
}
