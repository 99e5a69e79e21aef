/// Questions asked before something that could lose work.
public enum Confirmation: Equatable, Sendable {
    /// `q` with unsaved edits.
    case quitWithUnsavedEdits
    /// Ctrl-S found the file changed on disk since it was loaded or saved.
    case overwriteChangedFile(path: String)
    /// Ctrl-S found the file gone (deleted or moved away) since it was loaded.
    case recreateDeletedFile(path: String)
    /// Ctrl-S on a version from before "reload theirs" (`u` went back past it).
    case overwriteReloadedVersion

    public var title: String {
        switch self {
        case .quitWithUnsavedEdits: return "Unsaved edits"
        case .overwriteChangedFile: return "The plan changed on disk"
        case .recreateDeletedFile: return "The plan file is gone"
        case .overwriteReloadedVersion: return "The file holds their version"
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
                    "Esc  don't save (your edits stay here, unsaved;",
                    "     :w PATH saves them under another name)"]
        case .overwriteReloadedVersion:
            return ["The file holds the version reloaded from disk (someone else's changes).",
                    "This version is from before that reload:",
                    "saving it now would overwrite their changes.", "",
                    "o  overwrite their version with this one",
                    "Esc  don't save (Ctrl-R brings their version back)"]
        }
    }

    /// The keys the question accepts (shown in the status bar too).
    public var choices: [(key: Character, hint: String)] {
        switch self {
        case .quitWithUnsavedEdits: return [("s", "save & quit"), ("d", "discard & quit")]
        case .overwriteChangedFile: return [("o", "overwrite"), ("r", "reload theirs")]
        case .recreateDeletedFile: return [("o", "write it again")]
        case .overwriteReloadedVersion: return [("o", "overwrite theirs")]
        }
    }
}
