/// The JSON lines' bounds (`EventLimits`), applied to a report's rows: a
/// row longer than `maximumLineLength` bytes, or naming one more channel,
/// segment or campaign than `maxScopes` allows, is rejected with its line
/// number, and the names already known keep being counted.
public struct ReportRowLimits: Sendable {
    public var limits: EventLimits
    /// Names already known per dimension (stored, or read earlier in this
    /// run); rows read in a file add theirs as they are accepted.
    public var channels: Set<String>
    public var segments: Set<String>
    public var campaigns: Set<String>

    public init(_ limits: EventLimits = EventLimits(), known symbols: EventSymbols = EventSymbols()) {
        self.limits = limits
        channels = Set(symbols.channels.names)
        segments = Set(symbols.segments.names)
        campaigns = Set(symbols.campaigns.names)
    }

    /// Why the row `key` cannot be taken, or nil (and its new names are then known).
    /// An empty name is no name (the row is the campaign's as a whole).
    mutating func admit(_ key: ReportFile.Key) -> ReportRowProblem? {
        let limit = limits.maxScopes
        func fits(_ name: String, _ known: Set<String>) -> Bool { name.isEmpty || known.contains(name) || known.count < limit }
        guard fits(key.channel, channels) else { return .tooManyScopes(.channel, limit: limit) }
        guard fits(key.segment, segments) else { return .tooManyScopes(.segment, limit: limit) }
        guard fits(key.campaign, campaigns) else { return .tooManyScopes(.campaign, limit: limit) }
        if !key.channel.isEmpty { channels.insert(key.channel) }
        if !key.segment.isEmpty { segments.insert(key.segment) }
        if !key.campaign.isEmpty { campaigns.insert(key.campaign) }
        return nil
    }
}
