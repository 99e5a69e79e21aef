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
    }

    public let text: String
    public let result: PlanLoader.Result
    public var plan: Plan? { result.plan }
    public var diagnostics: [Diagnostic] { result.diagnostics }

    public init(text: String) {
        self.text = text
        self.result = PlanLoader.load(yaml: text)
    }

    /// The task's index in `tasks:`, for building paths.
    public func path(toTask id: String, key: String) throws -> [PathComponent] {
        guard let index = plan?.tasks.firstIndex(where: { $0.id == id }) else {
            throw EditError(message: "no task '\(id)' in the plan")
        }
        return [.key("tasks"), .index(index), .key(key)]
    }

    /// Sets the scalar at `path` (whose last component is a key), replacing the
    /// value in place or adding the key to its mapping.
    public func setting(_ path: [PathComponent], to value: Value) throws -> PlanDocument {
        guard case .key(let key)? = path.last else { throw EditError(message: "an edit path must end in a key") }
        guard let root = try? Yams.compose(yaml: text) else { throw EditError(message: "the file is not valid YAML; fix it first") }
        let (parentNode, inFlow) = try node(at: Array(path.dropLast()), in: root)
        guard case .mapping(let mapping) = parentNode else {
            throw EditError(message: "\(path.dropLast().map(\.description).joined(separator: ".")) is not a mapping")
        }
        var edited: String
        if let existing = mapping.first(where: { $0.key.string == key })?.value, !existing.isNull {
            guard case .scalar(let scalar) = existing else { throw EditError(message: "'\(key)' holds a list or mapping, not a single value") }
            edited = try replacingScalar(scalar, node: existing, with: value, inFlow: inFlow)
        } else {
            edited = try insertingKey(key, value: value, into: parentNode, mapping: mapping, inFlow: inFlow)
        }
        // Trust nothing done by hand: read the result back and compare.
        guard let reread = try? Yams.compose(yaml: edited),
              let (changed, _) = try? node(at: path, in: reread),
              changed.string == value.readBack || value.isWrittenCollection && changed.string == nil else {
            throw EditError(message: "could not set \(path.map(\.description).joined(separator: ".")) without disturbing the file's layout")
        }
        return PlanDocument(text: edited)
    }

    func node(at path: [PathComponent], in root: Node) throws -> (Node, inFlow: Bool) {
        var current = root
        var inFlow = false
        for component in path {
            if isFlowCollection(current) { inFlow = true }
            switch (component, current) {
            case (.key(let key), .mapping(let mapping)):
                guard let child = mapping.first(where: { $0.key.string == key })?.value else {
                    throw EditError(message: "no '\(key)' in the plan at that place")
                }
                current = child
            case (.index(let index), .sequence(let sequence)):
                guard index >= 0, index < sequence.count else { throw EditError(message: "no item \(index) in the list") }
                current = sequence[sequence.index(sequence.startIndex, offsetBy: index)]
            default:
                throw EditError(message: "the plan's shape does not match \(path.map(\.description).joined(separator: "."))")
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
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var line = 1
        while line < location.line {
            guard let newline = scalars[index...].firstIndex(of: "\n") else { throw EditError(message: "position \(location) is outside the file") }
            index = scalars.index(after: newline)
            line += 1
        }
        guard let target = scalars.index(index, offsetBy: location.column - 1, limitedBy: scalars.endIndex) else {
            throw EditError(message: "position \(location) is outside the file")
        }
        return target
    }

    private func replacingScalar(_ scalar: Node.Scalar, node: Node, with value: Value, inFlow: Bool) throws -> String {
        let quote: Unicode.Scalar?
        switch scalar.style {
        case .plain: quote = nil
        case .singleQuoted: quote = "'"
        case .doubleQuoted: quote = "\""
        default: throw EditError(message: "multi-line values (| or >) cannot be edited in place")
        }
        let start = try index(of: node.location)
        guard let end = YAMLScalarText.endOfScalar(in: text.unicodeScalars, from: start, quote: quote, inFlow: inFlow) else {
            throw EditError(message: "unterminated quoted value at \(node.location)")
        }
        var edited = text
        edited.replaceSubrange(start..<end, with: rendered(value, inFlow: inFlow))
        return edited
    }

    func rendered(_ value: Value, inFlow: Bool) -> String {
        switch value {
        case .literal(let literal): return literal
        case .text(let text): return YAMLScalarText.render(text: text, inFlow: inFlow)
        }
    }

    func insertingKey(_ key: String, value: Value, into parent: Node, mapping: Node.Mapping, inFlow: Bool) throws -> String {
        let isFlow = isFlowCollection(parent)
        let entry = "\(key): \(rendered(value, inFlow: inFlow || isFlow))"
        let scalars = text.unicodeScalars
        var edited = text
        if isFlow {
            // The mark of a flow mapping is its '{'; find the matching '}'.
            var position = try index(of: parent.location)
            var depth = 0
            var quote: Unicode.Scalar?
            while position < scalars.endIndex {
                let scalar = scalars[position]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if scalar == "{" || scalar == "[" {
                    depth += 1
                } else if scalar == "}" || scalar == "]" {
                    depth -= 1
                    if depth == 0 { break }
                }
                position = scalars.index(after: position)
            }
            guard position < scalars.endIndex else { throw EditError(message: "unclosed '{' at \(parent.location)") }
            var insertAt = position
            while insertAt > scalars.startIndex, scalars[scalars.index(before: insertAt)] == " " {
                insertAt = scalars.index(before: insertAt)
            }
            let separator = mapping.isEmpty ? "" : ", "
            edited.insert(contentsOf: separator + entry, at: insertAt)
            return edited
        }
        // Block mapping: a new line at the mapping's indentation, after its last line.
        let indent = String(repeating: " ", count: max(parent.location.column - 1, 0))
        let lastLine = PlanDocument.lastLine(of: parent)
        var position = try index(of: SourceLocation(line: lastLine, column: 1))
        if let newline = scalars[position...].firstIndex(of: "\n") {
            position = scalars.index(after: newline)
            edited.insert(contentsOf: indent + entry + "\n", at: position)
        } else {
            edited.append("\n" + indent + entry + "\n")
        }
        return edited
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

extension PlanDocument {
    /// Whether `id` can be used as a plan id (letters, digits, '-', '_').
    public static func isUsableID(_ id: String) -> Bool { PlanValidator.isValidID(id) }
}
