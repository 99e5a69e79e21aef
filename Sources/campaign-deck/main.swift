import ArgumentParser
import CampaignCore
import CampaignText
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When the process started, for `CAMPAIGN_DECK_TIMING=1` start-up figures.
let launchTime = DispatchTime.now()

// Parse and run by hand rather than with `CampaignDeck.main()` so that exit
// codes are ours (2 for bad input or usage, 1 for a runtime failure;
// ArgumentParser would use 64 for usage errors) and errors print as one
// `campaign-deck: …` line.
// A reader that goes away (`| head -1`) is answered by EPIPE from write(2),
// which `Output` turns into a quiet exit, rather than by a signal mid-write.
signal(SIGPIPE, SIG_IGN)
do {
    let arguments = BareWeekArgument.filled(try LanguageArgument.apply(Array(CommandLine.arguments.dropFirst()),
                                                                       environment: ProcessInfo.processInfo.environment))
    var command = try CampaignDeck.parseAsRoot(arguments)
    try command.run()
    Output.finish()
} catch let error as CLIError {
    Output.error("campaign-deck: \(error.message)")
    if let hint = error.hint { Output.error(Phrase.cliHint.text(hint)) }
    exit(error.code.rawValue)
} catch {
    let code = CampaignDeck.exitCode(for: error)
    if code == .success {
        // --help, --version: written and checked like any other output.
        Output.print(HelpOutput.message(for: error))
        Output.finish()
        exit(0)
    }
    var message = CampaignDeck.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
    message = UsageErrorWording.message(for: message, arguments: Array(CommandLine.arguments.dropFirst()))
    Output.error("campaign-deck: \(message.isEmpty ? "\(error)" : message)")
    Output.error(Phrase.cliHint.text(Phrase.cliHintSeeHelp.text()))
    exit(code == .validationFailure ? 2 : code.rawValue)
}
