import CampaignText
import CampaignCore
import Foundation

/// The Markdown the robots show. Their Markdown dialects differ, so this
/// keeps to what WeCom, DingTalk and Feishu all render: `###` headings,
/// `**bold**`, plain lines and `>` quotes; no tables or HTML. Every text that
/// comes from the plan or the data goes through `MarkdownLiteral` here, and
/// nowhere else, so it shows as written.
enum MessageText {
    /// For plain-text fields (a DingTalk title, a Feishu card header, WeCom's mention).
    static func title(_ message: NotifyMessage) -> String { title(message, literal: MarkdownLiteral.plain) }

    private static func title(_ message: NotifyMessage, literal: (String) -> String) -> String {
        let rules = Array(Set(message.notices.map(\.rule))).sorted().map(literal)
        let mark = (message.status == .firing ? Phrase.robotFiring : Phrase.robotResolved).text()
        return "\(mark) · \(rules.joined(separator: ", ")) · \(literal(message.campaignName))"
    }

    /// The message in Markdown, at most `maxBytes` of UTF-8 (a robot refuses a
    /// longer one, and would go on refusing it): the notices that fit, in
    /// order, then how many more there are; a single notice too long is cut.
    static func markdown(_ message: NotifyMessage, maxBytes: Int = .max) -> String {
        let literal = { (text: String) in MarkdownLiteral.escaped(text) }
        let head = "### \(title(message, literal: literal))"
        let foot = Phrase.robotFooter.text(literal(message.campaignName), literal(message.campaignID), literal(message.timeZone))
        let blocks = message.notices.map { noticeLines($0, timeZone: message.timeZone).joined(separator: "\n") }
        func assemble(_ shown: [String], more: Int) -> String {
            let rest = more > 0 ? [Phrase.robotMoreNotShown.text(more)] : []
            return ([head] + shown + rest + [foot]).joined(separator: "\n\n")
        }
        var count = blocks.count
        while count > 1 && assemble(Array(blocks.prefix(count)), more: blocks.count - count).utf8.count > maxBytes { count -= 1 }
        let text = assemble(Array(blocks.prefix(count)), more: blocks.count - count)
        guard text.utf8.count > maxBytes, count == 1 else { return text }
        let room = maxBytes - assemble([""], more: blocks.count - 1).utf8.count
        return assemble([cut(blocks[0], toBytes: room)], more: blocks.count - 1)
    }

    /// `text` cut to at most `limit` bytes with `…`, never inside a character
    /// reference (`&#42;`) that `MarkdownLiteral` wrote.
    static func cut(_ text: String, toBytes limit: Int) -> String {
        let ellipsis = "…"
        var kept = "", bytes = 0
        for character in text {
            let size = character.utf8.count
            if bytes + size + ellipsis.utf8.count > limit { break }
            kept.append(character)
            bytes += size
        }
        if let amp = kept.lastIndex(of: "&"), !kept[amp...].contains(";") { kept = String(kept[..<amp]) }
        return kept + ellipsis
    }

    static func noticeLines(_ notice: AlertNotice, timeZone: String) -> [String] {
        let literal = { (text: String) in MarkdownLiteral.escaped(text) }
        let per = AnomalyStatusWords.per(notice.per)
        let scope = literal(notice.scope.isEmpty ? per : "\(per) \(notice.scope)")
        let state = notice.status == .resolved ? Phrase.robotStateResolved.text()
            : notice.reminder.map { Phrase.robotStateReminder.text($0) } ?? Phrase.robotStateFiring.text()
        let severity = AnomalyStatusWords.severity(notice.severity.rawValue)
        var lines = ["**\(literal(notice.rule))** (\(severity), \(state)) · \(scope)",
                     Phrase.robotValueLine.text(literal(notice.metric), literal(notice.valueText), literal(notice.thresholdText)),
                     Phrase.robotSince.text(campaignTime(notice.startedAt, zone: timeZone))]
        if let ended = notice.endedAt {
            lines[2] = Phrase.robotResolvedAt.text(lines[2], campaignTime(ended, zone: timeZone), duration(ended - notice.startedAt))
        }
        var who: [String] = []
        if let id = notice.anomalyID { who.append(Phrase.robotAnomaly.text(id)) }
        who.append(Phrase.robotOwner.text(notice.owner.map(literal) ?? Phrase.noneValue.text()))
        lines.append(who.joined(separator: " · "))
        if let playbook = notice.playbook, !playbook.isEmpty { lines.append("> \(MarkdownLiteral.escaped(playbook, startsLine: true))") }
        return lines
    }

    /// `2026-04-21 10:32` in the campaign's zone (event time, not the sender's clock).
    static func campaignTime(_ epochSeconds: Int64, zone: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epochSeconds)))
    }

    /// `2h 15m`, `45m`, `3d 4h`: two units at most, as people say it.
    static func duration(_ seconds: Int64) -> String {
        let minutes = max(0, seconds) / 60
        let days = minutes / 1_440, hours = (minutes % 1_440) / 60, rest = minutes % 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return rest > 0 ? "\(hours)h \(rest)m" : "\(hours)h" }
        return "\(rest)m"
    }
}
