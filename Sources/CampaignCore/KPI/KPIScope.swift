/// What a KPI row is about (per channel, segment, campaign, or in total).
public enum KPIDimension: String, CaseIterable, Sendable {
    case channel, segment, campaign, total
}

/// The finest grain the store keeps: one channel × segment × campaign
/// combination, by symbol id (-1 when the event did not say).
public struct LeafKey: Hashable, Sendable {
    public var channel: Int32
    public var segment: Int32
    public var campaign: Int32

    public init(channel: Int32, segment: Int32, campaign: Int32) {
        self.channel = channel
        self.segment = segment
        self.campaign = campaign
    }

    /// The symbol id of this leaf along a dimension; -2 stands for "total".
    @inline(__always)
    public func id(along dimension: KPIDimension) -> Int32 {
        switch dimension {
        case .channel: return channel
        case .segment: return segment
        case .campaign: return campaign
        case .total: return -2
        }
    }

    var packed: Int64 {
        (Int64(channel) & 0x1F_FFFF) << 42 | (Int64(segment) & 0x1F_FFFF) << 21 | (Int64(campaign) & 0x1F_FFFF)
    }
}
