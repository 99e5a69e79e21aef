import CampaignCore
import Foundation

/// The Markdown the robots show. Their Markdown dialects differ, so this
/// keeps to what WeCom, DingTalk and Feishu all render: `###` headings,
/// `**bold**`, plain lines and `>` quotes; no tables or HTML.
enum MessageText {
    static func title(_ message: NotifyMessage) -> String {
        let rules = Array(Set(message.notices.map(\.rule))).sorted()
        let mark = message.status == .firing ? "🔴 FIRING" : "✅ RESOLVED"
        return "\(mark) · \(rules.joined(separator: ", ")) · \(message.campaignName)"
    }

    static func markdown(_ message: NotifyMessage) -> String {
        var lines = ["### \(title(message))"]
        for notice in message.notices {
            lines.append("")
            lines += noticeLines(notice, timeZone: message.timeZone)
        }
        lines.append("")
        lines.append("Campaign: \(message.campaignName) (\(message.campaignID)) · times in \(message.timeZone)")
        return lines.joined(separator: "\n")
    }

    static func noticeLines(_ notice: AlertNotice, timeZone: String) -> [String] {
        let scope = notice.scope.isEmpty ? notice.per : "\(notice.per) \(notice.scope)"
        let state = notice.status == .resolved ? "resolved"
            : notice.reminder.map { "still firing, reminder \($0)" } ?? "firing"
        var lines = ["**\(notice.rule)** (\(notice.severity.rawValue), \(state)) · \(scope)",
                     "\(notice.metric): **\(notice.valueText)** (threshold \(notice.thresholdText))",
                     "since \(campaignTime(notice.startedAt, zone: timeZone))"]
        if let ended = notice.endedAt {
            lines[2] += " · resolved \(campaignTime(ended, zone: timeZone)) · lasted \(duration(ended - notice.startedAt))"
        }
        var who: [String] = []
        if let id = notice.anomalyID { who.append("anomaly #\(id)") }
        who.append("owner: \(notice.owner ?? "none")")
        lines.append(who.joined(separator: " · "))
        if let playbook = notice.playbook, !playbook.isEmpty { lines.append("> \(playbook)") }
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
