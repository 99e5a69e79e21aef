/// Maps a plan's tasks onto the schedule engine's input.
public enum PlanScheduling {
    public static func input(for plan: Plan) -> ScheduleInput {
        ScheduleInput(projectStart: plan.campaign.start, tasks: plan.tasks.map { task in
            ScheduleInput.Task(id: task.id, start: task.start, durationDays: task.durationDays,
                               isMilestone: task.isMilestone,
                               after: task.after.map { ScheduleInput.Dependency(taskID: $0.taskID, lagDays: $0.lagDays) },
                               progress: task.progress)
        })
    }
}
