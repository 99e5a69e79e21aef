import CampaignCore

/// A one-line input: what it is for and the text typed so far.
public struct Prompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case anomalyOwner(Int64)
        case anomalyNote(Int64)
        /// Resolving asks for the cause, then the action taken (either may be left empty).
        case anomalyCause(Int64)
        case anomalyAction(Int64, cause: String)
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
    }

    public var purpose: Purpose
    public var text: String

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        self.text = text
    }

    public var title: String {
        switch purpose {
        case .anomalyOwner(let id): return "Owner for #\(id)"
        case .anomalyNote(let id): return "Note for #\(id)"
        case .anomalyCause(let id): return "Cause for #\(id) (Enter to skip)"
        case .anomalyAction(let id, _): return "Action taken for #\(id) (Enter to skip)"
        case .taskOwner(let id): return "Owner of \(id)"
        case .taskProgress(let id): return "Progress of \(id) (0-100% or 0-1)"
        case .newTask(let after): return "New task after \(after): id and name"
        case .addDependency(let id): return "\(id) waits for (task id)"
        case .removeDependency(let id): return "\(id) no longer waits for (task id)"
        case .segment(let id, let field): return "Segment \(id): \(field.title)"
        case .alert(let index, let field): return "Alert \(index + 1): \(field.title)"
        case .saveAs: return "Save the plan as (a new file)"
        }
    }
}

/// Questions asked before something that could lose work.
public enum Confirmation: Equatable, Sendable {
    /// `q` with unsaved edits.
    case quitWithUnsavedEdits
    /// Ctrl-S found the file changed on disk since it was loaded or saved.
    case overwriteChangedFile(path: String)
    /// Ctrl-S found the file gone (deleted or moved away) since it was loaded.
    case recreateDeletedFile(path: String)

    public var title: String {
        switch self {
        case .quitWithUnsavedEdits: return "Unsaved edits"
        case .overwriteChangedFile: return "The plan changed on disk"
        case .recreateDeletedFile: return "The plan file is gone"
        }
    }

    public var lines: [String] {
        switch self {
        case .quitWithUnsavedEdits:
            return ["The plan has edits that are not saved.", "",
                    "s  save, then quit", "d  discard the edits and quit", "Esc  keep editing"]
        case .overwriteChangedFile(let path):
            return ["\(path) was changed by someone else since it was loaded.",
                    "Saving now would overwrite their changes.", "",
                    "o  overwrite it with this version",
                    "r  reload theirs (u brings yours back)",
                    "Esc  don't save (your edits stay here, unsaved)"]
        case .recreateDeletedFile(let path):
            return ["\(path) was deleted or moved away since it was loaded.", "",
                    "o  write this version there again",
                    "Esc  don't save (your edits stay here, unsaved)"]
        }
    }

    /// The keys the question accepts (shown in the status bar too).
    public var choices: [(key: Character, hint: String)] {
        switch self {
        case .quitWithUnsavedEdits: return [("s", "save & quit"), ("d", "discard & quit")]
        case .overwriteChangedFile: return [("o", "overwrite"), ("r", "reload theirs")]
        case .recreateDeletedFile: return [("o", "write it again")]
        }
    }
}

/// What became of a reload the dashboard asked for.
public enum PlanReloadResult: Equatable, Sendable {
    case loaded(text: String)
    case failed(String)
}

/// What became of a save the dashboard asked for.
public enum PlanSaveResult: Equatable, Sendable {
    case saved(path: String, text: String)
    /// Not saved: the file changed on disk since it was loaded or last saved.
    case changedOnDisk(path: String)
    /// Not saved: the file is no longer there.
    case deletedOnDisk(path: String)
    /// The plan has no file yet (the built-in demo): ask for a name.
    case needsPath
    case failed(String)
}
