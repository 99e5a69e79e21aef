import CampaignText
import CampaignCore

/// The daily stand-up (`w`): one agenda item per screen, the same items as
/// `campaign-deck standup`, stepped through with n / p.
struct Walkthrough: KeyedOverlay {
    /// Anomalies, KPI moves, due today, late, goals at risk.
    static let steps = 5
    static let scope = KeyBinding.ModalView.walkthrough
    static let bindings: [KeyBinding] = [
        KeyBinding("next_step", [.character("n"), .right], .nextStep, .keyNextStep, scope: .view(.walkthrough), hint: .hintNextStep),
        KeyBinding("previous_step", [.character("p"), .left], .previousStep, .keyPreviousStep, scope: .view(.walkthrough), hint: .hintPreviousStep),
    ]

    var step: Int

    func perform(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect]? {
        switch command {
        case .nextStep, .previousStep:
            let next = step + (command == .nextStep ? 1 : -1)
            if next >= Self.steps {
                // `DeckUpdate.apply` tells the app the walkthrough ended, however it ends.
                state.overlay = nil
                state.message = Phrase.standupDone.text()
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
            let why = (state.data.today == nil ? Phrase.standupNoEvents : Phrase.standupPreparing).text()
            Overlays.box(Phrase.standupTitle.text(), lines: [(why, Style(.muted)), (Phrase.cardEscCloses.text(), Style(.muted))], grid: &grid)
            return
        }
        let sections = agenda.sections(campaignStart: state.plan.campaign.start, markdown: false)
        guard sections.indices.contains(step) else { return }
        let section = sections[step]
        var lines: [(String, Style)] = [
            ("\(step + 1)/\(sections.count)  \(section.title)", Style(.title, attributes: .bold)), ("", Style(.text)),
        ]
        lines += section.items.isEmpty ? [(Phrase.standupNothing.text(), Style(.muted))]
            : section.items.map { ("• " + $0, Style(.text)) }
        lines.append(("", Style(.text)))
        lines.append((Phrase.standupKeys.text(), Style(.muted)))
        Overlays.box(Phrase.standupTitleOn.text(agenda.date), lines: lines, grid: &grid)
    }
}
