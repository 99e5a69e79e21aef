/// The three name dimensions of the stream, each with its own dense ids, so a KPI
/// engine can keep per-channel, per-segment and per-campaign arrays indexed by id.
public struct EventSymbols: Sendable, Equatable {
    public var channels = SymbolTable()
    public var segments = SymbolTable()
    public var campaigns = SymbolTable()

    public init() {}
}
