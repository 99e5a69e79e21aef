/// The dashboard's four panes, in Tab order (Tab, Shift-Tab and 1-4 follow it).
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case segments, gantt, kpis, anomalies

    public var title: String {
        switch self {
        case .segments: return "Segments"
        case .gantt: return "Gantt"
        case .kpis: return "KPIs"
        case .anomalies: return "Anomaly log"
        }
    }
}
