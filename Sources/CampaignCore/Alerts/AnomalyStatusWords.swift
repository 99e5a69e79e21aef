import CampaignText

/// An anomaly's status and severity as a person reads them; JSON, CSV and
/// the database keep the raw values (`open`, `warning`). The dashboard and
/// `standup` say them alike.
public enum AnomalyStatusWords {
    public static func status(_ status: AnomalyStatus) -> String {
        switch status {
        case .open: return Phrase.statusOpen.text()
        case .acknowledged: return Phrase.statusAcknowledged.text()
        case .resolved: return Phrase.statusResolved.text()
        }
    }

    /// A severity the plan spells (`info`, `warning`, `critical`); anything
    /// else is shown as written.
    public static func severity(_ severity: String) -> String {
        switch severity {
        case "info": return Phrase.severityInfo.text()
        case "warning": return Phrase.severityWarning.text()
        case "critical": return Phrase.severityCritical.text()
        default: return severity
        }
    }

    /// What a rule counts over (`channel`, `segment` …), as a noun before the
    /// scope's name; anything else as written.
    public static func per(_ per: String) -> String {
        switch per {
        case "channel": return Phrase.scopeChannel.text()
        case "segment": return Phrase.scopeSegment.text()
        case "campaign": return Phrase.scopeCampaign.text()
        case "total": return Phrase.scopeTotal.text()
        default: return per
        }
    }
}
