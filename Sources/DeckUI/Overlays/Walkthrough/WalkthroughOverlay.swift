import CampaignCore

/// The stand-up walkthrough: one agenda item per screen, the same items as
/// `campaign-deck standup`, with where we are (step n of 5).
enum WalkthroughOverlay {
    static func draw(_ state: DeckState, step: Int, grid: inout CellGrid) {
        guard let agenda = state.agenda else {
            let why = state.data.today == nil ? "No events yet: the stand-up needs the stream's current day." : "Preparing the agenda…"
            Overlays.box("Stand-up", lines: [(why, Style(.muted)), ("Esc closes", Style(.muted))], grid: &grid)
            return
        }
        let sections = agenda.sections(campaignStart: state.plan.campaign.start, markdown: false)
        guard sections.indices.contains(step) else { return }
        let section = sections[step]
        var lines: [(String, Style)] = [
            ("\(step + 1)/\(sections.count)  \(section.title)", Style(.title, attributes: .bold)), ("", Style(.text)),
        ]
        lines += section.items.isEmpty ? [("Nothing here today.", Style(.muted))]
            : section.items.map { ("• " + $0, Style(.text)) }
        lines.append(("", Style(.text)))
        lines.append(("n next · p previous · Esc ends the stand-up", Style(.muted)))
        Overlays.box("Stand-up \(agenda.date)", lines: lines, grid: &grid)
    }
}
