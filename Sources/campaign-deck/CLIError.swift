import CampaignCore
import CampaignText

/// A failure to report as every command does: one line on standard error,
/// `campaign-deck: <what> (<where>)`, an optional hint, and an exit code.
struct CLIError: Error {
    enum Code: Int32 {
        case runtime = 1
        case badInput = 2
    }

    let message: String
    let hint: String?
    let code: Code

    init(_ message: String, hint: String? = nil, code: Code = .badInput) {
        self.message = message
        self.hint = hint
        self.code = code
    }

    /// The plan had errors; they were already printed line by line.
    static func planInvalid(_ path: String, errors: Int) -> CLIError {
        CLIError(errors == 1 ? Phrase.cliPlanInvalidOne.text(path) : Phrase.cliPlanInvalidMany.text(errors, path),
                 hint: Phrase.cliPlanInvalidHint.text(path))
    }
}
