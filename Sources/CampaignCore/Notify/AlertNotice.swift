/// What a message says about one alert transition, already formatted for
/// people (`valueText`) and kept as numbers for machines (`value`). It is
/// Codable because the outbox stores it, as JSON, with the transition that
/// made it; it holds no address or secret.
public struct AlertNotice: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable { case firing, resolved }

    public var status: Status
    public var rule: String
    /// The rule's `per` and the scope's value (`channel`, `douyin`); `total` has no value.
    public var per: String
    public var scope: String
    public var metric: String
    public var value: Double?
    public var threshold: Double?
    /// The value and threshold formatted by metric (a percentage, money with its currency).
    public var valueText: String
    public var thresholdText: String
    public var severity: AlertRule.Severity
    /// Event time (epoch seconds) the anomaly started, and ended when resolved.
    public var startedAt: Int64
    public var endedAt: Int64?
    public var anomalyID: Int64?
    public var owner: String?
    public var playbook: String?
    /// Stable per anomaly, transition and occurrence, so receivers can drop true duplicates.
    public var fingerprint: String
    /// Set on a reminder that the anomaly still fires (`repeat_interval`):
    /// 1 for the first reminder after a firing, 2 for the next.
    public var reminder: Int?

    public init(status: Status, rule: String, per: String, scope: String, metric: String, value: Double?,
                threshold: Double?, valueText: String, thresholdText: String, severity: AlertRule.Severity,
                startedAt: Int64, endedAt: Int64? = nil, anomalyID: Int64? = nil, owner: String? = nil,
                playbook: String? = nil, fingerprint: String, reminder: Int? = nil) {
        self.status = status
        self.rule = rule
        self.per = per
        self.scope = scope
        self.metric = metric
        self.value = value
        self.threshold = threshold
        self.valueText = valueText
        self.thresholdText = thresholdText
        self.severity = severity
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.anomalyID = anomalyID
        self.owner = owner
        self.playbook = playbook
        self.fingerprint = fingerprint
        self.reminder = reminder
    }
}

/// One message: the transitions of one rule grouped by the policy's
/// `group_wait`, for one campaign.
public struct NotifyMessage: Sendable, Equatable {
    public var campaignID: String
    public var campaignName: String
    /// The campaign's IANA zone: times in messages are campaign time.
    public var timeZone: String
    public var notices: [AlertNotice]

    public init(campaignID: String, campaignName: String, timeZone: String, notices: [AlertNotice]) {
        self.campaignID = campaignID
        self.campaignName = campaignName
        self.timeZone = timeZone
        self.notices = notices
    }

    /// Firing while any notice fires; resolved only when all are.
    public var status: AlertNotice.Status {
        notices.contains { $0.status == .firing } ? .firing : .resolved
    }
}

extension AlertRule.Severity: Codable {}
