import CampaignText
/// Every word the anomaly log's pane shows, in one place for the catalog.
enum AnomalyWords {
    static func openCount(_ count: Int) -> String { Phrase.anomaliesOpenCount.text(count) }
    static var headers: (id: String, opened: String, what: String, status: String, owner: String) {
        (id: "#", opened: Phrase.anomalyHeadOpened.text(), what: Phrase.anomalyHeadWhat.text(),
         status: Phrase.anomalyHeadStatus.text(), owner: Phrase.anomalyHeadOwner.text())
    }
    static var valueHeader: String { Phrase.anomalyHeadValue.text() }
    static let noOwner = "–"
    static var empty: String { Phrase.anomaliesEmpty.text() }
    static var noneSelected: String { Phrase.anomalyNoneSelected.text() }

    static func acknowledged(_ id: Int64) -> String { Phrase.anomalyAcknowledged.text(id) }
    static func reopened(_ id: Int64) -> String { Phrase.anomalyReopened.text(id) }
    static func notResolved(_ id: Int64) -> String { Phrase.anomalyNotResolved.text(id) }
    static func alreadyResolved(_ id: Int64, reopenKey: String?) -> String {
        reopenKey.map { Phrase.anomalyAlreadyResolvedReopenKey.text(id, $0) } ?? Phrase.anomalyAlreadyResolved.text(id)
    }
}
