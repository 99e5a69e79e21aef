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

/// What became of a reload the dashboard asked for.
public enum PlanReloadResult: Equatable, Sendable {
    case loaded(text: String)
    case failed(String)
}
