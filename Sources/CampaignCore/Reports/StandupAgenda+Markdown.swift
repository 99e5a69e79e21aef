/// The agenda as Markdown for chat: headings per item, bullets, owners named.
extension StandupAgenda {
    public func markdown(campaignStart: Day) -> String {
        var out = "# Stand-up \(date) · \(campaignName.terminalSafe)\n"
        for section in sections(campaignStart: campaignStart, markdown: true) {
            out += "\n## \(section.title)\n\n" + (section.items.isEmpty ? "_None._\n" : section.items.map { "- \($0)\n" }.joined())
        }
        return out
    }

    /// The agenda's five items in stand-up order, each a title and its lines;
    /// `markdown` adds emphasis for chat, plain text is for the dashboard.
    /// Each item is one line: control characters in the data (a title with a
    /// line break, an escape sequence in a channel name) are shown as escapes.
    public func sections(campaignStart: Day, markdown: Bool) -> [(title: String, items: [String])] {
        rawSections(campaignStart: campaignStart, markdown: markdown).map { section in
            (section.title.terminalSafe, section.items.map(\.terminalSafe))
        }
    }

    private func rawSections(campaignStart: Day, markdown: Bool) -> [(title: String, items: [String])] {
        let strong = { (text: String) in markdown ? "**\(text)**" : text }
        let unassigned = markdown ? "_unassigned_" : "unassigned"
        return [
            ("Anomalies since yesterday", anomalies.map { a in
                let new = a.openedAt >= newSince ? " · new" : ""
                return "\(strong("#\(a.id)")) [\(a.severity)] \(a.title) — \(a.status.rawValue), owner: \(a.owner ?? unassigned)\(new)"
            }),
            ("KPIs that moved most (\(date - 1) vs \(date - 2))", moves.map { m in
                "\(m.scope) \(m.metric.name): \(m.metric.formatted(m.dayBefore, currency: currency)) → \(m.metric.formatted(m.yesterday, currency: currency)) "
                    + "(\(m.change >= 0 ? "+" : "")\(Formatting.percent(m.change)))"
            }),
            ("Due today", dueToday.map { t in
                "\(t.id) \(t.name) (\(t.owner ?? "no owner")), progress \(Formatting.percent(t.progress))"
            }),
            ("Late", late.map { l in
                let days = "\(l.late.daysLate) day\(l.late.daysLate == 1 ? "" : "s") late"
                let critical = l.late.task.isCritical ? ", \(strong("critical path"))" : ""
                let blocks = l.late.allBlocked.isEmpty ? "" : " — blocks: " + l.late.allBlocked.joined(separator: ", ")
                return "\(l.late.task.id) \(l.name) (\(l.owner ?? "no owner")), \(days)\(critical)\(blocks)"
            }),
            ("Goals at risk", atRisk.map { g in
                let share = g.elapsedShare(campaignStart: campaignStart, today: date) ?? 0
                return "\(g.segmentID) \(g.goal.metric): \(Formatting.percent(g.achievement ?? 0)) achieved with "
                    + "\(Formatting.percent(share)) of the time to \(g.goal.by?.description ?? "?") gone"
            }),
        ]
    }
}
