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

    public var description: String { "\(source): \(problem)" }
}
