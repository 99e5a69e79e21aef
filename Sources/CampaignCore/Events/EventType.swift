/// The kinds of event in the stream; a line with any other `type` is skipped, not rejected.
public enum EventType: UInt8, CaseIterable, Sendable {
    case impression, click, conversion, spend, reach, participation
    /// A community member was active; `user` is required.
    case communityActive
    /// A gauge: `count` is the current member total.
    case communityMembers

    /// The name used in the JSON `type` field.
    public var name: String {
        switch self {
        case .impression: return "impression"
        case .click: return "click"
        case .conversion: return "conversion"
        case .spend: return "spend"
        case .reach: return "reach"
        case .participation: return "participation"
        case .communityActive: return "community_active"
        case .communityMembers: return "community_members"
        }
    }

    public init?(name: String) {
        guard let match = EventType.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}
