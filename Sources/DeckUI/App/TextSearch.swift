import CampaignCore

/// `/` in a long view read in order (the help, the message log) finds text
/// rather than filtering (hiding lines would hide their section titles and
/// times); `n` and `N` jump to the next and previous line holding it,
/// wrapping round, as in less and vim. The pattern stays for the session,
/// like vim's last search.
public struct TextSearch: Equatable, Sendable {
    public var pattern: String
    /// The line the last jump went to.
    public var line: Int?

    public init(pattern: String, line: Int? = nil) {
        self.pattern = pattern
        self.line = line
    }

    /// The lines holding `pattern`, ignoring case, in order.
    static func matches(_ pattern: String, in lines: [String]) -> [Int] {
        let needle = pattern.lowercased()
        guard !needle.isEmpty else { return [] }
        return lines.indices.filter { lines[$0].lowercased().contains(needle) }
    }

    /// The match after (`forward`) or before `anchor`, wrapping round; nil without any.
    static func step(from anchor: Int, forward: Bool, in matches: [Int]) -> Int? {
        guard !matches.isEmpty else { return nil }
        if forward { return matches.first { $0 > anchor } ?? matches.first }
        return matches.last { $0 < anchor } ?? matches.last
    }

    /// Where `n`/`N` count from: the last match while it is on screen (lines
    /// `top` to `top + visible - 1`), else the line just above (`n`) or below
    /// (`N`) what is shown, so a search after scrolling starts from what the
    /// person is looking at.
    func anchor(top: Int, visible: Int, forward: Bool) -> Int {
        if let line, line >= top, line < top + visible { return line }
        return forward ? top - 1 : top + visible
    }

    /// The display columns of each place `pattern` is in `line`, ignoring case.
    static func matchColumns(of pattern: String?, in line: String) -> [Range<Int>] {
        guard let pattern, !pattern.isEmpty else { return [] }
        // Character by character, each lowered on its own, so a column is always a character's.
        let needle = pattern.map { $0.lowercased() }
        let characters = Array(line)
        let lowered = characters.map { $0.lowercased() }
        guard needle.count <= lowered.count else { return [] }
        var found: [Range<Int>] = []
        var index = 0, column = 0
        while index + needle.count <= lowered.count {
            if Array(lowered[index..<(index + needle.count)]) == needle {
                let width = characters[index..<(index + needle.count)].reduce(0) { $0 + DisplayWidth.of(String($1)) }
                found.append(column..<(column + width))
                column += width
                index += needle.count
            } else {
                column += DisplayWidth.of(String(characters[index]))
                index += 1
            }
        }
        return found
    }

    /// Marks the matches in a line drawn at `row`, `column` (at most `width`
    /// columns) in reverse video.
    static func mark(_ pattern: String?, in line: String, row: Int, column: Int, width: Int, grid: inout CellGrid) {
        for match in matchColumns(of: pattern, in: line) where match.lowerBound < width {
            let area = Rect(row: row, column: column + match.lowerBound, width: min(match.count, width - match.lowerBound),
                            height: 1)
            grid.updateStyle(in: area) { $0.attributes.formUnion([.reverse, .bold]) }
        }
    }
}
