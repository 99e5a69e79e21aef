import CampaignCore

/// Enter on an anomaly: what fired, when, who owns it and its notes. The
/// anomaly log's keys (a, o, n, r) act on the anomaly shown here.
struct AnomalyDetail: OverlayUnit {
    var id: Int64

    func draw(_ state: DeckState, grid: inout CellGrid) {
        guard let anomaly = state.data.anomalies.first(where: { $0.id == id }) else { return }
        var lines: [(String, Style)] = [("#\(anomaly.id) \(anomaly.title) [\(anomaly.scope)]", Style(.title, attributes: .bold)),
                                        ("Opened \(anomaly.openedAt) · \(anomaly.severity) · \(anomaly.status.rawValue)" + (anomaly.recovered ? " · recovered" : ""), Style(.text)),
                                        ("Owner: " + (anomaly.owner ?? "nobody yet"), Style(.text))]
        lines += anomaly.detail.map { ($0, Style(.text)) }
        lines.append(("a acknowledge · o owner · n note · r resolve (cause, action) · Esc close", Style(.muted)))
        Overlays.box("Anomaly", lines: lines, grid: &grid)
    }
}
