/// A source that could not be read at all (as opposed to bad lines in it, which are
/// counted and never stop ingestion).
public struct EventInputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var source: String
    /// What failed, e.g. "cannot open: No such file or directory".
    public var problem: String

    public init(source: String, problem: String) {
        self.source = source
        self.problem = problem
    }

    /// `campaign-deck: <what> (<where>)` like every other error (SPEC §13).
    public var description: String { "cannot read events: \(problem) (\(source))" }
}
