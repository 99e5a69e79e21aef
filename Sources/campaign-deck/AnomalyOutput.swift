import CampaignCore
import CampaignStore

/// `anomalies list` and `show` in the format asked for; the text itself is
/// `AnomalyListing`'s.
struct AnomalyOutput {
    var listing: AnomalyListing

    init(timeZone: String, currency: String?) {
        listing = AnomalyListing(timeZone: timeZone, currency: currency)
    }

    mutating func list(_ anomalies: [Anomaly], format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([("anomalies", .array(anomalies.map { listing.json($0, notes: false) }))]).serialized() + "\n"
        case .csv:
            return CSVWriter.document(header: AnomalyListing.csvHeader, rows: anomalies.map { listing.csvRow($0) })
        case .table:
            return listing.table(anomalies)
        }
    }

    /// One anomaly with its timeline; CSV gives the timeline alone.
    mutating func detail(_ a: Anomaly, format: OutputFormat) -> String {
        switch format {
        case .json: return listing.json(a, notes: true).serialized(pretty: true) + "\n"
        case .csv: return CSVWriter.document(header: AnomalyListing.timelineCSVHeader, rows: listing.timelineCSVRows(a))
        case .table: return listing.detail(a)
        }
    }
}
