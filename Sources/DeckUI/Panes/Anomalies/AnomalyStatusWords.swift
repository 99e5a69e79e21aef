import CampaignCore
import CampaignText

/// An anomaly's status and severity as a person reads them; JSON, CSV and
/// the database keep the raw values (`open`, `warning`).
enum AnomalyStatusWords {
    static func status(_ status: AnomalyStatus) -> String {
        switch status {
        case .open: return Phrase.statusOpen.text()
        case .acknowledged: return Phrase.statusAcknowledged.text()
        case .resolved: return Phrase.statusResolved.text()
        }
    }

    /// A severity the plan spells (`info`, `warning`, `critical`); anything
    /// else is shown as written.
    static func severity(_ severity: String) -> String {
        switch severity {
        case "info": return Phrase.severityInfo.text()
        case "warning": return Phrase.severityWarning.text()
        case "critical": return Phrase.severityCritical.text()
        default: return severity
        }
    }
}
