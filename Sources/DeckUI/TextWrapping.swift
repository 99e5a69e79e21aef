import CampaignCore

/// Breaks text into lines that fit a width in display columns, at spaces,
/// so an overlay on a small terminal wraps instead of cutting the end off.
/// A word wider than a line (a long id, CJK text without spaces) is broken
/// between characters, never inside a wide one.
enum TextWrapping {
    /// Lines of at most `width` columns; lines after the first start with
    /// `indent` spaces (a hanging indent under a key column).
    static func lines(_ text: String, width: Int, indent: Int = 0) -> [String] {
        let indent = width > indent + 4 ? indent : 0
        guard width > 0 else { return [text] }
        var result: [String] = []
        var line = ""
        var lineWidth = 0
        var fresh = true
        func newLine() {
            result.append(line)
            line = String(repeating: " ", count: indent)
            lineWidth = indent
            fresh = true
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = DisplayWidth.of(word)
            let separator = fresh ? 0 : 1
            if lineWidth + separator + wordWidth <= width {
                if !fresh { line += " " }
                line += word
                lineWidth += separator + wordWidth
                fresh = false
                continue
            }
            if !fresh && indent + wordWidth <= width {
                newLine()
                line += word
                lineWidth += wordWidth
                fresh = false
                continue
            }
            // Too wide for any line: break it between characters.
            if !fresh && lineWidth + 1 < width {
                line += " "
                lineWidth += 1
            } else if !fresh {
                newLine()
            }
            for character in word {
                let characterWidth = DisplayWidth.of(character)
                if lineWidth + characterWidth > width && lineWidth > indent { newLine() }
                line.append(character)
                lineWidth += characterWidth
                fresh = false
            }
        }
        result.append(line)
        return result
    }
}
