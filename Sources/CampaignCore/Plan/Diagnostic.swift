import CampaignText

/// A position in a source file: 1-based line, 1-based column counted in
/// Unicode scalars (as libyaml counts them).
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = SourceLocation(line: 1, column: 1)

    public func advanced(byColumns columns: Int) -> SourceLocation {
        SourceLocation(line: line, column: column + columns)
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where an element and each of its values sit in the file.
public struct FieldLocations: Sendable {
    public var element: SourceLocation
    public var values: [String: SourceLocation]

    public init(element: SourceLocation, values: [String: SourceLocation] = [:]) {
        self.element = element
        self.values = values
    }

    /// The value's position, or the element's when the key is absent.
    public func of(_ key: String) -> SourceLocation { values[key] ?? element }
    public func has(_ key: String) -> Bool { values[key] != nil }
}

/// One problem found in a plan file.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = ChineseSpacing.tidy(message)
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `FILE:LINE:COLUMN: message` (warnings say so, in the reader's language;
    /// errors are the plain form that editors and CI annotators already
    /// understand; `--format json` keeps the severity as a fixed word).
    public func formatted(file: String) -> String {
        let prefix = severity == .warning ? Phrase.checkWarningPrefix.text() : ""
        return "\(file):\(location.line):\(location.column): \(prefix)\(message)"
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// File order, so the output reads top to bottom like the file.
    public var sortedByLocation: [Diagnostic] {
        enumerated().sorted { a, b in
            a.element.location != b.element.location
                ? a.element.location < b.element.location : a.offset < b.offset
        }.map(\.element)
    }
}
