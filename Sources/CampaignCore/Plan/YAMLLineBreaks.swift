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
        // Every edit key finds the lines of the whole edited text: scanning its
        // UTF-8 bytes is several times faster than walking Unicode scalars.
        var (lf, crlf, cr) = (0, 0, 0)
        let found: [(Int, Int, Int)]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var offsets: [(Int, Int, Int)] = []
            let count = bytes.count
            // libyaml skips a leading byte order mark without counting a column.
            let bom = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            var start = bom, index = bom
            while index < count {
                let byte = bytes[index]
                var length = 0
                switch byte {
                case 0x0A:
                    length = 1
                    lf += 1
                case 0x0D:
                    if index + 1 < count, bytes[index + 1] == 0x0A { length = 2; crlf += 1 } else { length = 1; cr += 1 }
                case 0xC2: // NEL, U+0085
                    if index + 1 < count, bytes[index + 1] == 0x85 { length = 2 }
                case 0xE2: // LS and PS, U+2028 and U+2029
                    if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { length = 3 }
                default:
                    break
                }
                guard length > 0 else {
                    index += 1
                    continue
                }
                offsets.append((start, index, index + length))
                index += length
                start = index
            }
            offsets.append((start, count, count))
            return offsets
        }
        if let found {
            let utf8 = text.utf8
            func at(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            lines = found.map { (at($0.0), at($0.1), at($0.2)) }
        } else {
            lines = Self.scalarLines(text, lf: &lf, crlf: &crlf, cr: &cr)
        }
        let counts = ["\r\n": crlf, "\n": lf, "\r": cr]
        let ranked = ["\n", "\r\n", "\r"].max { counts[$0]! < counts[$1]! }
        ending = ranked.flatMap { counts[$0]! > 0 ? $0 : nil } ?? "\n"
    }

    /// The same by Unicode scalars, for a string without contiguous UTF-8 (bridged).
    private static func scalarLines(_ text: String, lf: inout Int, crlf: inout Int, cr: inout Int)
        -> [(start: String.Index, contentEnd: String.Index, end: String.Index)] {
        let scalars = text.unicodeScalars
        var lines: [(String.Index, String.Index, String.Index)] = []
        var start = scalars.first == "\u{FEFF}" ? scalars.index(after: scalars.startIndex) : scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard isBreak(scalar) else {
                index = scalars.index(after: index)
                continue
            }
            var end = scalars.index(after: index)
            if scalar == "\r", end < scalars.endIndex, scalars[end] == "\n" { end = scalars.index(after: end) }
            switch text.unicodeScalars[index..<end].count == 2 ? "\r\n" : String(scalar) {
            case "\r\n": crlf += 1
            case "\n": lf += 1
            case "\r": cr += 1
            default: break
            }
            lines.append((start, index, end))
            start = end
            index = end
        }
        lines.append((start, scalars.endIndex, scalars.endIndex))
        return lines
    }

    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
