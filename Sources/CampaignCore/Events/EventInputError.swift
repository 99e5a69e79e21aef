import CampaignText

/// A source that could not be read at all (as opposed to bad lines in it, which are
/// counted and never stop ingestion).
public struct EventInputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var source: String
    /// Why, in the system's words, e.g. "No such file or directory".
    public var problem: String

    public init(source: String, problem: String) {
        self.source = source
        self.problem = problem
    }

    /// `cannot read /missing.jsonl: No such file or directory`: the file is the
    /// subject, so it leads, as in `campaign-deck: cannot read FILE: why`.
    public var description: String { Phrase.dataCannotRead.text(source, problem) }
}
