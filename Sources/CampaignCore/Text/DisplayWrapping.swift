/// Breaks a line of running text to a width in display columns, the way a
/// Chinese text is broken: at a space, or between two characters where
/// either is wide (CJK has no spaces between words), but never before a
/// closing mark (，。）」), after an opening one (（「“) or right after a Latin
/// letter or digit, and never inside
/// `code` in backticks (a command is copied whole). Used for `--help` in
/// Chinese: ArgumentParser wraps by character count at spaces only, which
/// leaves a CJK paragraph twice as wide as the terminal.
public enum DisplayWrapping {
    /// The line in pieces of at most `width` columns; pieces after the first
    /// start with `indent` spaces. A run with no break in it wider than a
    /// line (a long path) is kept whole, as ArgumentParser keeps a long word.
    public static func lines(_ line: String, width: Int, indent: Int) -> [String] {
        guard DisplayWidth.of(line) > width, width > indent else { return [line] }
        let characters = Array(line)
        let breaks = breakOpportunities(characters)
        var result: [String] = []
        var start = 0
        var prefix = ""
        while start < characters.count {
            let room = width - DisplayWidth.of(prefix)
            var used = 0
            // Up to the last character that is not a space: a piece ends without the spaces before its break.
            var content = 0
            var best: Int?
            var index = start
            // The furthest break that fits; else the first one past the width.
            while index < characters.count {
                if index > start, breaks[index] {
                    if content <= room { best = index } else { break }
                }
                used += DisplayWidth.of(characters[index])
                if characters[index] != " " { content = used }
                index += 1
            }
            let fitsWhole = index == characters.count && content <= room
            let end = fitsWhole ? characters.count : (best ?? index)
            var piece = String(characters[start..<end])
            while piece.hasSuffix(" ") { piece.removeLast() }
            result.append(prefix + piece)
            start = end
            while start < characters.count, characters[start] == " " { start += 1 }
            prefix = String(repeating: " ", count: indent)
        }
        return result
    }

    /// `true` at index i when the line may break before character i.
    static func breakOpportunities(_ characters: [Character]) -> [Bool] {
        var result = Array(repeating: false, count: characters.count)
        var inCode = false
        for index in characters.indices {
            let character = characters[index]
            defer { if character == "`" { inCode.toggle() } }
            // Inside `code` (and at its closing backtick) the line never breaks.
            guard index > 0, !inCode else { continue }
            let previous = characters[index - 1]
            if previous == " ", character != " " {
                result[index] = true
            } else if previous != " ", character != " ",
                      DisplayWidth.of(previous) == 2 || DisplayWidth.of(character) == 2,
                      !closing.contains(character), !opening.contains(previous),
                      // A key or word in Latin letters stays with the Chinese that says what it does (`o 负责人`).
                      !(previous.isASCII && (previous.isLetter || previous.isNumber)) {
                result[index] = true
            }
        }
        return result
    }

    /// Marks that end a phrase: a line never starts with one.
    static let closing: Set<Character> = Set("，。、；：！？）」』”’》〉】…·,.;:!?)]}%")
    /// Marks that open a phrase: a line never ends with one.
    static let opening: Set<Character> = Set("（「『“‘《〈【([{")
}
