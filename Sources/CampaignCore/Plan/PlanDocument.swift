import CampaignText
import Yams

/// A plan file as text plus what it means. Edits rewrite only the characters
/// of the value they change, so an unchanged plan saves byte-identical and a
/// changed owner shows up as a one-line diff with every comment intact.
public struct PlanDocument: Sendable {
    public enum PathComponent: Hashable, Sendable, CustomStringConvertible {
        case key(String)
        case index(Int)

        public var description: String {
            switch self {
            case .key(let key): return key
            case .index(let index): return "[\(index)]"
            }
        }
    }

    /// A value to write: text (quoted when YAML would misread it) or a literal
    /// written as is (numbers, dates, booleans).
    public enum Value: Sendable, Equatable {
        case text(String)
        case literal(String)

        /// A literal `{ … }` or `[ … ]`, checked as a collection after writing.
        var isWrittenCollection: Bool {
            guard case .literal(let text) = self else { return false }
            return text.hasPrefix("{") || text.hasPrefix("[")
        }

        var readBack: String {
            switch self {
            case .text(let text), .literal(let text): return text
            }
        }
    }

    public struct EditError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public var description: String { message }

        public init(message: String) { self.message = ChineseSpacing.tidy(message) }
    }

    public let text: String
    public let result: PlanLoader.Result
    public var plan: Plan? { result.plan }
    public var diagnostics: [Diagnostic] { result.diagnostics }
    /// The plan's schedule (nil when there is no plan or it cannot be
    /// scheduled): the one checking computed, else computed now.
    public var schedule: Schedule? {
        guard let plan else { return nil }
        return result.schedule ?? (try? Schedule(computing: PlanScheduling.input(for: plan)))
    }
    /// The YAML tree `result` was read from, kept for edits (parsing a large
    /// plan is most of an edit's cost), and where each line starts.
    let tree: YAMLTree
    /// What was read before the checks between elements, for re-reading
    /// only the edited tasks (nil when the text did not read as a plan mapping).
    let parts: PlanReadParts?

    public init(text: String) {
        self.text = text
        let (result, root, parts) = PlanLoader.loadKeepingParts(yaml: text)
        self.result = result
        self.tree = YAMLTree(root: root, text: text)
        self.parts = parts
    }

    init(text: String, result: PlanLoader.Result, tree: YAMLTree, parts: PlanReadParts?) {
        self.text = text
        self.result = result
        self.tree = tree
        self.parts = parts
    }

    /// The parsed tree, or why there is none.
    func root() throws -> Node {
        guard let root = tree.root else { throw EditError(message: Phrase.checkDocNotYAML.text()) }
        return root
    }

    /// The task's index in `tasks:`, for building paths.
    public func path(toTask id: String, key: String) throws -> [PathComponent] {
        guard let index = plan?.tasks.firstIndex(where: { $0.id == id }) else {
            throw EditError(message: Phrase.checkDocNoTask.text(id))
        }
        return [.key("tasks"), .index(index), .key(key)]
    }

    /// Sets the scalar at `path` (whose last component is a key), replacing the
    /// value in place or adding the key to its mapping.
    public func setting(_ path: [PathComponent], to value: Value) throws -> PlanDocument {
        try setting([(path, value)])
    }

    /// Several values at once: one parse to find them all, one to check the
    /// result — what keeps pushing a hundred pinned tasks from costing a
    /// hundred re-reads of the whole file.
    public func setting(_ edits: [(path: [PathComponent], value: Value)]) throws -> PlanDocument {
        guard !edits.isEmpty else { return self }
        let (edited, changes) = try textSetting(edits)
        let result = rereadingTasks(at: edits.map(\.path), changes: changes, edited: edited) ?? PlanDocument(text: edited)
        // Trust nothing done by hand: read the result back and compare.
        guard let reread = try? result.root() else {
            throw EditError(message: Phrase.checkDocCouldNotSet.text(describePath(edits[0].path)))
        }
        for (path, value) in edits {
            guard let (changed, _) = try? node(at: path, in: reread),
                  changed.string == value.readBack || value.isWrittenCollection && changed.string == nil else {
                throw EditError(message: Phrase.checkDocCouldNotSet.text(describePath(path)))
            }
        }
        return result
    }

    /// The text with `edits` made, and the changes that made it.
    func textSetting(_ edits: [(path: [PathComponent], value: Value)]) throws -> (text: String, changes: [TextChange]) {
        let root = try root()
        let changes = try edits.map { try change(setting: $0.path, to: $0.value, in: root) }
        return (try applying(changes), changes)
    }

    private func describePath(_ path: [PathComponent]) -> String { path.map(\.description).joined(separator: ".") }

    /// The text change that sets one value, computed against the current text.
    private func change(setting path: [PathComponent], to value: Value, in root: Node) throws -> TextChange {
        guard case .key(let key)? = path.last else { throw EditError(message: Phrase.checkDocPathEndsInKey.text()) }
        let (parentNode, inFlow) = try node(at: Array(path.dropLast()), in: root)
        guard case .mapping(let mapping) = parentNode else {
            throw EditError(message: Phrase.checkDocNotMapping.text(describePath(Array(path.dropLast()))))
        }
        if let pair = mapping.first(where: { $0.key.string == key }) {
            try refuseAnchorOrAlias(key: key, keyNode: pair.key)
            // `owner:` with nothing (or `~`) after it is a key waiting for a
            // value: fill it in, rather than add a second `owner:`.
            if pair.value.isNull { return try nullReplacement(keyNode: pair.key, with: value, inFlow: inFlow) }
            guard case .scalar(let scalar) = pair.value else { throw EditError(message: Phrase.checkDocNotSingleValue.text(key)) }
            return try scalarReplacement(scalar, node: pair.value, with: value, inFlow: inFlow,
                                         keyIndent: parentNode.location.column - 1)
        }
        return try keyInsertion(key, value: value, into: parentNode, mapping: mapping, inFlow: inFlow)
    }

    /// The text with `changes` applied; they must not overlap.
    func applying(_ changes: [TextChange]) throws -> String {
        let ordered = changes.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var result = ""
        var position = text.startIndex
        for change in ordered {
            guard change.range.lowerBound >= position else { throw EditError(message: Phrase.checkDocEditsOverlap.text()) }
            result += text[position..<change.range.lowerBound]
            result += change.replacement
            position = change.range.upperBound
        }
        result += text[position...]
        return result
    }

    func node(at path: [PathComponent], in root: Node) throws -> (Node, inFlow: Bool) {
        var current = root
        var inFlow = false
        for component in path {
            if isFlowCollection(current) { inFlow = true }
            switch (component, current) {
            case (.key(let key), .mapping(let mapping)):
                guard let child = mapping.first(where: { $0.key.string == key })?.value else {
                    throw EditError(message: Phrase.checkDocNoKeyThere.text(key))
                }
                current = child
            case (.index(let index), .sequence(let sequence)):
                guard index >= 0, index < sequence.count else { throw EditError(message: Phrase.checkDocNoItemInList.text(index)) }
                current = sequence[sequence.index(sequence.startIndex, offsetBy: index)]
            default:
                throw EditError(message: Phrase.checkDocShapeMismatch.text(path.map(\.description).joined(separator: ".")))
            }
        }
        if isFlowCollection(current) { inFlow = true }
        return (current, inFlow)
    }

    /// Whether a mapping or list is written `{…}` / `[…]`. Read from the text:
    /// Yams reports the collection style of the closing event, which is always `any`.
    func isFlowCollection(_ node: Node) -> Bool {
        switch node {
        case .mapping, .sequence:
            guard let start = try? index(of: node.location), start < text.unicodeScalars.endIndex else { return false }
            let scalar = text.unicodeScalars[start]
            return scalar == "{" || scalar == "["
        default:
            return false
        }
    }

    func index(of location: SourceLocation) throws -> String.Index {
        guard location.line >= 1, location.line <= tree.lineStarts.count else {
            throw EditError(message: Phrase.checkDocOutsideFile.text(location))
        }
        let scalars = text.unicodeScalars
        guard let target = scalars.index(tree.lineStarts[location.line - 1], offsetBy: location.column - 1,
                                         limitedBy: scalars.endIndex) else {
            throw EditError(message: Phrase.checkDocOutsideFile.text(location))
        }
        return target
    }

    private func scalarReplacement(_ scalar: Node.Scalar, node: Node, with value: Value, inFlow: Bool,
                                   keyIndent: Int) throws -> TextChange {
        let start = try index(of: node.location)
        let end: String.Index
        switch scalar.style {
        case .plain where !inFlow:
            // A plain value may go on over deeper-indented lines; all of them go.
            end = try endOfMultiLineValue(node, keyIndent: keyIndent, plain: true)
        case .literal, .folded:
            guard !inFlow else { throw EditError(message: Phrase.checkDocBlockInFlow.text("|", ">", "{ }")) }
            end = try endOfMultiLineValue(node, keyIndent: keyIndent, plain: false)
        default:
            let quote: Unicode.Scalar? = scalar.style == .singleQuoted ? "'" : scalar.style == .doubleQuoted ? "\"" : nil
            guard let found = YAMLScalarText.endOfScalar(in: text.unicodeScalars, from: start, quote: quote, inFlow: inFlow) else {
                throw EditError(message: Phrase.checkDocUnterminatedQuoted.text(node.location))
            }
            end = found
        }
        return TextChange(range: start..<end, replacement: rendered(value, inFlow: inFlow))
    }

    func rendered(_ value: Value, inFlow: Bool) -> String {
        switch value {
        case .literal(let literal): return literal
        case .text(let text): return YAMLScalarText.render(text: text, inFlow: inFlow)
        }
    }

    func insertingKey(_ key: String, value: Value, into parent: Node, mapping: Node.Mapping, inFlow: Bool) throws -> String {
        try applying([keyInsertion(key, value: value, into: parent, mapping: mapping, inFlow: inFlow)])
    }

    /// Adds `key: value` to a mapping: before a flow mapping's `}`, or as a new
    /// line at a block mapping's indentation after its last line.
    func keyInsertion(_ key: String, value: Value, into parent: Node, mapping: Node.Mapping, inFlow: Bool) throws -> TextChange {
        let isFlow = isFlowCollection(parent)
        let entry = "\(key): \(rendered(value, inFlow: inFlow || isFlow))"
        let scalars = text.unicodeScalars
        if isFlow {
            // The mark of a flow mapping is its '{'; insert before the matching '}'.
            var insertAt = scalars.index(before: try closingBracket(from: index(of: parent.location)))
            while insertAt > scalars.startIndex, scalars[scalars.index(before: insertAt)] == " " {
                insertAt = scalars.index(before: insertAt)
            }
            return TextChange(range: insertAt..<insertAt, replacement: (mapping.isEmpty ? "" : ", ") + entry)
        }
        let keyIndent = max(parent.location.column - 1, 0)
        let indent = String(repeating: " ", count: keyIndent)
        // After the mapping's last line — that of a `|` block or a continued
        // plain value included — with the file's own line break.
        let lastLine = lastLine(ofValue: parent, keyIndent: keyIndent)
        let lines = tree.breaks.lines
        if lastLine < lines.count {
            let next = lines[lastLine].start
            return TextChange(range: next..<next, replacement: indent + entry + tree.breaks.ending)
        }
        return TextChange(range: text.endIndex..<text.endIndex, replacement: tree.breaks.ending + indent + entry)
    }

    /// The last line any part of `node` starts on (nested blocks included).
    static func lastLine(of node: Node) -> Int {
        switch node {
        case .mapping(let mapping):
            guard let last = mapping.reversed().first else { return node.location.line }
            return max(lastLine(of: last.key), lastLine(of: last.value))
        case .sequence(let sequence):
            guard let last = sequence.last else { return node.location.line }
            return lastLine(of: last)
        default:
            return node.location.line
        }
    }
}

/// A parsed plan text: its YAML tree (nil when it does not parse) and where
/// each line starts. Never mutated after creation; Yams' `Node` is not marked
/// Sendable because it can hold tag objects, which nothing here changes.
struct YAMLTree: @unchecked Sendable {
    let root: Node?
    let breaks: YAMLLineBreaks
    let lineStarts: [String.Index]

    init(root: Node?, text: String, breaks: YAMLLineBreaks? = nil) {
        self.root = root
        self.breaks = breaks ?? YAMLLineBreaks(text)
        lineStarts = self.breaks.lines.map(\.start)
    }
}

/// A replacement of one span of a document's text, computed against that text.
struct TextChange {
    var range: Range<String.Index>
    var replacement: String
}

extension PlanDocument {
    /// Whether `id` can be used as a plan id (letters, digits, '-', '_').
    public static func isUsableID(_ id: String) -> Bool { PlanValidator.isValidID(id) }
}
