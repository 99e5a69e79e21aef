import CampaignCore

/// One entry in an anomaly's timeline: a person's note, or an event the log
/// recorded itself (opened, acknowledged, recovered, …) so the story reads
/// in order in one place.
public struct AnomalyNote: Sendable, Equatable {
    public enum Kind: String, Sendable { case note, event }
    /// The clock `at` was read from. An alert's transitions carry event time,
    /// the stream's own (a replayed or simulated day, months from now);
    /// what people did carries wall time. Both sit in one timeline, so each
    /// time is shown with its clock, or `12-02 05:57 acknowledged` reads as
    /// campaign time.
    public enum Clock: String, Sendable { case event, wall }
    public var at: Int64
    public var author: String
    public var kind: Kind
    public var text: String
    public var clock: Clock

    public init(at: Int64, author: String, kind: Kind, text: String, clock: Clock = .wall) {
        self.at = at
        self.author = author
        self.kind = kind
        self.text = text
        self.clock = clock
    }
}

/// An entry of the anomaly log. Times are epoch milliseconds: event time for
/// what an alert opened or recovered, wall-clock time for what people did.
public struct Anomaly: Sendable, Equatable {
    public enum Source: String, Sendable { case alert, manual }

    public var id: Int64
    public var title: String
    public var source: Source
    public var openedAt: Int64
    public var recoveredAt: Int64?
    public var closedAt: Int64?
    /// The alert rule's name; nil for an anomaly opened by hand.
    public var rule: String?
    /// channel | segment | campaign | total, with `scope` the value (`douyin`).
    public var per: String?
    public var scope: String?
    public var metric: String?
    public var observedValue: Double?
    public var threshold: Double?
    public var severity: AlertRule.Severity
    public var status: AnomalyStatus
    public var owner: String?
    public var cause: String?
    public var action: String?
    /// Oldest first. Empty when listed without notes.
    public var notes: [AnomalyNote]
}

/// What a person gives to open an anomaly by hand (a supplier delay, an outage).
public struct ManualAnomaly: Sendable {
    public var title: String
    public var severity: AlertRule.Severity
    public var channel: String?
    public var segment: String?
    public var metric: String?
    public var owner: String?
    public var note: String?

    public init(title: String, severity: AlertRule.Severity = .warning, channel: String? = nil, segment: String? = nil,
                metric: String? = nil, owner: String? = nil, note: String? = nil) {
        self.title = title
        self.severity = severity
        self.channel = channel
        self.segment = segment
        self.metric = metric
        self.owner = owner
        self.note = note
    }
}

/// `anomalies list` filters; nil means "any".
public struct AnomalyFilter: Sendable {
    public var status: AnomalyStatus?
    public var severity: AlertRule.Severity?
    /// Anomalies about this channel (alert scope or the channel given by hand).
    public var channel: String?
    /// opened_at within [since, until), epoch ms.
    public var since: Int64?
    public var until: Int64?

    public init(status: AnomalyStatus? = nil, severity: AlertRule.Severity? = nil, channel: String? = nil,
                since: Int64? = nil, until: Int64? = nil) {
        self.status = status
        self.severity = severity
        self.channel = channel
        self.since = since
        self.until = until
    }
}

extension Anomaly {
    /// Who resolved it first, when its latest entry updated a resolution that
    /// someone had already made: two people resolving one anomaly at once are
    /// taken in turn, and the second is told their cause and action were an
    /// update, not the resolution. Timeline texts are stored in English.
    public var firstResolver: String? {
        guard let last = notes.last, last.kind == .event, last.text.hasPrefix("resolution updated") else { return nil }
        return notes.last { $0.kind == .event && $0.text.hasPrefix("resolved") }?.author
    }
}
