extension Phrase {
    /// The English catalog.
    var english: String {
        switch self {
        // MARK: Pane titles
        case .paneSegments: return "Segments"
        case .paneGantt: return "Gantt"
        case .paneKPIs: return "KPIs"
        case .paneAnomalies: return "Anomaly log"
        }
    }
}
