/// What one line of the stream turned out to be.
public enum EventLineOutcome: Hashable, Sendable {
    case event(EventRecord)
    /// A well-formed line whose `type` this version does not know: counted, not an
    /// error, so newer producers do not break older dashboards.
    case skipped(typeName: String)
    case rejected(EventRejection)
}
