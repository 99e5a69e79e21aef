import CampaignCore
import CampaignText
/// `r` on an anomaly: its cause, then the action taken, then both shown
/// together to be confirmed before anything is written. Closing an anomaly
/// is what people report on later, so it is never one stray Enter away; Esc
/// at any step leaves the log as it was.
public struct Resolution: Equatable, Sendable {
    public enum Step: Equatable, Sendable { case cause, action, confirm }

    public let anomalyID: Int64
    /// Started from the anomaly's card: the card is shown again when it ends.
    let fromCard: Bool
    public internal(set) var step: Step = .cause
    public internal(set) var cause = ""
    public internal(set) var action = ""
    /// What is being typed for the cause or the action.
    var field = TextField()

    public init(anomalyID: Int64, fromCard: Bool) {
        self.anomalyID = anomalyID
        self.fromCard = fromCard
    }

    /// Enter on the cause or the action: keep it and go on.
    mutating func advance(with text: String) {
        switch step {
        case .cause:
            cause = text
            step = .action
            field = TextField(text: action)
        case .action:
            action = text
            step = .confirm
        case .confirm:
            break
        }
    }

    /// Back from the confirmation to the cause, both kept to be corrected.
    mutating func edit() {
        step = .cause
        field = TextField(text: cause)
    }

    /// What is written: an empty answer is "not given", not an empty text.
    var effect: DeckEffect {
        .resolve(anomalyID: anomalyID, cause: cause.isEmpty ? nil : cause, action: action.isEmpty ? nil : action)
    }
}

/// Every word the resolution shows (from the catalog).
enum ResolutionWords {
    static func title(_ id: Int64) -> String { Phrase.resolveTitle.text(id) }
    /// The two labels padded to one display width, so the answers line up.
    static var causeLabel: String { labels.cause }
    static var actionLabel: String { labels.action }
    private static var labels: (cause: String, action: String) {
        let cause = Phrase.resolveCauseLabel.text(), action = Phrase.resolveActionLabel.text()
        let width = max(DisplayWidth.of(cause), DisplayWidth.of(action)) + 1
        return (DisplayWidth.pad(cause, toWidth: width), DisplayWidth.pad(action, toWidth: width))
    }
    static var notGiven: String { Phrase.resolveNotGiven.text() }
    static var askCause: String { Phrase.resolveAskCause.text() }
    static var askAction: String { Phrase.resolveAskAction.text() }
    static var confirmQuestion: String { Phrase.resolveConfirmQuestion.text() }
    static var typingKeys: String { Phrase.resolveTypingKeys.text() }
    static var confirmKeys: String { Phrase.resolveConfirmKeys.text() }
    static var confirmChoices: [(keys: String, hint: String)] {
        [("y", Phrase.hintResolve.text()), ("e", Phrase.hintEdit.text()), ("Esc", Phrase.hintCancel.text())]
    }
    static var typingChoices: [(keys: String, hint: String)] {
        [("Enter", Phrase.hintNext.text()), ("Esc", Phrase.hintCancel.text())]
    }

    static func cancelled(_ id: Int64) -> String { Phrase.resolveCancelled.text(id) }
    static func remind(_ id: Int64) -> String { Phrase.resolveRemind.text(id) }
    static func resolved(_ id: Int64, reopenKey: String?) -> String {
        reopenKey.map { Phrase.resolveDoneReopenKey.text(id, $0) } ?? Phrase.resolveDone.text(id)
    }
}
