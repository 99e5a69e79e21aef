/// Line breaks counted the way libyaml counts them — CRLF, LF, a lone CR, and
/// NEL, LS, PS — so the line numbers in YAML marks and the lines that edits
/// insert or remove are the same lines on every file: Unix, Windows, old-Mac,
/// mixed, or one with a stray U+2028 pasted into a comment.
struct YAMLLineBreaks {
    /// Where each line's text starts and ends (before its break); the last
    /// line is the (possibly empty) text after the final break.
    let lines: [(start: String.Index, contentEnd: String.Index, end: String.Index)]
    /// The break new lines get: the file's most common of CRLF, LF and CR
    /// (LF when it has none), so an edit never mixes styles.
    let ending: String

    init(_ text: String) {
        let scalars = text.unicodeScalars
        var lines: [(String.Index, String.Index, String.Index)] = []
        var counts = ["\r\n": 0, "\n": 0, "\r": 0]
        // libyaml skips a leading byte order mark without counting a column.
        var start = scalars.first == "\u{FEFF}" ? scalars.index(after: scalars.startIndex) : scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard Self.isBreak(scalar) else {
                index = scalars.index(after: index)
                continue
            }
            var end = scalars.index(after: index)
            if scalar == "\r", end < scalars.endIndex, scalars[end] == "\n" { end = scalars.index(after: end) }
            let breakText = String(text.unicodeScalars[index..<end])
            if counts[breakText] != nil { counts[breakText]! += 1 }
            lines.append((start, index, end))
            start = end
            index = end
        }
        lines.append((start, scalars.endIndex, scalars.endIndex))
        self.lines = lines
        let ranked = ["\n", "\r\n", "\r"].max { counts[$0]! < counts[$1]! }
        ending = ranked.flatMap { counts[$0]! > 0 ? $0 : nil } ?? "\n"
    }

    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
