import CampaignCore

/// `w`: the daily stand-up, one agenda item at a time (`n` / `p`).
extension DeckUpdate {
    /// Anomalies, KPI moves, due today, late, goals at risk.
    public static let walkthroughSteps = 5

    static func walkthroughCommand(_ command: DeckCommand, _ state: inout DeckState) -> [DeckEffect] {
        switch command {
        case .startWalkthrough:
            state.overlay = .walkthrough(step: 0)
            return [.walkthrough(active: true)]
        case .nextStep, .previousStep:
            guard case .walkthrough(let step)? = state.overlay else { return [] }
            let next = step + (command == .nextStep ? 1 : -1)
            if next >= walkthroughSteps {
                // `apply` tells the app the walkthrough ended, however it ends.
                state.overlay = nil
                state.message = "stand-up done"
                return []
            }
            state.overlay = .walkthrough(step: max(0, next))
        default:
            break
        }
        return []
    }
}
