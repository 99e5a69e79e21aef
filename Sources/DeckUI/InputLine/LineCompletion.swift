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

    /// Tab (`step` 1) or Shift-Tab (-1) on the `:` line; the message for the status bar, if any.
    static func press(_ step: Int, on line: inout InputLine, plan: Plan) -> String? {
        press(step, field: &line.field, cycle: &line.completion) { CommandCompletion.complete($0, plan: plan) }
    }

    /// Tab on any field: `find` gives the choices for the text before the
    /// cursor; `cycle` keeps them while Tab and Shift-Tab go through them.
    static func press(_ step: Int, field: inout TextField, cycle: inout LineCompletion?,
                      find: (String) -> CommandCompletion.Outcome) -> String? {
        if var current = cycle, current.text == field.text, current.choices.count > 1 {
            let count = current.choices.count
            current.chosen = current.chosen.map { ($0 + step + count) % count } ?? (step > 0 ? 0 : count - 1)
            current.apply(to: &field)
            cycle = current
            return nil
        }
        cycle = nil
        let before = field.beforeCursor
        switch find(before) {
        case .nothing:
            return nil
        case .noMatch(let kind, let typed):
            return Phrase.completionNone.text(kind.noun, typed)
        case .choices(let found):
            var next = LineCompletion(head: String(before.prefix(found.start)), tail: field.afterCursor,
                                      choices: found.choices, chosen: nil, spaceAfter: found.spaceAfter,
                                      quoteBlanks: found.quoteBlanks)
            if found.choices.count == 1 {
                next.chosen = 0
                next.apply(to: &field)
                return nil
            }
            let shared = CommandCompletion.commonPrefix(found.choices)
            let typed = PlanNames.normalized(found.typed)
            if shared.count > typed.count, found.choices.allSatisfy({ $0.lowercased().hasPrefix(typed.lowercased()) }) {
                next.apply(to: &field, partial: shared)
            } else {
                next.chosen = step > 0 ? 0 : found.choices.count - 1
                next.apply(to: &field)
            }
            cycle = next
            return nil
        }
    }

    /// Puts the chosen choice (or `partial`, the shared start) in the field.
    private mutating func apply(to field: inout TextField, partial: String? = nil) {
        let word: String
        if let partial {
            word = Self.quoted(partial, blanks: quoteBlanks, open: true)
        } else {
            // No second blank when the text after the cursor starts with one.
            let space = spaceAfter && !tail.hasPrefix(" ")
            word = Self.quoted(choices[chosen ?? 0], blanks: quoteBlanks, open: false) + (space ? " " : "")
        }
        field.set(head + word + tail, cursor: head.count + word.count)
        text = field.text
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
