/// Distinct users behind conversions, overall, per channel and per segment, for CAC.
///
/// CAC here is spend / distinct converting users: a conversion event that
/// carries `user` counts that user once however often they buy. "New
/// customers" by persona is too vague to compute from events. Conversions
/// without users leave CAC "no data".
public struct ConvertingUsers: Sendable {
    public private(set) var total = Set<UInt64>()
    public private(set) var byChannel: [String: Set<UInt64>] = [:]
    /// Keyed like `ResultsReport.segments`: the plan segment id, or
    /// `ResultsReport.noSegment` for conversions that carry no segment.
    public private(set) var bySegment: [String: Set<UInt64>] = [:]

    public init() {}

    /// Counts `record` if it is a conversion with a user; `channel` is its
    /// channel id or nil, `segment` its segment key. Both are closures so the
    /// caller's name lookups run only for the few records that count.
    public mutating func add(_ record: EventRecord, channel: () -> String?, segment: () -> String) {
        guard record.type == .conversion, record.user != EventRecord.noUser else { return }
        total.insert(record.user)
        if let channel = channel() { byChannel[channel, default: []].insert(record.user) }
        bySegment[segment(), default: []].insert(record.user)
    }
}
