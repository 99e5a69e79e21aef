/// Where one alert rule stands for one scope value.
public enum AlertState: String, Sendable, CaseIterable {
    case ok
    case pending
    case firing
    /// Below `min_volume`, or a ratio with nothing to divide by: not judged.
    case noData = "no_data"
}

/// One change of state, as `campaign-deck alerts` prints it.
public struct AlertTransition: Sendable, Equatable {
    /// Epoch milliseconds: the end of the minute that was judged.
    public var at: Int64
    public var rule: String
    public var per: AlertRule.Scope
    public var scope: String
    public var from: AlertState
    public var to: AlertState
    public var value: Double?
    /// A fixed rule's threshold; a baseline rule's usual median `min_change`
    /// away, nil while it has no usual range yet.
    public var threshold: Double?
    public var severity: AlertRule.Severity

    /// Changes between ok and no data: the nightly ebb of volume, not news.
    public var isQuiet: Bool {
        (from == .ok || from == .noData) && (to == .ok || to == .noData)
    }

    public func json(clock: inout CampaignClock) -> JSONValue {
        .object([
            ("at", .string(clock.rfc3339(at))), ("rule", .string(rule)), ("per", .string(per.rawValue)),
            ("scope", .string(scope)), ("from", .string(from.rawValue)), ("to", .string(to.rawValue)),
            ("value", .optional(value)), ("threshold", .optional(threshold)), ("severity", .string(severity.rawValue)),
        ])
    }
}
