import CampaignCore
import CampaignText

/// Tab on the `:` line, like a shell: one choice is put in (quoted when it
/// must be, a space after when another argument follows); several put in
/// what they share and are listed in the status bar; Tab again (Shift-Tab
/// back) puts in each choice in turn.
struct LineCompletion: Equatable, Sendable {
    /// The line before the completed word, and what followed the cursor.
    var head: String
    var tail: String
    var choices: [String]
    /// The choice in the line; nil while only the shared start is.
    var chosen: Int?
    var spaceAfter: Bool
    var quoteBlanks: Bool
    /// The text this completion left in the line: a different one ends it.
    var text = ""

    /// Tab (`step` 1) or Shift-Tab (-1) on `line`; the message for the status bar, if any.
    static func press(_ step: Int, on line: inout InputLine, plan: Plan) -> String? {
        if var cycle = line.completion, cycle.text == line.text, cycle.choices.count > 1 {
            let count = cycle.choices.count
            cycle.chosen = cycle.chosen.map { ($0 + step + count) % count } ?? (step > 0 ? 0 : count - 1)
            cycle.apply(to: &line)
            return nil
        }
        let before = line.field.beforeCursor
        switch CommandCompletion.complete(before, plan: plan) {
        case .nothing:
            return nil
        case .noMatch(let kind, let typed):
            return Phrase.completionNone.text(kind.noun, typed)
        case .choices(let found):
            var cycle = LineCompletion(head: String(before.prefix(found.start)), tail: line.field.afterCursor,
                                       choices: found.choices, chosen: nil, spaceAfter: found.spaceAfter,
                                       quoteBlanks: found.quoteBlanks)
            if found.choices.count == 1 {
                cycle.chosen = 0
                cycle.apply(to: &line)
                line.completion = nil
                return nil
            }
            let shared = CommandCompletion.commonPrefix(found.choices)
            let typed = PlanNames.normalized(found.typed)
            if shared.count > typed.count, found.choices.allSatisfy({ $0.lowercased().hasPrefix(typed.lowercased()) }) {
                cycle.apply(to: &line, partial: shared)
            } else {
                cycle.chosen = step > 0 ? 0 : found.choices.count - 1
                cycle.apply(to: &line)
            }
            return nil
        }
    }

    /// Puts the chosen choice (or `partial`, the shared start) in the line.
    private mutating func apply(to line: inout InputLine, partial: String? = nil) {
        let word: String
        if let partial {
            word = Self.quoted(partial, blanks: quoteBlanks, open: true)
        } else {
            // No second blank when the text after the cursor starts with one.
            let space = spaceAfter && !tail.hasPrefix(" ")
            word = Self.quoted(choices[chosen ?? 0], blanks: quoteBlanks, open: false) + (space ? " " : "")
        }
        line.field.set(head + word + tail, cursor: head.count + word.count)
        text = line.text
        line.completion = self
    }

    /// The status bar while choosing: every choice, the one in the line in brackets.
    var hint: String {
        Phrase.completionChoices.text(choices.enumerated().map { $0.offset == chosen ? "[\($0.element)]" : $0.element }
            .joined(separator: "  "))
    }

    /// `text` as one word of the command line: in double quotes when it holds
    /// a quote or a backslash (escaped), or a blank where blanks split words.
    /// `open`: a shared start, so the quote stays open for the rest.
    static func quoted(_ text: String, blanks: Bool, open: Bool) -> String {
        let special = text.contains { $0 == "\"" || $0 == "'" || $0 == "\\" }
        let blank = text.contains { $0 == " " || $0 == "\t" }
        guard special || (blanks && blank) else { return text }
        var escaped = ""
        for character in text {
            if character == "\"" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\"" + escaped + (open ? "" : "\"")
    }
}
