import CampaignText

/// Text from the plan in which `${NAME}` stands for the value of the
/// environment variable NAME, read when the text is used (never stored), so a
/// robot's webhook key or signing secret need not be committed with the plan.
public struct EnvironmentText: Sendable, Equatable, CustomStringConvertible {
    public enum Part: Sendable, Equatable {
        case literal(String)
        case variable(String)
    }

    public let parts: [Part]
    /// The text as written in the plan.
    public let written: String

    /// Why a `${…}` cannot be read, with the 0-based scalar offset of its `$`.
    public struct SyntaxError: Error, Equatable {
        public var offset: Int
        public var message: String
    }

    /// A variable name as shells accept one: a letter or `_`, then letters, digits or `_`.
    static func isVariableName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    public init(parsing text: String) throws(SyntaxError) {
        var parts: [Part] = []
        var literal = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            // `$` not followed by `{` is an ordinary character (URLs may contain it).
            guard scalars[index] == "$", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                literal.unicodeScalars.append(scalars[index])
                index += 1
                continue
            }
            guard let close = scalars[(index + 2)...].firstIndex(of: "}") else {
                throw SyntaxError(offset: index, message: Phrase.dataEnvUnclosed.text())
            }
            let name = Substring(String(String.UnicodeScalarView(scalars[(index + 2)..<close])))
            guard Self.isVariableName(name) else {
                throw SyntaxError(offset: index, message: Phrase.dataEnvNotVariable.text("${\(name)}"))
            }
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            parts.append(.variable(String(name)))
            index = close + 1
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
        self.written = text
    }

    /// The variables the text reads, in order of appearance.
    public var variables: [String] {
        parts.compactMap { if case .variable(let name) = $0 { return name } else { return nil } }
    }

    /// The text with every variable replaced, or the first variable that is
    /// not set (an empty value counts as not set: an empty key is never meant).
    public func resolved(in environment: [String: String]) -> Result<String, UnsetVariable> {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .variable(let name):
                guard let value = environment[name], !value.isEmpty else { return .failure(UnsetVariable(name: name)) }
                text += value
            }
        }
        return .success(text)
    }

    public struct UnsetVariable: Error, Equatable, CustomStringConvertible {
        public var name: String
        public var description: String { Phrase.dataEnvNotSet.text("${\(name)}") }
    }

    public var description: String { written }
}
