/// An anomaly as the period report lists it: from the anomaly log (`--db`),
/// or judged from the plan's alert rules over the event files (then it has
/// no id, no cause and no action: nobody has handled it).
public struct PeriodAnomaly: Sendable, Equatable {
    /// The log's id; nil when judged from the stream.
    public var id: Int64?
    /// The rule that opened it, or a hand-opened anomaly's title.
    public var rule: String
    /// `channel`, `segment`, `campaign`, `total`; nil for a hand-opened anomaly about no channel or segment.
    public var per: String?
    public var scope: String?
    public var metric: String?
    public var openedAt: Int64
    public var recoveredAt: Int64?
    public var status: AnomalyStatus
    public var cause: String?
    public var action: String?

    public init(id: Int64?, rule: String, per: String?, scope: String?, metric: String?, openedAt: Int64,
                recoveredAt: Int64?, status: AnomalyStatus, cause: String?, action: String?) {
        self.id = id
        self.rule = rule
        self.per = per
        self.scope = scope
        self.metric = metric
        self.openedAt = openedAt
        self.recoveredAt = recoveredAt
        self.status = status
        self.cause = cause
        self.action = action
    }

    /// Whether this anomaly belongs to a report row: the same scope (rules
    /// over the campaign or the total, and hand-opened ones about neither a
    /// channel nor a segment, belong to the total) and the same KPI.
    func belongs(to kind: KPIDimension, scope name: String, metric row: Metric) -> Bool {
        guard metric == row.name else { return false }
        switch per {
        case "channel": return kind == .channel && scope == name
        case "segment": return kind == .segment && scope == name
        default: return kind == .total
        }
    }

    /// The anomalies the plan's rules open over a stream, as the anomaly log
    /// would hold them before anyone handles them: the first firing of a
    /// rule on a scope opens one; recovering marks it recovered; firing again
    /// re-opens the same one (the log does the same while it is unresolved).
    public static func judged(_ transitions: [AlertTransition], plan: Plan) -> [PeriodAnomaly] {
        var anomalies: [PeriodAnomaly] = []
        var index: [String: Int] = [:]
        for t in transitions where t.to == .firing || t.from == .firing {
            let key = "\(t.rule)\u{0}\(t.per.rawValue)\u{0}\(t.scope)"
            if t.to == .firing {
                if let at = index[key] {
                    anomalies[at].recoveredAt = nil
                } else {
                    index[key] = anomalies.count
                    anomalies.append(PeriodAnomaly(id: nil, rule: t.rule, per: t.per.rawValue, scope: t.scope,
                                                   metric: plan.alerts.first { $0.name == t.rule }?.metric,
                                                   openedAt: t.at, recoveredAt: nil, status: .open, cause: nil, action: nil))
                }
            } else if let at = index[key] {
                anomalies[at].recoveredAt = t.at
            }
        }
        return anomalies
    }
}
