import CampaignText

/// Why a delivery failed, as people read it. The outbox stores the reason in
/// English (any process reads it later, whatever language it speaks, and
/// `notify pending --format json` shows it as stored); it is said in the
/// reader's language when shown. The receiver's own words after the code
/// (`invalid webhook url`) and the system's transport errors stay as they came.
public enum DeliveryProblemWords {
    /// The reasons this module writes, in English.
    static let noAnswer = "no HTTP answer"
    static let noSuccessCode = "the answer has no success code"
    static let refused = "refused"
    static let notAURL = "'url' is not a URL"

    static func refusal(code: Int, message: String?) -> String {
        "refused with code \(code)" + (message.map { ": \($0)" } ?? "")
    }

    public static func spoken(_ stored: String) -> String {
        guard Language.current != .english else { return stored }
        switch stored {
        case noAnswer: return Phrase.deliveryNoAnswer.text()
        case noSuccessCode: return Phrase.deliveryNoSuccessCode.text()
        case refused: return Phrase.deliveryRefused.text()
        case notAURL: return Phrase.deliveryURLNotAURL.text("url")
        default: break
        }
        if let match = stored.wholeMatch(of: /refused with code (-?[0-9]+)(?::\s((?s).*))?/) {
            if let message = match.2 { return Phrase.deliveryRefusedCodeSaying.text(match.1, message) }
            return Phrase.deliveryRefusedCode.text(match.1)
        }
        return stored
    }
}
