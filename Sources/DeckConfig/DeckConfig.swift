import CampaignCore
import CampaignText
import DeckUI
import Foundation
import Yams

/// The user's own defaults, from the config file (`ConfigLocation`):
///
/// ```yaml
/// language: zh            # en | zh
/// theme: light            # default | light | high-contrast | monochrome | FILE.theme
/// mouse: false
/// speed: 600              # the simulator's replay speed
/// keys:                   # binding id: one key or a list (replacing its keys)
///   next_pane: [Tab, ctrl+n]
/// ```
///
/// A broken file never stops the dashboard: each problem is a `Diagnostic`
/// at the line and column written, what it concerned keeps its built-in
/// default, and every good setting still applies. Command-line flags win
/// over all of it (`DashboardSettings`).
public struct DeckConfig: Sendable {
    /// The file read; nil when there is none.
    public var path: String?
    /// A language tag `Language(tag:)` reads (`zh`, `en`), for `Language.choose`'s `configured`.
    public var language: String?
    /// A built-in theme's name, or a theme file's path (relative ones resolved against the config's folder).
    public var theme: String?
    /// Where `theme` is written, for a problem found when the file is loaded.
    public var themeLocation: SourceLocation?
    public var mouse: Bool?
    public var speed: Double?
    /// The key table with the user's keys applied.
    public var keys: KeyRegistry = .builtIn
    /// Everything wrong with the file, in file order.
    public var problems: [Diagnostic] = []

    public init(path: String? = nil) { self.path = path }

    /// The settings a file may have.
    public static let settings = ["language", "theme", "mouse", "speed", "keys"]

    /// Each problem as `FILE:LINE:COLUMN: what`.
    public var problemLines: [String] { problems.map { $0.formatted(file: path ?? ConfigLocation.relativePath) } }

    /// A `--config FILE` that is not there: a usage error, unlike a missing default file.
    public struct MissingFile: Error, Sendable {
        public let path: String
    }

    /// The config the dashboard's options ask for: none with `--no-config`,
    /// `--config FILE` (which must exist), else the default file if there is one.
    public static func forDashboard(explicit: String?, disabled: Bool,
                                    environment: [String: String]) throws(MissingFile) -> DeckConfig {
        if disabled { return DeckConfig() }
        if let explicit {
            guard let config = load(path: explicit) else { throw MissingFile(path: explicit) }
            return config
        }
        return ConfigLocation.defaultPath(environment: environment).flatMap(load(path:)) ?? DeckConfig()
    }

    /// The config's theme could not be loaded (`why`): a problem at its
    /// `theme:` value, in file order with the others.
    public mutating func themeNotUsed(_ why: String) {
        problems = (problems + [.error(themeLocation ?? .start, Phrase.configThemeBroken.text(why))]).sortedByLocation
    }

    /// The file at `path`; nil when nothing is there (no config is no problem).
    /// A file that cannot be read is a config with that problem.
    public static func load(path: String) -> DeckConfig? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        var config = DeckConfig(path: path)
        // Not a FIFO or a device: reading one could block before the dashboard starts.
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        guard !isDirectory.boolValue, type == .typeRegular else {
            config.problems = [.error(.start, Phrase.configCannotRead.text(
                isDirectory.boolValue ? Phrase.configIsFolder.text() : Phrase.configNotRegularFile.text()))]
            return config
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            config.problems = [.error(.start, Phrase.configCannotRead.text(Phrase.configPermissionDenied.text()))]
            return config
        }
        guard let text = String(data: data, encoding: .utf8) else {
            config.problems = [.error(.start, Phrase.configCannotRead.text(Phrase.configNotUTF8.text("UTF-8")))]
            return config
        }
        return parse(text, path: path)
    }

    /// Reads config text; `path` names it in messages and anchors relative theme paths.
    public static func parse(_ text: String, path: String) -> DeckConfig {
        var config = DeckConfig(path: path)
        // As the plan reader does: libyaml would read a byte order mark as part of the first key.
        let yaml = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else { return config }
            root = composed
        } catch {
            let (location, message) = PlanLoader.describeYAMLError(error, text: text)
            config.problems = [.error(location, message)]
            return config
        }
        var reader = ConfigReader(folder: (path as NSString).deletingLastPathComponent)
        reader.read(root, into: &config)
        config.problems = reader.problems.sortedByLocation
        return config
    }
}
