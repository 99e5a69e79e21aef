import CampaignText
import CampaignCore
import CampaignText

/// A one-line input in a box: what it is for and the text typed so far.
public struct Prompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case anomalyOwner(Int64)
        case anomalyNote(Int64)
        case taskOwner(String)
        case taskProgress(String)
        /// A new task placed after this one.
        case newTask(after: String)
        case addDependency(String)
        case removeDependency(String)
        case segment(String, PlanEdit.SegmentField)
        case alert(Int, PlanEdit.AlertField)
        /// A plan without a file (the built-in demo) is saved under a new name.
        case saveAs
        /// Silencing a KPI row judged by several rules: which one (by number).
        case silenceRule(scope: String, rules: [String])
        case silenceDuration(SilenceTarget)
        case silenceComment(SilenceTarget, duration: String)
    }

    public var purpose: Purpose
    var field: TextField
    /// Tab's choices while Tab cycles them (the dependency prompts complete task names).
    var completion: LineCompletion?

    /// `text` is a suggestion (the current owner, a file name): the first
    /// printable key typed replaces it.
    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        field = TextField(text: text, suggested: true)
    }

    public var text: String {
        get { field.text }
        set { field.set(newValue) }
    }

    public var title: String {
        switch purpose {
        case .anomalyOwner(let id): return Phrase.promptAnomalyOwner.text(id)
        case .anomalyNote(let id): return Phrase.promptAnomalyNote.text(id)
        case .taskOwner(let id): return Phrase.promptTaskOwner.text(id)
        case .taskProgress(let id): return Phrase.promptTaskProgress.text(id)
        case .newTask(let after): return Phrase.promptNewTask.text(after)
        case .addDependency(let id): return Phrase.promptAddDependency.text(id)
        case .removeDependency(let id): return Phrase.promptRemoveDependency.text(id)
        case .segment(let id, let field): return Phrase.promptSegment.text(id, field.title)
        case .alert(let index, let field): return Phrase.promptAlert.text(index + 1, field.title)
        case .saveAs: return Phrase.promptSaveAs.text()
        case .silenceRule(let scope, _): return SilenceWords.ruleTitle(scope: scope)
        case .silenceDuration(let target): return SilenceWords.durationTitle(target)
        case .silenceComment(let target, let duration): return SilenceWords.commentTitle(target, duration: duration)
        }
    }
}

extension Prompt.Purpose {
    /// The task a task prompt is about, if it is one.
    var taskID: String? {
        switch self {
        case .taskOwner(let id), .taskProgress(let id), .newTask(after: let id), .addDependency(let id), .removeDependency(let id):
            return id
        case .anomalyOwner, .anomalyNote, .segment, .alert, .saveAs, .silenceRule, .silenceDuration, .silenceComment: return nil
        }
    }
}
