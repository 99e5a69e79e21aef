import CampaignCore

/// The daily stand-up (`w`): one agenda item per screen, the same items as
/// `campaign-deck standup`, stepped through with n / p.
struct Walkthrough: KeyedOverlay {
    /// Anomalies, KPI moves, due today, late, goals at risk.
    static let steps = 5
    static let scope = KeyBinding.ModalView.walkthrough
    static let bindings: [KeyBinding] = [
        KeyBinding("next_step", [.character("n"), .right], .nextStep, "next agenda item", scope: .view(.walkthrough), hint: "next"),
        KeyBinding("previous_step", [.character("p"), .left], .previousStep, "previous agenda item", scope: .view(.walkthrough), hint: "previous"),
    ]

    var step: Int

    func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        switch command {
        case .nextStep, .previousStep:
            let next = step + (command == .nextStep ? 1 : -1)
            if next >= Self.steps {
                // `DeckUpdate.apply` tells the app the walkthrough ended, however it ends.
                state.overlay = nil
                state.message = "stand-up done"
                return []
            }
            state.overlay = .walkthrough(step: max(0, next))
            return []
        default:
            return nil
        }
    }

    func draw(_ state: DeckState, grid: inout CellGrid) {
        guard let agenda = state.agenda else {
            let why = state.data.today == nil ? "No events yet: the stand-up needs the stream's current day." : "Preparing the agenda…"
            Overlays.box("Stand-up", lines: [(why, Style(.muted)), ("\(state.keys.label("back")) closes", Style(.muted))], grid: &grid)
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
        let keys = state.keys
        lines.append(("\(keys.label("next_step")) next · \(keys.label("previous_step")) previous · \(keys.label("back")) ends the stand-up",
                      Style(.muted)))
        Overlays.box("Stand-up \(agenda.date)", lines: lines, grid: &grid)
    }
}
