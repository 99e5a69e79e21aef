import CampaignText
import Yams

/// YAML tags (`!!binary`, `!!str`, `!custom`) in a plan.
///
/// Why: the plan reader looks at a scalar's text, so a tag used to be ignored
/// silently — `budget: !!binary MTAwMA==` read as the text `MTAwMA==`, and a
/// custom tag promised a meaning nothing gave it. Only the standard tags of
/// YAML's core schema are allowed, and an explicit one must match what the key
/// expects (`days: !!int 5`, never `days: !!str 5`).
enum YAMLTags {
    static let corePrefix = "tag:yaml.org,2002:"
    static let scalarTags: Set<String> = ["str", "int", "float", "bool", "null", "timestamp"]

    /// Reports every tag outside the core schema (or on the wrong kind of
    /// node), and returns the explicit core tags of scalar values by position,
    /// for `YAMLFields` to match against the type each key expects.
    ///
    /// Must run right after composing: Yams replaces an implicit tag with the
    /// resolved one the first time a node is compared or hashed, after which
    /// an explicit `!!int` can no longer be told from a plain `5`. (Mapping
    /// keys are hashed while composing, so any core tag is allowed on a key.)
    static func check(_ root: Node, sink: DiagnosticSink) -> [SourceLocation: String] {
        var explicit: [SourceLocation: String] = [:]
        // Iterative: a deeply nested document must not exhaust the stack here.
        var pending: [(node: Node, isKey: Bool)] = [(root, false)]
        while let (node, isKey) = pending.popLast() {
            let name: String, allowed: Set<String>
            switch node {
            case .scalar(let scalar):
                name = scalar.tag.description
                allowed = scalarTags.union(isKey ? ["merge", "value"] : [])
            case .mapping(let mapping):
                name = mapping.tag.description
                allowed = ["map"]
                for (key, value) in mapping { pending += [(key, true), (value, false)] }
            case .sequence(let sequence):
                name = sequence.tag.description
                allowed = ["seq"]
                pending += sequence.map { ($0, false) }
            case .alias:
                continue
            }
            // "" is no tag, "!" the non-specific tag: both mean "as written".
            guard !name.isEmpty, name != "!" else { continue }
            // libyaml gives every quoted or block scalar !!str unless it is
            // tagged otherwise, so on those !!str says nothing.
            if case .scalar(let scalar) = node, scalar.style != .plain, name == corePrefix + "str" { continue }
            if name.hasPrefix(corePrefix), allowed.contains(String(name.dropFirst(corePrefix.count))) {
                if !isKey, case .scalar = node { explicit[node.location] = String(name.dropFirst(corePrefix.count)) }
                continue
            }
            sink.error(node.location, Phrase.checkTagNotAllowed.text("YAML", shorthand(name)))
        }
        return explicit
    }

    /// `!!binary` for the core schema's long names; others as written.
    static func shorthand(_ name: String) -> String {
        name.hasPrefix(corePrefix) ? "!!" + name.dropFirst(corePrefix.count) : name
    }

    /// The core tags that fit a value of this kind.
    static func fits(_ tag: String, expected: YAMLFields.Expected) -> Bool {
        switch expected {
        case .text, .word: return tag == "str"
        case .number, .amount: return tag == "int" || tag == "float"
        case .wholeNumber: return tag == "int"
        case .boolean: return tag == "bool"
        case .date: return tag == "timestamp" || tag == "str"
        }
    }
}
