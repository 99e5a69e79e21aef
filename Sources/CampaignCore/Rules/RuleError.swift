import CampaignText

/// One problem in a rule expression, located by a 1-based column.
///
/// The column counts Unicode scalars (not bytes, not grapheme clusters) from the
/// start of the expression text, because the plan validator adds it to the
/// column of the YAML scalar that holds the expression, and YAML columns count
/// scalars too. A column one past the last character means "at the end".
public struct RuleError: Error, Sendable, Hashable, CustomStringConvertible {
    public var column: Int
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = ChineseSpacing.tidy(message)
    }

    public var description: String { Phrase.checkColumn.text(column, message) }
}

/// Every problem found in one expression, in column order. Thrown where a
/// single failure would hide the rest (type checking, binding).
public struct RuleErrorList: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [RuleError]

    public init(_ errors: [RuleError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
