import CampaignCore
import CampaignText

/// The timeline's event notes as people read them. The log stores them in
/// English (`acknowledged; owner 王芳`, `opened by rule 'CTR low': ctr 0.64%
/// against 1%`): the database is read by every process whatever its language,
/// and a migration matches those very words. They are translated when shown;
/// what a person wrote (`cause`, `action`, owners, playbooks) stays as written,
/// and a text we did not write is shown as stored.
public enum AnomalyNoteWords {
    /// Who wrote an entry: `alert`, the log's own name for the alert
    /// engine's entries, in the reader's language; a person's name as written.
    public static func author(of note: AnomalyNote) -> String {
        note.kind == .event && note.author == "alert" ? Phrase.timelineAlertAuthor.text() : note.author
    }

    /// An entry's text as read: event notes in the reader's language, a
    /// person's note as written.
    public static func text(of note: AnomalyNote) -> String { note.kind == .note ? note.text : spoken(note.text) }

    public static func spoken(_ stored: String) -> String {
        guard Language.current != .english else { return stored }
        switch stored {
        case "opened by hand": return Phrase.dataNoteOpenedByHand.text()
        case "acknowledged": return Phrase.dataNoteAcknowledged.text()
        default: break
        }
        if let owner = stored.wholeMatch(of: /acknowledged; owner (.+)/)?.1 {
            return Phrase.dataNoteAcknowledgedOwner.text(owner)
        }
        if let match = stored.wholeMatch(of: /reassigned from (.+) to (.+)/) {
            return Phrase.dataNoteReassigned.text(match.1, match.2)
        }
        if let owner = stored.wholeMatch(of: /assigned to (.+)/)?.1 { return Phrase.dataNoteAssigned.text(owner) }
        if let match = stored.wholeMatch(of: /(resolved|resolution updated)((?s).*)/) {
            return resolution(updated: match.1 == "resolution updated", String(match.2)) ?? stored
        }
        if let before = stored.wholeMatch(of: /reopened; (open|acknowledged) again/)?.1,
           let status = AnomalyStatus(rawValue: String(before)) {
            return Phrase.dataNoteReopened.text(AnomalyStatusWords.status(status))
        }
        if let match = stored.wholeMatch(of: /opened by rule '(.*)': (\S+) (.+?) against (.+?)((?s); playbook: .*)?/) {
            let playbook = match.5.map { Phrase.dataNotePlaybook.text($0.dropFirst("; playbook: ".count)) } ?? ""
            return Phrase.dataNoteOpenedByRule.text(match.1, match.2, value(match.3), value(match.4)) + playbook
        }
        if let match = stored.wholeMatch(of: /fired again: (.+?) against (.+)/) {
            return Phrase.dataNoteFiredAgain.text(value(match.1), value(match.2))
        }
        if let measured = stored.wholeMatch(of: /recovered: (.+)/)?.1 { return Phrase.dataNoteRecovered.text(value(measured)) }
        return stored
    }

    /// `; cause: …` and `; action: …` after a resolution, either or both, in that order.
    private static func resolution(updated: Bool, _ rest: String) -> String? {
        var text = (updated ? Phrase.dataNoteResolutionUpdated : .dataNoteResolved).text()
        var rest = Substring(rest)
        var action: Substring?
        if let range = rest.range(of: "; action: ", options: .backwards) {
            action = rest[range.upperBound...]
            rest = rest[..<range.lowerBound]
        }
        if rest.hasPrefix("; cause: ") {
            text += Phrase.dataNoteCause.text(rest.dropFirst("; cause: ".count))
        } else if !rest.isEmpty {
            return nil
        }
        if let action { text += Phrase.dataNoteAction.text(action) }
        return text
    }

    /// A measured value as stored: a number with its unit, or `no data`.
    private static func value(_ text: Substring) -> String {
        text == "no data" ? Phrase.dataNoteNoData.text() : String(text)
    }
}
