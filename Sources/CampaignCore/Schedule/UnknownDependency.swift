/// A dependency that names no task, with enough detail for validation to
/// point at the exact `after:` entry and suggest the id that was meant.
public struct UnknownDependency: Sendable, Hashable {
    /// The task whose `after` holds the bad reference.
    public var taskID: String
    /// Index into that task's `after` list.
    public var dependencyPosition: Int
    public var missingID: String

    public init(taskID: String, dependencyPosition: Int, missingID: String) {
        self.taskID = taskID
        self.dependencyPosition = dependencyPosition
        self.missingID = missingID
    }
}

extension ScheduleInput {
    /// Every `after:` reference to an id no task has, in input order.
    /// Validation reports them all; the scheduler refuses at the first.
    public func unknownDependencies() -> [UnknownDependency] {
        let knownIDs = Set(tasks.map(\.id))
        var unknown: [UnknownDependency] = []
        for task in tasks {
            for (position, dependency) in task.after.enumerated() where !knownIDs.contains(dependency.taskID) {
                unknown.append(UnknownDependency(taskID: task.id, dependencyPosition: position, missingID: dependency.taskID))
            }
        }
        return unknown
    }
}
