import CampaignCore
import CampaignText
import CampaignStore

/// What is decided when a message is due rather than when it was written,
/// because people act in between: a reminder is not sent once someone has
/// acknowledged or resolved its anomaly (on the wall clock, like a silence;
/// that the alert recovered later in event time does not cancel a reminder
/// from before, so a replay sends what the live run sent); what fired and
/// stopped inside quiet hours is not sent when they end, and neither is its
/// resolution. Such rows are marked skipped with the reason.
struct SendTimeChecks {
    let outbox: NotifyOutbox

    /// The rows of `due` still to send; the others are marked skipped.
    func keep(_ due: [NotifyOutbox.Entry], now: Int64, pass: inout OutboxDrain.Pass) throws -> [NotifyOutbox.Entry] {
        let states = try outbox.anomalyStates(Set(due.compactMap(\.notice.anomalyID)))
        var kept: [NotifyOutbox.Entry] = []
        var resolutions: [NotifyOutbox.Entry] = []
        for entry in due {
            if entry.notice.status == .resolved {
                resolutions.append(entry)
            } else if let reason = firingReason(entry, states) {
                try skip(entry, reason, now, &pass)
            } else {
                kept.append(entry)
            }
        }
        // After the firings: a held resolution whose firing was just skipped goes too.
        for entry in resolutions {
            if entry.holdUntil != nil, let anomaly = entry.notice.anomalyID,
               try !outbox.firingAnnounced(anomalyID: anomaly, channel: entry.channel) {
                try skip(entry, SkipReason { Phrase.dataFiringInQuietHours.text() }, now, &pass)
            } else {
                kept.append(entry)
            }
        }
        return kept.sorted { ($0.eventAt, $0.id) < ($1.eventAt, $1.id) }
    }

    private func firingReason(_ entry: NotifyOutbox.Entry, _ states: [Int64: NotifyOutbox.AnomalyState]) -> SkipReason? {
        guard let id = entry.notice.anomalyID, let state = states[id] else { return nil }
        if entry.notice.reminder != nil {
            if state.status == "acknowledged" { return SkipReason { Phrase.dataAnomalyWasAcknowledged.text(id) } }
            if state.status == "resolved" { return SkipReason { Phrase.dataAnomalyWasResolved.text(id) } }
        } else if let holdUntil = entry.holdUntil {
            if let recovered = state.recoveredAt, recovered <= holdUntil {
                return SkipReason { Phrase.dataAnomalyQuiet.text(id) }
            }
        }
        return nil
    }

    private func skip(_ entry: NotifyOutbox.Entry, _ reason: SkipReason, _ now: Int64, _ pass: inout OutboxDrain.Pass) throws {
        try outbox.markSkipped([entry.id], reason: reason.stored, at: now)
        pass.skipped += 1
        pass.lines.append(Phrase.dataNotSent.text(entry.channel, OutboxDrain.describe([entry]), reason.shown))
    }
}
