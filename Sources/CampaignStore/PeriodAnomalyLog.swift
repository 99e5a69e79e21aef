import CampaignCore

extension PeriodAnomaly {
    /// A logged anomaly as the period report lists it (`report --week --db`):
    /// a hand-opened one is named by its title, since it has no rule.
    public init(_ anomaly: Anomaly) {
        self.init(id: anomaly.id, rule: anomaly.rule ?? anomaly.title, per: anomaly.per, scope: anomaly.scope,
                  metric: anomaly.metric, openedAt: anomaly.openedAt, recoveredAt: anomaly.recoveredAt,
                  status: anomaly.status, cause: anomaly.cause, action: anomaly.action)
    }
}
