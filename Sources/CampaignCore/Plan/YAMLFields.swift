import CampaignText
import Foundation
import Yams

/// Collects diagnostics while a plan is read, so that one pass reports every
/// problem instead of stopping at the first.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []
    /// Explicit standard YAML tags of scalar values by position (`YAMLTags`),
    /// so each value can be checked against the type its key expects.
    var explicitTags: [SourceLocation: String] = [:]

    func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(.error(location, message))
    }

    func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(.warning(location, message))
    }
}

extension Node {
    var location: SourceLocation {
        guard let mark else { return .start }
        return SourceLocation(line: mark.line, column: mark.column)
    }

    /// Plain `~`, `null` or nothing: YAML's ways of saying "no value".
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How a value is described in "expected X, got Y" messages.
    var kindDescription: String {
        switch self {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return Phrase.checkKindMapping.text()
        case .sequence: return Phrase.checkKindList.text()
        case .alias: return Phrase.checkKindAlias.text()
        }
    }
}

/// Typed access to one YAML mapping of the plan. Construction reports keys
/// the schema does not know (with "did you mean"); each
/// accessor reports a wrong type at the value's own position.
struct YAMLFields {
    let location: SourceLocation
    private let entries: [String: (key: Node, value: Node)]
    private let sink: DiagnosticSink

    /// Returns nil (after reporting) when `node` is not a mapping.
    init?(_ node: Node, what: String, allowed: [String], sink: DiagnosticSink) {
        guard case .mapping(let mapping) = node else {
            sink.error(node.location, Phrase.checkNotMapping.text(what, node.kindDescription))
            return nil
        }
        self.location = node.location
        self.sink = sink
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else {
                sink.error(key.location, Phrase.checkKeysPlainWords.text(what))
                continue
            }
            let name = keyScalar.string  // duplicates never get here: Yams rejects them while composing
            guard allowed.contains(name) else {
                sink.error(key.location, Phrase.checkUnknownKey.text(name, what, Suggestion.hint(for: name, among: allowed)))
                continue
            }
            entries[name] = (key, value)
        }
        self.entries = entries
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    /// Where each present key's value starts, for messages about that value later.
    var valueLocations: [String: SourceLocation] { entries.mapValues { $0.value.location } }

    /// "task 'creative'" when the mapping has a readable `key`, else "a task":
    /// lets messages about a mapping name it before it is fully read.
    static func describe(_ kind: PlanElementKind, _ node: Node, key: String = "id") -> String {
        guard case .mapping(let mapping) = node,
              let value = mapping.first(where: { $0.key.string == key })?.value,
              case .scalar(let scalar) = value, !scalar.string.isEmpty else {
            return kind.unnamed
        }
        return kind.named(scalar.string)
    }

    /// The value node, or nil when absent or null.
    func value(_ key: String) -> Node? {
        guard let node = entries[key]?.value, !node.isNull else { return nil }
        return node
    }

    func keyLocation(_ key: String) -> SourceLocation? { entries[key]?.key.location }

    /// Where to point for this key: the value if present, else the key, else the mapping.
    func location(of key: String) -> SourceLocation {
        value(key)?.location ?? keyLocation(key) ?? location
    }

    private func missing(_ key: String, _ what: String) {
        sink.error(keyLocation(key) ?? location, Phrase.checkNeedsKey.text(what, key))
    }

    /// What a key's value must be, as messages say it.
    enum Expected {
        case text, number, amount, wholeNumber, boolean, date, word

        /// Said in the language of the moment the message is built.
        var description: String {
            switch self {
            case .text: Phrase.checkExpectText.text()
            case .number: Phrase.checkExpectNumber.text()
            case .amount: Phrase.checkExpectAmount.text()
            case .wholeNumber: Phrase.checkExpectWholeNumber.text()
            case .boolean: Phrase.checkExpectBoolean.text("true", "false")
            case .date: Phrase.checkExpectDate.text()
            case .word: Phrase.checkExpectWord.text()
            }
        }
    }

    private func scalar(_ key: String, required: Bool, what: String, expected: Expected) -> (String, Node.Scalar, Node)? {
        guard let node = value(key) else {
            if required { missing(key, what) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            sink.error(node.location, Phrase.checkWrongKind.text(key, what, expected.description, node.kindDescription))
            return nil
        }
        if let tag = sink.explicitTags[node.location], !YAMLTags.fits(tag, expected: expected) {
            sink.error(node.location, Phrase.checkTagged.text(key, what, expected.description, tag))
            return nil
        }
        return (scalar.string, scalar, node)
    }

    func string(_ key: String, required: Bool = false, what: String) -> String? {
        scalar(key, required: required, what: what, expected: .text)?.0
    }

    func number(_ key: String, required: Bool = false, what: String) -> Double? {
        guard let (text, scalar, node) = scalar(key, required: required, what: what, expected: .number) else { return nil }
        guard scalar.style == .plain, let value = YAMLNumbers.double(text) else {
            sink.error(node.location, Phrase.checkNotNumber.text(key, what, text))
            return nil
        }
        return value
    }

    func decimal(_ key: String, required: Bool = false, what: String) -> Decimal? {
        guard let (text, scalar, node) = scalar(key, required: required, what: what, expected: .amount) else { return nil }
        guard scalar.style == .plain, let value = YAMLNumbers.decimal(text) else {
            sink.error(node.location, Phrase.checkNotAmount.text(key, what, text))
            return nil
        }
        if value < 0 {
            sink.error(node.location, Phrase.checkNegative.text(key, what, text))
            return nil
        }
        return value
    }

    /// A whole number in `minimum...maximum`; `limitText` says what the maximum
    /// stands for ("10 years") in the message.
    func integer(_ key: String, required: Bool = false, what: String, minimum: Int,
                 maximum: Int = Int.max, limitText: String? = nil) -> Int? {
        guard let (text, scalar, node) = scalar(key, required: required, what: what, expected: .wholeNumber) else { return nil }
        guard scalar.style == .plain, YAMLNumbers.isWholeNumberText(text) else {
            sink.error(node.location, Phrase.checkNotWholeNumber.text(key, what, text))
            return nil
        }
        // Digits beyond Int's range are too large (or small), not "not a number".
        let value = Int(text)
        if let value, value < minimum {
            sink.error(node.location, Phrase.checkAtLeast.text(key, what, minimum, text))
            return nil
        }
        guard let value, value <= maximum else {
            if value == nil && text.hasPrefix("-") {
                sink.error(node.location, Phrase.checkAtLeast.text(key, what, minimum, text))
            } else {
                let limit = limitText.map { Phrase.checkLimitMeaning.text(maximum, $0) } ?? "\(maximum)"
                sink.error(node.location, Phrase.checkAtMost.text(key, what, limit, text))
            }
            return nil
        }
        return value
    }

    func bool(_ key: String, what: String) -> Bool? {
        guard let (text, scalar, node) = scalar(key, required: false, what: what, expected: .boolean) else { return nil }
        switch (scalar.style, text) {
        case (.plain, "true"), (.plain, "True"), (.plain, "TRUE"): return true
        case (.plain, "false"), (.plain, "False"), (.plain, "FALSE"): return false
        default:
            sink.error(node.location, Phrase.checkNotBoolean.text(key, what, "true", "false", text))
            return nil
        }
    }

    func day(_ key: String, required: Bool = false, what: String) -> Day? {
        guard let (text, _, node) = scalar(key, required: required, what: what, expected: .date) else { return nil }
        guard let day = Day(iso: text) else {
            sink.error(node.location, Phrase.checkNotDate.text(key, what, text))
            return nil
        }
        guard day.isInSupportedRange else {
            sink.error(node.location, Phrase.checkDateOutOfRange.text(key, what, Phrase.checkDateRange.text(Day.supportedYears.lowerBound, Day.supportedYears.upperBound), text))
            return nil
        }
        return day
    }

    /// One of a fixed set of words, with "did you mean" when misspelt.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type, what: String) -> T?
    where T.RawValue == String {
        guard let (text, _, node) = scalar(key, required: false, what: what, expected: .word) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        sink.error(node.location, Phrase.checkNotOneOf.text(key, what, names.joined(separator: Phrase.checkListSeparator.text()), text, Suggestion.hint(for: text, among: names)))
        return nil
    }

    /// A list of scalars (`[a, b]`), each with its position.
    func stringList(_ key: String, what: String) -> [(text: String, location: SourceLocation)] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            if case .scalar(let scalar) = node { return [(scalar.string, node.location)] }
            sink.error(node.location, Phrase.checkNotListLike.text(key, what, node.kindDescription))
            return []
        }
        var items: [(String, SourceLocation)] = []
        for item in sequence {
            guard case .scalar(let scalar) = item, !item.isNull else {
                sink.error(item.location, Phrase.checkListItemNotText.text(key, what, item.kindDescription))
                continue
            }
            items.append((scalar.string, item.location))
        }
        return items
    }

    /// A list of mappings: the sequence's items, or nothing (after reporting) when it is not a list.
    func list(_ key: String, what: String) -> [Node] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            sink.error(node.location, Phrase.checkNotList.text(key, what, node.kindDescription))
            return []
        }
        return Array(sequence)
    }

    /// Where the scalar's text starts in the file: quoted scalars begin one column
    /// after their mark. Used to point rule errors at the exact column.
    func textStart(_ key: String) -> SourceLocation? {
        guard let node = value(key), case .scalar(let scalar) = node else { return nil }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        return node.location.advanced(byColumns: quoted ? 1 : 0)
    }
}

/// Strict number syntax for plan values: what a person writes in a spreadsheet
/// column, nothing YAML-exotic (no `.inf`, `0x`, `1_000`).
public enum YAMLNumbers {
    public static func isNumberText(_ text: String) -> Bool {
        var sawDigit = false, sawDot = false, sawExponent = false
        var previous: Character = " "
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9": sawDigit = true
            case "-", "+":
                guard index == 0 || previous == "e" || previous == "E" else { return false }
            case ".":
                guard !sawDot, !sawExponent else { return false }
                sawDot = true
            case "e", "E":
                guard sawDigit, !sawExponent else { return false }
                sawExponent = true
            default: return false
            }
            previous = character
        }
        return sawDigit && previous != "e" && previous != "E" && previous != "+" && previous != "-"
    }

    /// Digits with an optional sign: what `integer` accepts (Int() alone would
    /// call a number too large for Int "not a number").
    static func isWholeNumberText(_ text: String) -> Bool {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    public static func double(_ text: String) -> Double? {
        guard isNumberText(text), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    static func decimal(_ text: String) -> Decimal? {
        guard isNumberText(text) else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
