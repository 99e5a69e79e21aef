import CampaignCore

/// The resolution takes every key until it is confirmed or cancelled.
extension Resolution: OverlayUnit {
    func handle(_ key: Key, _ state: inout DeckState) -> [DeckEffect]? {
        var resolution = self
        switch step {
        case .cause, .action:
            switch resolution.field.handle(key) {
            case .cancelled:
                close(&state, message: ResolutionWords.cancelled(anomalyID))
                return []
            case .submitted(let text):
                resolution.advance(with: text.trimmingCharacters(in: .whitespaces))
            case .editing, .ignored:
                break
            }
            state.overlay = .resolution(resolution)
            return []
        case .confirm:
            switch key {
            case .character("y"):
                let reopen = state.keys.label(AnomalyPane.reopenBindingID)
                close(&state, message: ResolutionWords.resolved(anomalyID, reopenKey: reopen))
                return [effect]
            case .character("e"):
                resolution.edit()
                state.overlay = .resolution(resolution)
            case .escape, .character("n"):
                close(&state, message: ResolutionWords.cancelled(anomalyID))
            default:
                state.message = ResolutionWords.remind(anomalyID)
            }
            return []
        }
    }

    /// Back to where `r` was pressed: the card, or the pane.
    private func close(_ state: inout DeckState, message: String) {
        state.overlay = fromCard ? .anomalyDetail(id: anomalyID) : nil
        state.message = message
    }

    func hints(_ keys: KeyRegistry) -> [(keys: String, hint: String)]? {
        step == .confirm ? ResolutionWords.confirmChoices : ResolutionWords.typingChoices
    }

    /// Both answers on screen at every step: the action is typed with the
    /// cause in view, and the confirmation shows exactly what will be written.
    func draw(_ state: DeckState, grid: inout CellGrid) {
        let anomaly = state.data.anomalies.first { $0.id == anomalyID }
        var lines: [(String, Style)] = []
        if let anomaly { lines.append(("\(anomaly.title) [\(anomaly.scope)]", Style(.text, attributes: .bold))) }
        func answer(_ label: String, _ text: String, typing: Bool) -> (String, Style) {
            if typing { return (label + field.text + "▏", Style(.text, attributes: .bold)) }
            return (label + (text.isEmpty && step != .cause ? ResolutionWords.notGiven : text), Style(.text))
        }
        switch step {
        case .cause:
            lines += [(ResolutionWords.askCause, Style(.muted)), answer(ResolutionWords.causeLabel, cause, typing: true)]
        case .action:
            lines += [answer(ResolutionWords.causeLabel, cause, typing: false), (ResolutionWords.askAction, Style(.muted)),
                      answer(ResolutionWords.actionLabel, action, typing: true)]
        case .confirm:
            lines += [answer(ResolutionWords.causeLabel, cause, typing: false), answer(ResolutionWords.actionLabel, action, typing: false),
                      ("", Style(.text)), (ResolutionWords.confirmQuestion, Style(.title, attributes: .bold))]
        }
        lines.append((step == .confirm ? ResolutionWords.confirmKeys : ResolutionWords.typingKeys, Style(.muted)))
        Overlays.box(ResolutionWords.title(anomalyID), lines: lines, grid: &grid)
    }
}
