import CampaignText

/// The agenda as Markdown for chat: headings per item, bullets, owners named.
extension StandupAgenda {
    public func markdown(campaignStart: Day) -> String {
        var out = "# " + Phrase.standupHeading.text(date, campaignName.terminalSafe) + "\n"
        let none = "_" + Phrase.standupNone.text() + "_\n"
        for section in sections(campaignStart: campaignStart, markdown: true) {
            out += "\n## \(section.title)\n\n" + (section.items.isEmpty ? none : section.items.map { "- \($0)\n" }.joined())
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
        let unassigned = markdown ? "_\(Phrase.standupUnassigned.text())_" : Phrase.standupUnassigned.text()
        let noOwner = Phrase.standupNoOwner.text()
        return [
            (Phrase.standupAnomaliesTitle.text(), anomalies.map { a in
                let new = a.openedAt >= newSince ? " · " + Phrase.standupNew.text() : ""
                return Phrase.standupAnomalyItem.text(strong("#\(a.id)"), AnomalyStatusWords.severity(a.severity), a.title,
                                                      AnomalyStatusWords.status(a.status), a.owner ?? unassigned) + new
            }),
            (Phrase.standupMovesTitle.text(date - 1, date - 2), moves.map { m in
                "\(m.scope) \(m.metric.name): \(m.metric.formatted(m.dayBefore, currency: currency)) → \(m.metric.formatted(m.yesterday, currency: currency)) "
                    + "(\(m.change >= 0 ? "+" : "")\(Formatting.percent(m.change)))"
            }),
            (Phrase.standupDueTitle.text(), dueToday.map { t in
                Phrase.standupDueItem.text(t.id, t.name, t.owner ?? noOwner, Formatting.percent(t.progress))
            }),
            (Phrase.standupLateTitle.text(), late.map { l in
                let critical = l.late.task.isCritical ? ", \(strong(Phrase.standupCriticalPath.text()))" : ""
                let blocks = l.late.allBlocked.isEmpty ? ""
                    : " — " + Phrase.standupBlocks.text(l.late.allBlocked.joined(separator: ", "))
                return Phrase.standupLateItem.text(l.late.task.id, l.name, l.owner ?? noOwner, Phrase.days(l.late.daysLate))
                    + critical + blocks
            }),
            (Phrase.standupRiskTitle.text(), atRisk.map { g in
                let share = g.elapsedShare(campaignStart: campaignStart, today: date) ?? 0
                return Phrase.standupRiskItem.text(g.segmentID, g.goal.spokenMetric, Formatting.percent(g.achievement ?? 0),
                                                   Formatting.percent(share), g.goal.by?.description ?? "?")
            } + targetsAtRisk.map(\.standupLine)),
        ]
    }
}
