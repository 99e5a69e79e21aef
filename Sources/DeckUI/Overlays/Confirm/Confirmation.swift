import CampaignText
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
        case .quitWithUnsavedEdits: return Phrase.confirmUnsavedTitle.text()
        case .overwriteChangedFile: return Phrase.confirmChangedTitle.text()
        case .recreateDeletedFile: return Phrase.confirmDeletedTitle.text()
        case .overwriteReloadedVersion: return Phrase.confirmReloadedTitle.text()
        }
    }

    public var lines: [String] {
        switch self {
        case .quitWithUnsavedEdits:
            return [Phrase.confirmUnsavedBody.text(), "",
                    Phrase.confirmUnsavedSave.text(), Phrase.confirmUnsavedDiscard.text(), Phrase.confirmKeepEditing.text()]
        case .overwriteChangedFile(let path):
            return [Phrase.confirmChangedBody.text(path),
                    Phrase.confirmChangedWarning.text(), "",
                    Phrase.confirmChangedOverwrite.text(),
                    Phrase.confirmChangedReload.text(),
                    Phrase.confirmDontSave.text()]
        case .recreateDeletedFile(let path):
            return [Phrase.confirmDeletedBody.text(path), "",
                    Phrase.confirmDeletedWrite.text(),
                    Phrase.confirmDeletedDontSave.text(),
                    "     " + Phrase.confirmDeletedSaveAs.text()]
        case .overwriteReloadedVersion:
            return [Phrase.confirmReloadedBody.text(),
                    Phrase.confirmReloadedOlder.text(),
                    Phrase.confirmReloadedWarning.text(), "",
                    Phrase.confirmReloadedOverwrite.text(),
                    Phrase.confirmReloadedDontSave.text()]
        }
    }

    /// The keys the question accepts (shown in the status bar too).
    public var choices: [(key: Character, hint: String)] {
        switch self {
        case .quitWithUnsavedEdits: return [("s", Phrase.hintSaveAndQuit.text()), ("d", Phrase.hintDiscardAndQuit.text())]
        case .overwriteChangedFile: return [("o", Phrase.hintOverwrite.text()), ("r", Phrase.hintReloadTheirs.text())]
        case .recreateDeletedFile: return [("o", Phrase.hintWriteAgain.text())]
        case .overwriteReloadedVersion: return [("o", Phrase.hintOverwriteTheirs.text())]
        }
    }
}
