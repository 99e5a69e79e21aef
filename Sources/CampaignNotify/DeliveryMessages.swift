import CampaignCore
import CampaignStore
import CampaignText

/// What the commands that send (`ingest`, `notify flush`, `notify test`)
/// say about delivery, in the interface language. The commands only print.
public enum DeliveryMessages {
    static func messages(_ count: Int) -> String {
        CommandLineMessages.count(count, .cliCountMessageOne, .cliCountMessages)
    }

    /// Standard error after a send pass: messages waiting for a channel the
    /// plan lacks, a lease held elsewhere, or what is still pending.
    public static func afterDelivery(remaining: Int, heldLease: Bool, missing: MissingChannels, database: String) -> [String] {
        var lines = missing.waiting.map { Phrase.cliNotifyWaiting.text(messages($0.count), MissingChannels.note($0.channel)) }
        if !heldLease {
            lines.append(Phrase.cliNotifyLeaseHeld.text(remaining, database))
        } else if remaining > 0 {
            lines.append(Phrase.cliNotifyStillPending.text(messages(remaining), database))
        }
        return lines
    }

    /// `notify flush` left messages: why, and what to do.
    public static func flushFailure(remaining: Int, missing: MissingChannels, planGiven: Bool,
                                    database: String) -> (message: String, hint: String) {
        guard let first = missing.waiting.first else {
            return (Phrase.cliFlushNotDelivered.text(messages(remaining), database), Phrase.cliFlushNotDeliveredHint.text())
        }
        let names = missing.waiting.map { "'\($0.channel)'" }.joined(separator: ", ")
        let phrase: Phrase = missing.waiting.count == 1 ? .cliFlushMissingOne : .cliFlushMissingMany
        return (phrase.text(messages(remaining), names, database),
                planGiven ? Phrase.cliFlushDiscardHint.text(first.channel, database) : Phrase.cliFlushPassPlanHint.text())
    }

    /// `notify test`: one line per request with the receiver's answer.
    public static func testAnswer(channel: NotifyChannel, answer: RobotAnswer) -> String {
        let verdict = answer.delivered ? Phrase.cliTestDelivered.text()
            : Phrase.cliTestNotDelivered.text(answer.problem.map(DeliveryProblemWords.spoken) ?? Phrase.cliTestRefused.text())
        return Phrase.cliTestAnswer.text(channel.id, channel.kind.rawValue, verdict, answer.httpStatus, answer.body)
    }

    /// `notify test` with a channel the plan does not have: the message and the known channels.
    public static func unknownChannel(_ channel: String, ids: [String], file: String) -> (message: String, hint: String) {
        (Phrase.cliTestUnknownChannel.text(channel, Suggestion.hint(for: channel, among: ids), file),
         ids.isEmpty ? Phrase.cliTestNoChannels.text() : Phrase.cliTestChannels.text(ids.joined(separator: ", ")))
    }
}

extension DeliveryMessages {
    /// `notify pending` as a table, oldest first. `problem` says why an entry
    /// waits (a channel the plan lacks, quiet hours, its last error).
    public static func pendingTable(_ entries: [NotifyOutbox.Entry], timeZone: String,
                                    problem: (NotifyOutbox.Entry) -> String?) -> String {
        // Its own clock: `problem` may write times with the command's.
        var clock = CampaignClock(timeZoneIdentifier: timeZone)
        var table = TextTable([.init("ID", .right), .init(Phrase.cliPendingHeadChannel.text()), .init(Phrase.cliPendingHeadAt.text()),
                               .init(Phrase.cliPendingHeadStatus.text()), .init(Phrase.cliPendingHeadRule.text()),
                               .init(Phrase.cliPendingHeadScope.text()), .init(Phrase.cliPendingHeadTries.text(), .right),
                               .init(Phrase.cliPendingHeadLastError.text())])
        for entry in entries {
            let status = entry.notice.reminder.map { Phrase.cliReminder.text($0) }
                ?? (entry.notice.status == .firing ? Phrase.cliNoticeFiring.text() : Phrase.cliNoticeResolved.text())
            table.add([String(entry.id), entry.channel, String(clock.rfc3339(entry.eventAt).prefix(16)),
                       status, entry.rule, entry.notice.scope, String(entry.attempts), problem(entry) ?? ""])
        }
        return table.rendered()
    }
}
