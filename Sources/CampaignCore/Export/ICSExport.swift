import Foundation

/// An iCalendar file (RFC 5545) with one all-day event per task, for putting
/// the plan into the team's calendar.
public enum ICSExport {
    public static func calendar(_ plan: Plan, schedule: Schedule) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CampaignDeck//campaign-deck//EN", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:" + escape(plan.campaign.name),
        ]
        // DTSTAMP must be a UTC time; the campaign start keeps the file identical
        // between exports of an unchanged plan (no churn in git or calendars).
        let stamp = compact(plan.campaign.start) + "T000000Z"
        for (task, timing) in zip(plan.tasks, schedule.tasks) {
            var description: [String] = []
            if let owner = task.owner { description.append("Owner: \(owner)") }
            if let phase = task.phase, let name = plan.phase(phase)?.name { description.append("Phase: \(name)") }
            description.append("Progress: \(Formatting.percent(task.progress, decimals: 0))")
            if timing.isCritical { description.append("On the critical path") }
            if let risk = task.risk { description.append("Risk: \(risk)") }
            if let mitigation = task.mitigation { description.append("Mitigation: \(mitigation)") }
            lines += [
                "BEGIN:VEVENT",
                "UID:\(task.id)@\(plan.campaign.id).campaign-deck",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(timing.earlyStart))",
                // DTEND of an all-day event is exclusive: the day after the inclusive finish.
                "DTEND;VALUE=DATE:\(compact(timing.earlyFinish + 1))",
                "SUMMARY:" + escape(timing.isMilestone ? "◆ " + task.name : task.name),
                "DESCRIPTION:" + escape(description.joined(separator: "\n")),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    /// TEXT escaping of RFC 5545 §3.3.11.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            default:
                // RFC 5545 forbids controls in TEXT; bidi overrides would disguise the summary.
                if !ControlCharacters.isUnsafe(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = "", octets = 0
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if octets + width > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += width
        }
        return out
    }
}
