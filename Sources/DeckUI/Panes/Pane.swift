import CampaignText

/// The dashboard's four panes, in Tab order (Tab, Shift-Tab and 1-4 follow it).
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case segments, gantt, kpis, anomalies

    public var title: String {
        switch self {
        case .segments: return Phrase.paneSegments.text()
        case .gantt: return Phrase.paneGantt.text()
        case .kpis: return Phrase.paneKPIs.text()
        case .anomalies: return Phrase.paneAnomalies.text()
        }
    }

    /// The unit that lists, draws and handles this pane's keys: the one place
    /// a pane is wired in.
    var unit: any PaneUnit.Type {
        switch self {
        case .segments: return SegmentsPane.self
        case .gantt: return GanttPane.self
        case .kpis: return KPIPane.self
        case .anomalies: return AnomalyPane.self
        }
    }
}
