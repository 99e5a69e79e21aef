import CampaignCore

extension StandupAgenda.AnomalyItem {
    /// A logged anomaly as the stand-up agenda lists it (`standup` and the `w` walkthrough).
    public init(_ anomaly: Anomaly) {
        self.init(id: anomaly.id, title: anomaly.title, severity: anomaly.severity.rawValue, status: anomaly.status,
                  owner: anomaly.owner, openedAt: anomaly.openedAt)
    }
}
