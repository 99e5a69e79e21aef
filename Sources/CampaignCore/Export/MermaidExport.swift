/// A Mermaid `gantt` chart of the scheduled plan: renders in any Mermaid
/// viewer (GitHub, GitLab, mermaid.live). Dates come from the schedule, so the
/// chart shows where tasks really fall, not only where they were pinned.
public enum MermaidExport {
    public static func gantt(_ plan: Plan, schedule: Schedule) -> String {
        var out = "gantt\n"
        out += "    title \(label(plan.campaign.name))\n"
        out += "    dateFormat YYYY-MM-DD\n"
        out += "    axisFormat %m-%d\n"
        // Group by phase in plan order; tasks without a phase go last.
        var groups: [(title: String, tasks: [Int])] = plan.phases.map { phase in
            (phase.name, plan.tasks.indices.filter { plan.tasks[$0].phase == phase.id })
        }
        let loose = plan.tasks.indices.filter { index in !plan.phases.contains { $0.id == plan.tasks[index].phase } }
        if !loose.isEmpty { groups.append(("Other", loose)) }
        for group in groups where !group.tasks.isEmpty {
            out += "    section \(label(group.title))\n"
            for index in group.tasks {
                let task = plan.tasks[index], timing = schedule.tasks[index]
                var tags: [String] = []
                if task.progress >= 1 { tags.append("done") } else if task.progress > 0 { tags.append("active") }
                if timing.isCritical { tags.append("crit") }
                if timing.isMilestone { tags.append("milestone") }
                let length = timing.isMilestone ? "0d" : "\(timing.durationDays)d"
                let fields = tags + [mermaidID(task.id), timing.earlyStart.description, length]
                out += "    \(label(task.name)) :\(fields.joined(separator: ", "))\n"
            }
        }
        return out
    }

    /// Mermaid reads ':' and '#' and ';' as syntax inside task lines; swap them
    /// for look-alikes, and blank out control and bidi characters.
    static func label(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case ":": out += "："
            case ";": out += "；"
            case "#": out += "＃"
            default:
                if ControlCharacters.isUnsafe(scalar) { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out.isEmpty ? "-" : out
    }

    /// Mermaid ids: letters, digits, '_' and '-'; plan ids already are, this guards the rest.
    static func mermaidID(_ id: String) -> String {
        String(id.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
                ? Character(scalar) : "_"
        })
    }
}
