/// A save from the moment it is asked for (Ctrl-S, `:w`, `:wq`, the quit
/// question's `s`) until the plan is written or the user gives up on it; in
/// between the app may come back with a question (the file changed or is
/// gone) or a name to ask for (a plan without a file). Nil in `DeckState`
/// when no save is under way, so giving up leaves nothing behind.
public struct SaveInProgress: Equatable, Sendable {
    /// Quit once the plan is written.
    public var thenQuit: Bool
    /// The new file name being tried for a plan without a file: a refusal
    /// (the file exists, no such folder) asks again with it.
    public var newPath: String?

    public init(thenQuit: Bool, newPath: String? = nil) {
        self.thenQuit = thenQuit
        self.newPath = newPath
    }
}
