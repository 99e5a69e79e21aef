import CampaignCore
import CampaignText

/// One binding's keys as the user wrote them (the config's `keys:`): they
/// replace all of the binding's built-in keys.
public struct KeyOverride: Sendable {
    public struct WrittenKey: Sendable {
        public let key: Key
        public let location: SourceLocation
        public init(_ key: Key, at location: SourceLocation) {
            self.key = key
            self.location = location
        }
    }

    /// The binding's stable id (`next_pane`).
    public let id: String
    /// Where the id is written.
    public let location: SourceLocation
    public let keys: [WrittenKey]

    public init(id: String, at location: SourceLocation, keys: [WrittenKey]) {
        self.id = id
        self.location = location
        self.keys = keys
    }
}

extension KeyRegistry {
    /// This table with the user's keys in place. An override naming no
    /// binding, or giving a binding a key another binding of the same place
    /// already has (so one of them could never run), is left out with a
    /// problem at the position written; its binding keeps its built-in keys,
    /// and every other override still applies.
    public func applying(_ overrides: [KeyOverride]) -> (registry: KeyRegistry, problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        var accepted: [KeyOverride] = []
        let ids = bindings.map(\.id)
        for override in overrides {
            guard ids.contains(override.id) else {
                problems.append(.error(override.location, Phrase.keyConfigUnknownBinding.text(
                    override.id, ConfigWords.suggestion(for: override.id, among: ids), "`campaign-deck dashboard --list-keys`")))
                continue
            }
            guard !override.keys.isEmpty else {
                problems.append(.error(override.location, Phrase.configKeysEmpty.text(override.id, binding(id: override.id)!.keyLabel)))
                continue
            }
            accepted.append(override)
        }
        // A collision drops one override (the later in the file, or the only
        // one when the other binding keeps its built-in keys). Its binding's
        // built-in keys come back and may collide with another override, so
        // look again until nothing collides.
        while let (dropped, key, other) = firstCollision(accepted) {
            let override = accepted[dropped]
            let location = override.keys.first { $0.key == key }?.location ?? override.location
            let builtIn = binding(id: override.id)!.keyLabel
            problems.append(.error(location, Phrase.keyConfigTaken.text(key.label, other, override.id, builtIn)))
            accepted.remove(at: dropped)
        }
        return (replacingKeys(accepted), problems.sortedByLocation)
    }

    private func replacingKeys(_ overrides: [KeyOverride]) -> KeyRegistry {
        var table = bindings
        for override in overrides {
            guard let index = table.firstIndex(where: { $0.id == override.id }) else { continue }
            var keys: [Key] = []
            for written in override.keys where !keys.contains(written.key) { keys.append(written.key) }
            table[index].keys = keys
        }
        return KeyRegistry(bindings: table)
    }

    /// The index of the override to drop, the key it shares and the id of
    /// the binding it shares it with; nil when no two bindings of one place share a key.
    private func firstCollision(_ overrides: [KeyOverride]) -> (Int, Key, String)? {
        let table = replacingKeys(overrides).bindings
        let order = Dictionary(uniqueKeysWithValues: overrides.enumerated().map { ($1.id, $0) })
        for (position, override) in overrides.enumerated() {
            let own = table.first { $0.id == override.id }!
            for written in override.keys {
                for other in table where other.id != own.id && other.keys.contains(written.key)
                    && other.scope.collides(with: own.scope) {
                    // Both overridden: the later one in the file goes, at the key written there.
                    if let otherPosition = order[other.id], otherPosition > position {
                        return (otherPosition, written.key, own.id)
                    }
                    return (position, written.key, other.id)
                }
            }
        }
        return nil
    }
}

/// Words shared by the config's messages.
public enum ConfigWords {
    /// ` (did you mean 'x'?)` in the interface language, or nothing when no candidate is close.
    public static func suggestion(for word: String, among candidates: [String]) -> String {
        Suggestion.closest(to: word, among: candidates).map { Phrase.configDidYouMean.text($0) } ?? ""
    }
}
