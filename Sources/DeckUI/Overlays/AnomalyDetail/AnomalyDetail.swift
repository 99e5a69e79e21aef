import CampaignText
import CampaignCore

/// Enter on an anomaly: what fired and how far, when, who owns it and its
/// timeline. The anomaly log's keys act on the anomaly shown here.
struct AnomalyDetail: OverlayUnit {
    var id: Int64

    func draw(_ state: DeckState, grid: inout CellGrid) {
        guard let anomaly = state.data.anomalies.first(where: { $0.id == id }) else { return }
        var lines: [(String, Style)] = [("#\(anomaly.id) \(anomaly.title) [\(anomaly.scope)]", Style(.title, attributes: .bold))]
        if let measure = anomaly.measure {
            let values = AlertValueText(currency: state.plan.campaign.currency)
            lines.append(("\(measure.metric): " + values.measured(measure.value, threshold: measure.threshold, metric: measure.metric),
                          Style(.text, attributes: .bold)))
        }
        lines += [(AnomalyDetailWords.opened(anomaly), Style(.text)), (AnomalyDetailWords.owner(anomaly.owner), Style(.text))]
        if let silence = Silencing.silence(of: anomaly, state) {
            lines.append((SilenceWords.card(silence, until: Silencing.until(silence, state)), Style(.pending)))
        }
        lines += anomaly.detail.map { ($0, Style(.text)) }
        lines.append((AnomalyDetailWords.keys, Style(.muted)))
        Overlays.box(AnomalyDetailWords.title, lines: lines, grid: &grid)
    }
}

/// Every word the card shows (from the catalog).
enum AnomalyDetailWords {
    static var title: String { Phrase.anomalyCardTitle.text() }

    static func opened(_ anomaly: DashboardSnapshot.AnomalyRow) -> String {
        let opened = Phrase.anomalyCardOpened.text(anomaly.openedAt, AnomalyStatusWords.severity(anomaly.severity),
                                                   AnomalyStatusWords.status(anomaly.status))
        return anomaly.recovered ? Phrase.anomalyCardRecovered.text(opened) : opened
    }

    static func owner(_ owner: String?) -> String { Phrase.anomalyCardOwner.text(owner ?? Phrase.anomalyCardNobody.text()) }

    /// The log's keys as the registry has them (they act on this card), then Esc.
    static var keys: String {
        (KeyRegistry.bindings.filter { $0.scope.isOwn(to: .anomalies) }.map { "\($0.keyLabel) \($0.hint ?? $0.help)" } + [Phrase.hintCloseEsc.text()])
            .joined(separator: " · ")
    }
}
