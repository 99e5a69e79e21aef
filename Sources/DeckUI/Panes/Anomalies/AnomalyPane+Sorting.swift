import CampaignText
import CampaignCore

/// What the anomaly log sorts by (its own order is newest first).
extension AnomalyPane {
    static var sortColumns: [SortColumn] {
        [
            SortColumn("#") { state, index in .number(Double(state.data.anomalies[index].id)) },
            SortColumn(AnomalyWords.headers.opened) { state, index in .text(state.data.anomalies[index].openedAt) },
            SortColumn(AnomalyWords.headers.what, startsDescending: false) { state, index in
                .text(state.data.anomalies[index].title + " " + state.data.anomalies[index].scope)
            },
            SortColumn(AnomalyWords.valueHeader) { state, index in .number(state.data.anomalies[index].measure?.value) },
            // What needs someone first: open, then acknowledged, then resolved.
            SortColumn(AnomalyWords.headers.status) { state, index in .number(Double(rank(state.data.anomalies[index].status))) },
            SortColumn(AnomalyWords.headers.owner, startsDescending: false) { state, index in
                state.data.anomalies[index].owner.map(SortKey.text) ?? .number(nil)
            },
        ]
    }

    static func rank(_ status: AnomalyStatus) -> Int {
        switch status {
        case .open: return 2
        case .acknowledged: return 1
        case .resolved: return 0
        }
    }
}
