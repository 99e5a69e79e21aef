import CampaignText

/// Why a plan cannot be scheduled at all.
///
/// The scheduler refuses rather than guessing: a cycle has no earliest start,
/// and a dangling reference would silently drop a constraint the planner wrote.
/// Validation reports every problem (see `ScheduleInput.dependencyCycles()` and
/// `unknownDependencies()`); this error names only the first one found.
public enum ScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two tasks share an id, so `after:` references would be ambiguous.
    case duplicateTaskID(String)
    /// `taskID` lists `missingID` in `after`, but no task has that id.
    case unknownDependency(taskID: String, missingID: String)
    /// A normal task must cover at least one day (a zero-length one is a milestone).
    case nonPositiveDuration(taskID: String, days: Int)
    /// `cycle[i]` waits for `cycle[i + 1]`, and the last waits for the first.
    case dependencyCycle([String])

    public var description: String {
        switch self {
        case .duplicateTaskID(let id):
            return Phrase.checkScheduleDuplicateTask.text(id)
        case .unknownDependency(let taskID, let missingID):
            return Phrase.checkScheduleUnknownDependency.text(taskID, missingID)
        case .nonPositiveDuration(let taskID, let days):
            return Phrase.checkScheduleTooShort.text(taskID, days, "milestone: true")
        case .dependencyCycle(let cycle):
            return Phrase.checkScheduleCycle.text((cycle + cycle.prefix(1)).joined(separator: " -> "))
        }
    }
}
