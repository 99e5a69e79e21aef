/// One accepted event, compact and free of Strings so that millions of them can be
/// folded into KPIs without reference counting or allocation.
///
/// Names are symbol ids into the reader's `EventSymbols` (one dense table per
/// dimension, so a KPI engine can index arrays by id); `user` is only ever counted
/// distinctly, so a 64-bit hash of its bytes is enough and costs no memory per name.
public struct EventRecord: Hashable, Sendable {
    /// Sentinel for an absent channel, segment or campaign.
    public static let noSymbol: Int32 = -1
    /// Sentinel for an absent user (`ByteHash.user` never returns 0).
    public static let noUser: UInt64 = 0

    /// Event time in epoch milliseconds, UTC.
    public var timestamp: Int64
    /// How many events this line stands for (default 1); for `community_members`,
    /// the current member total.
    public var count: Int64
    /// Revenue for `conversion`, cost for `spend`; zero when absent (see `hasAmount`).
    public var amount: Money
    /// Hash of the user id's bytes, or `noUser`.
    public var user: UInt64
    public var channel: Int32
    public var segment: Int32
    public var campaign: Int32
    public var type: EventType
    /// Whether the line carried `amount` (an explicit 0 differs from none).
    public var hasAmount: Bool

    public init(
        timestamp: Int64, type: EventType, channel: Int32 = EventRecord.noSymbol,
        segment: Int32 = EventRecord.noSymbol, campaign: Int32 = EventRecord.noSymbol,
        user: UInt64 = EventRecord.noUser, count: Int64 = 1, amount: Money = .zero, hasAmount: Bool = false
    ) {
        self.timestamp = timestamp
        self.count = count
        self.amount = amount
        self.user = user
        self.channel = channel
        self.segment = segment
        self.campaign = campaign
        self.type = type
        self.hasAmount = hasAmount
    }
}
