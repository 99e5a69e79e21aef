import CampaignCore
import CampaignText
import CampaignStore

/// The silences at sending time: a due message whose rule (and scope) a
/// silence covers now is marked skipped, with the silence and its end as
/// the reason, instead of being sent. Judged on the wall clock when the
/// drain runs (SPEC §12), so a message written during a silence that has
/// since ended is sent, and one written before a silence began is not.
/// As in Alertmanager, a resolution is news only to a channel that heard of
/// the firing: one whose firing was silenced is skipped too.
struct OutboxSilences {
    let outbox: NotifyOutbox
    let timeZone: String

    /// The rows of `due` to send on; the others are marked skipped, counted
    /// and said in `pass`, one line per message.
    func keep(_ due: [NotifyOutbox.Entry], now: Int64, pass: inout OutboxDrain.Pass) throws -> [NotifyOutbox.Entry] {
        let silences = Silences(database: outbox.database)
        let active = try silences.active(at: now)
        var clock = CampaignClock(timeZoneIdentifier: timeZone)
        var kept: [NotifyOutbox.Entry] = []
        for entry in due {
            let reason: SkipReason
            if let silence = Silence.covering(active, rule: entry.notice.rule, scope: entry.notice.scope, at: now) {
                reason = SkipReason { silence.reason(clock: &clock) }
            } else if entry.notice.status == .resolved, let anomaly = entry.notice.anomalyID,
                      try silences.firingSilencedOnly(anomalyID: anomaly, channel: entry.channel) {
                reason = SkipReason { Phrase.dataFiringSilenced.text() }
            } else {
                kept.append(entry)
                continue
            }
            try outbox.markSkipped([entry.id], reason: reason.stored, at: now)
            pass.skipped += 1
            pass.lines.append(Phrase.dataNotSent.text(entry.channel, OutboxDrain.describe([entry]), reason.shown))
        }
        return kept
    }
}
