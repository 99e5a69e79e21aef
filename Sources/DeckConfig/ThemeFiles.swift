import CampaignText
import CampaignCore
import DeckUI
import Foundation

/// A theme by name (`--theme`, `:theme`, the config's `theme:`): a built-in
/// one, or a `.theme` file by path. A broken file names its line.
public enum ThemeFiles {
    public struct LoadError: Error, Sendable {
        public let message: String
        public let hint: String?
    }

    public static func load(_ name: String) throws(LoadError) -> Theme {
        if let text = BuiltinThemes.text(name) {
            return try parse(text, name: name, source: "themes/\(name).theme")
        }
        guard name.hasSuffix(".theme") || name.contains("/") else {
            throw LoadError(message: Phrase.themeUnknown.text(name, Suggestion.hint(for: name, among: BuiltinThemes.names)),
                            hint: Phrase.themeBuiltIn.text(BuiltinThemes.names.joined(separator: ", ")))
        }
        guard let text = try? String(contentsOfFile: name, encoding: .utf8) else {
            throw LoadError(message: Phrase.themeCannotRead.text(name), hint: nil)
        }
        return try parse(text, name: URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent, source: name)
    }

    /// The dashboard's theme: `--theme` as given (a broken one is an error);
    /// the config's falls back to the built-in default with a problem at its
    /// `theme:` line, so a broken config never keeps the dashboard from starting.
    public static func load(_ settings: DashboardSettings, config: inout DeckConfig) throws(LoadError) -> Theme {
        guard settings.themeIsConfigured else { return try load(settings.theme) }
        do {
            return try load(settings.theme)
        } catch {
            config.themeNotUsed(error.message)
            return try load(DashboardSettings.builtInTheme)
        }
    }

    private static func parse(_ text: String, name: String, source: String) throws(LoadError) -> Theme {
        do {
            return try Theme.parse(text, name: name, source: source)
        } catch {
            throw LoadError(message: Phrase.themeBroken.text(error.message, error.source, error.line), hint: nil)
        }
    }
}
