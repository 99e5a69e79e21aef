/// The two numbers where milestones differ from normal tasks, kept in one
/// place so the forward and backward passes cannot disagree about them.
extension ScheduleInput.Task {
    /// Finish minus start. Dates are inclusive, so a 5-day task starting on
    /// the 2nd finishes on the 6th (offset 4); a milestone finishes the day it starts.
    var finishOffset: Int { isMilestone ? 0 : durationDays - 1 }

    /// Days from this task's finish to the first day a successor may start,
    /// before lag: the next day after work, the same day after a milestone.
    var successorGap: Int { isMilestone ? 0 : 1 }

    /// What a schedule shows as the duration: a milestone has none.
    var scheduledDuration: Int { isMilestone ? 0 : durationDays }
}
