import CampaignText
import DeckConfig
import Foundation

/// `--lang en|zh` is accepted by every command, anywhere before `--`, so it
/// is taken out before ArgumentParser sees the arguments: the language must
/// be known before parsing (its errors and help are in it too).
enum LanguageArgument {
    /// The arguments without `--lang X` / `--lang=X`, and the last value given.
    static func take(from arguments: [String]) throws -> (language: String?, rest: [String]) {
        var rest: [String] = []
        var language: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            if argument == "--lang" {
                guard index + 1 < arguments.endIndex else {
                    throw CLIError(Phrase.cliLangNeedsValue.text())
                }
                language = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--lang=") {
                language = String(argument.dropFirst("--lang=".count))
            } else {
                rest.append(argument)
            }
            index += 1
        }
        return (language, rest)
    }

    /// Sets the process's language from the arguments, the environment and
    /// the config file's `language` (read quietly here: only the dashboard
    /// reports the config's problems); returns the other arguments.
    static func apply(_ arguments: [String], environment: [String: String]) throws -> [String] {
        // Until `--lang` is read, its own error follows the environment.
        Language.process = (try? Language.choose(flag: nil, environment: environment)) ?? .english
        let (flag, rest) = try take(from: arguments)
        let configured = ConfigLocation.scan(rest, environment: environment).path
            .flatMap { DeckConfig.load(path: $0)?.language }
        do {
            Language.process = try Language.choose(flag: flag, configured: configured, environment: environment)
        } catch {
            throw CLIError(error.description)
        }
        return rest
    }
}
