import CampaignText

/// One change a planner makes from the keyboard. Each is applied
/// to the plan's text by `PlanEditor`, so undo is simply the earlier text.
public enum PlanEdit: Sendable, Equatable {
    /// Moves a task by whole days (negative: earlier).
    case moveTask(id: String, days: Int)
    /// Stretches (positive) or shrinks a task's duration by whole days.
    case resizeTask(id: String, days: Int)
    case setOwner(taskID: String, owner: String)
    /// Progress from 0 to 1.
    case setProgress(taskID: String, progress: Double)
    /// A new one-day task placed after `afterTask` in the file, in its phase, waiting for it.
    case addTask(id: String, name: String, afterTask: String)
    case duplicateTask(id: String)
    case deleteTask(id: String)
    case addDependency(taskID: String, waitsFor: String)
    case removeDependency(taskID: String, waitsFor: String)
    case setSegment(id: String, field: SegmentField, value: String)
    /// `index` is the alert's position in `alerts:` (alert names need not be unique).
    case setAlert(index: Int, field: AlertField, value: String)

    public enum SegmentField: String, Sendable, CaseIterable {
        case name, persona, budgetShare = "budget_share", rule
        public var title: String {
            switch self {
            case .name: return Phrase.fieldName.text()
            case .persona: return Phrase.fieldPersona.text()
            case .budgetShare: return Phrase.fieldBudgetShare.text()
            case .rule: return Phrase.fieldRule.text()
            }
        }
    }

    public enum AlertField: String, Sendable, CaseIterable {
        case threshold, forDuration = "for", minVolume = "min_volume"
        public var title: String {
            switch self {
            case .threshold: return Phrase.fieldThreshold.text()
            case .forDuration: return Phrase.fieldFor.text()
            case .minVolume: return Phrase.fieldMinVolume.text()
            }
        }
    }
}

/// An edit that was applied: the new text and what it did, in words for the status bar.
public struct PlanEditOutcome: Sendable {
    public let document: PlanDocument
    public let summary: String
    /// Pinned tasks that edits pushed later than their pin, with the day they
    /// were pinned to before the first push: pass it to the next edit, which
    /// brings them back toward that day when what pushed them moves away.
    public var pushedPins: [String: Day] = [:]
}
