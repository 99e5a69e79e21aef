import CampaignCore
import CampaignText
import DeckUI
import Yams

/// Reads the config's YAML tree setting by setting. A setting with a
/// problem is left unset (its default stays) and the problem is kept at its
/// position; the others are read all the same.
struct ConfigReader {
    /// The config file's folder, for theme paths written relative to it.
    let folder: String
    private(set) var problems: [Diagnostic] = []

    init(folder: String) { self.folder = folder }

    mutating func read(_ root: Node, into config: inout DeckConfig) {
        guard case .mapping(let mapping) = root else {
            problem(root, Phrase.configNotMapping.text(DeckConfig.settings.joined(separator: ", "), describe(root)))
            return
        }
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? describe(keyNode)
            // `theme:` with nothing after it: the default, as if not written.
            if isNull(value) && DeckConfig.settings.contains(name) { continue }
            switch name {
            case "language": config.language = language(value)
            case "theme": (config.theme, config.themeLocation) = (theme(value), location(value))
            case "mouse": config.mouse = boolean(value, name: name)
            case "speed": config.speed = speed(value, name: name)
            case "keys":
                let (keys, keyProblems) = KeyRegistry.builtIn.applying(overrides(value, name: name))
                config.keys = keys
                problems += keyProblems
            default:
                problem(keyNode, Phrase.configUnknownSetting.text(
                    name, ConfigWords.suggestion(for: name, among: DeckConfig.settings), DeckConfig.settings.joined(separator: ", ")))
            }
        }
        if config.theme == nil { config.themeLocation = nil }
    }

    private mutating func language(_ node: Node) -> String? {
        guard let text = plainText(node), Language(tag: text) != nil else {
            problem(node, Phrase.configLanguage.text(describe(node), "en", "zh"))
            return nil
        }
        return text
    }

    /// A built-in theme's name, or a path (with `/` or ending in `.theme`) made absolute.
    private mutating func theme(_ node: Node) -> String? {
        guard let text = node.scalar?.string, !text.isEmpty else {
            problem(node, Phrase.configTheme.text(describe(node), "", BuiltinThemes.names.joined(separator: ", ")))
            return nil
        }
        if BuiltinThemes.names.contains(text) { return text }
        guard text.contains("/") || text.hasSuffix(".theme") else {
            problem(node, Phrase.configTheme.text(describe(node), ConfigWords.suggestion(for: text, among: BuiltinThemes.names),
                                                  BuiltinThemes.names.joined(separator: ", ")))
            return nil
        }
        if text.hasPrefix("/") || folder.isEmpty { return text }
        return folder + "/" + text
    }

    private mutating func boolean(_ node: Node, name: String) -> Bool? {
        switch plainText(node) {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            problem(node, Phrase.configBoolean.text(name, "true", "false", describe(node)))
            return nil
        }
    }

    private mutating func speed(_ node: Node, name: String) -> Double? {
        guard let text = plainText(node), let speed = YAMLNumbers.double(text), speed > 0 else {
            problem(node, Phrase.configSpeed.text(name, describe(node)))
            return nil
        }
        return speed
    }

    /// `keys:` as overrides; a binding with a key that cannot be read is left
    /// out whole (it keeps its built-in keys rather than a part of the list).
    private mutating func overrides(_ node: Node, name: String) -> [KeyOverride] {
        guard case .mapping(let mapping) = node else {
            problem(node, Phrase.configKeysNotMapping.text(name, "next_pane: [Tab, ctrl+n]", describe(node)))
            return []
        }
        var overrides: [KeyOverride] = []
        for (idNode, value) in mapping {
            guard let id = idNode.scalar?.string else {
                problem(idNode, Phrase.configKeysNotMapping.text(name, "next_pane: [Tab, ctrl+n]", describe(idNode)))
                continue
            }
            let items: [Node]
            switch value {
            case .scalar: items = isNull(value) ? [] : [value]
            case .sequence(let sequence): items = Array(sequence)
            default:
                problem(value, Phrase.configKeyNotText.text(id, "Tab, ctrl+n", describe(value)))
                continue
            }
            var keys: [KeyOverride.WrittenKey] = []
            var readable = true
            for item in items {
                guard let text = item.scalar?.string, !isNull(item) else {
                    problem(item, Phrase.configKeyNotText.text(id, "Tab, ctrl+n", describe(item)))
                    readable = false
                    continue
                }
                do {
                    keys.append(KeyOverride.WrittenKey(try Key(name: text), at: location(item)))
                } catch {
                    problem(item, error.message)
                    readable = false
                }
            }
            if readable { overrides.append(KeyOverride(id: id, at: location(idNode), keys: keys)) }
        }
        return overrides
    }

    // MARK: YAML nodes

    private mutating func problem(_ node: Node, _ message: String) {
        problems.append(.error(location(node), message))
    }

    private func location(_ node: Node) -> SourceLocation {
        node.mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? .start
    }

    /// An unquoted scalar's text: `"false"` in quotes is text, not a truth value.
    private func plainText(_ node: Node) -> String? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        return scalar.string
    }

    private func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How a value is quoted back in a message.
    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return Phrase.configKindMapping.text()
        case .sequence: return Phrase.configKindList.text()
        case .alias: return "*"
        }
    }
}
