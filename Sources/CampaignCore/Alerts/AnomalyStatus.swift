/// Where an anomaly stands with the people handling it. Recovery is not a
/// status: a metric coming back does not mean anyone looked. The raw values
/// are what the database, JSON and CSV hold.
public enum AnomalyStatus: String, CaseIterable, Sendable {
    case open, acknowledged, resolved
}
