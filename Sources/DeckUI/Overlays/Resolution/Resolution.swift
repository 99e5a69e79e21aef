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

/// Every word the resolution shows, in one place for the catalog.
enum ResolutionWords {
    static func title(_ id: Int64) -> String { "Resolve #\(id)" }
    static let causeLabel = "Cause:  "
    static let actionLabel = "Action: "
    static let notGiven = "(not given)"
    static let askCause = "What caused it? (Enter with nothing: not known yet)"
    static let askAction = "What was done about it? (Enter with nothing: nothing yet)"
    static let confirmQuestion = "Resolve it with this cause and action?"
    static let typingKeys = "Enter next · Esc cancels (nothing is written)"
    static let confirmKeys = "y resolve · e edit · Esc cancel (nothing is written)"
    static let confirmChoices: [(keys: String, hint: String)] = [("y", "resolve"), ("e", "edit"), ("Esc", "cancel")]
    static let typingChoices: [(keys: String, hint: String)] = [("Enter", "next"), ("Esc", "cancel")]

    static func cancelled(_ id: Int64) -> String { "#\(id) not resolved: nothing was written" }
    static func remind(_ id: Int64) -> String { "resolve #\(id)? y resolve · e edit · Esc cancel" }
    static func resolved(_ id: Int64, reopenKey: String?) -> String {
        "#\(id) resolved" + (reopenKey.map { " · \($0) reopens it if that was a mistake" } ?? "")
    }
}
