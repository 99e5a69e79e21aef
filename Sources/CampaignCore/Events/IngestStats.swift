/// What ingestion saw: how many lines, how many became events, and what was
/// skipped or rejected and why. Counts cover all sources read so far.
public struct IngestStats: Hashable, Sendable {
    /// How many rejected lines are kept as samples.
    public static let sampleLimit = 100

    public var linesRead = 0
    public var eventsAccepted = 0
    /// Lines with a `type` this version does not know, per type name.
    public var skippedByType: [String: Int] = [:]
    public var rejectedByKind: [EventRejectionKind: Int] = [:]
    /// The first `sampleLimit` rejected lines, in input order.
    public var samples: [RejectedLineSample] = []

    public init() {}

    public var skipped: Int { skippedByType.values.reduce(0, +) }
    public var rejected: Int { rejectedByKind.values.reduce(0, +) }

    mutating func noteSkipped(_ typeName: String) {
        skippedByType[typeName, default: 0] += 1
    }

    mutating func noteRejected(
        _ reason: EventRejection, source: String, line: Int, bytes: UnsafeBufferPointer<UInt8>, fullLength: Int
    ) {
        rejectedByKind[reason.kind, default: 0] += 1
        guard samples.count < Self.sampleLimit else { return }
        let excerpt = RejectedLineSample.excerpt(of: bytes, fullLength: fullLength)
        samples.append(RejectedLineSample(source: source, line: line, reason: reason, excerpt: excerpt))
    }

    /// Adds `other`, which counted the lines that follow ours. `lineOffset` is added
    /// to its samples' line numbers (for parts of one file parsed separately).
    public mutating func merge(_ other: IngestStats, lineOffset: Int = 0) {
        linesRead += other.linesRead
        eventsAccepted += other.eventsAccepted
        skippedByType.merge(other.skippedByType, uniquingKeysWith: +)
        rejectedByKind.merge(other.rejectedByKind, uniquingKeysWith: +)
        for var sample in other.samples.prefix(Self.sampleLimit - samples.count) {
            sample.line += lineOffset
            samples.append(sample)
        }
    }
}
