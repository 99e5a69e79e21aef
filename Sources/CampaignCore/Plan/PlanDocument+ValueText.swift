import CampaignText
import Yams

/// Where a value's text begins and ends when that is more than one scalar on
/// one line: values that go on over further lines, empty values, and values
/// that are YAML anchors or aliases. Yams marks only where a node starts, so
/// the end is read from the indentation of the lines that follow.
extension PlanDocument {
    /// The last line of `node` — a value, or a whole block mapping — whose
    /// keys are indented `keyIndent` spaces: the line its last part starts on,
    /// extended over the deeper-indented lines below it (the body of a `|` or
    /// `>` block, a plain value continued on the next lines). Blank lines count
    /// only when deeper lines follow them. A plain value ends at a comment line
    /// (`#` there starts a comment, not more of the value).
    func lastLine(ofValue node: Node, keyIndent: Int, plain: Bool = false) -> Int {
        var last = PlanDocument.lastLine(of: node)
        var line = last + 1
        while line <= tree.breaks.lines.count {
            if let (indent, first) = indentation(ofLine: line) {
                if indent <= keyIndent || plain && first == "#" { break }
                last = line
            }
            line += 1
        }
        return last
    }

    /// Leading spaces of a line and its first other character, or nil when it is blank.
    private func indentation(ofLine line: Int) -> (spaces: Int, first: Unicode.Scalar)? {
        let (start, end, _) = tree.breaks.lines[line - 1]
        let scalars = text.unicodeScalars
        var index = start
        var spaces = 0
        while index < end, scalars[index] == " " {
            spaces += 1
            index = scalars.index(after: index)
        }
        while index < end, scalars[index] == "\t" { index = scalars.index(after: index) }
        return index == end ? nil : (spaces, scalars[index])
    }

    /// The end of a block-context value that may span lines: a `|`/`>` block
    /// to the end of its last line; a plain value to its last character on its
    /// last line, leaving a trailing comment in place.
    func endOfMultiLineValue(_ node: Node, keyIndent: Int, plain: Bool) throws -> String.Index {
        let line = lastLine(ofValue: node, keyIndent: keyIndent, plain: plain)
        let (lineStart, contentEnd, _) = tree.breaks.lines[line - 1]
        guard plain else { return contentEnd }
        let scalars = text.unicodeScalars
        var start = line == node.location.line ? try index(of: node.location) : lineStart
        while start < contentEnd, scalars[start] == " " || scalars[start] == "\t" { start = scalars.index(after: start) }
        return YAMLScalarText.endOfScalar(in: scalars, from: start, quote: nil, inFlow: false) ?? contentEnd
    }

    /// Fills in a key written without a value (`owner:`) or with `~`/`null`:
    /// the new value goes right after the colon, before any trailing comment.
    func nullReplacement(keyNode: Node, with value: Value, inFlow: Bool) throws -> TextChange {
        let scalars = text.unicodeScalars
        let afterColon = scalars.index(after: try colon(after: keyNode))
        var start = afterColon
        while start < scalars.endIndex, scalars[start] == " " || scalars[start] == "\t" { start = scalars.index(after: start) }
        let end = YAMLScalarText.endOfScalar(in: scalars, from: start, quote: nil, inFlow: inFlow) ?? start
        let before = start == afterColon ? " " : ""
        // `x# note` would read as the value "x# note": keep a space before a comment.
        let after = end < scalars.endIndex && scalars[end] == "#" ? " " : ""
        return TextChange(range: start..<end, replacement: before + rendered(value, inFlow: inFlow) + after)
    }

    /// Refuses to overwrite `key: &name value` or `key: *name`: the new text
    /// would drop the anchor (breaking every alias of it) or change the value
    /// everywhere the alias is used.
    func refuseAnchorOrAlias(key: String, keyNode: Node) throws {
        let scalars = text.unicodeScalars
        var start = scalars.index(after: try colon(after: keyNode))
        while start < scalars.endIndex, scalars[start] == " " || scalars[start] == "\t" { start = scalars.index(after: start) }
        guard start < scalars.endIndex, scalars[start] == "&" || scalars[start] == "*" else { return }
        throw EditError(message: (scalars[start] == "&" ? Phrase.checkDocAnchor : Phrase.checkDocAlias).text(key, "YAML"))
    }

    /// The ':' that ends the plain key starting at `keyNode`.
    func colon(after keyNode: Node) throws -> String.Index {
        let scalars = text.unicodeScalars
        var colon = try index(of: keyNode.location)
        while colon < scalars.endIndex, scalars[colon] != ":" { colon = scalars.index(after: colon) }
        guard colon < scalars.endIndex else { throw EditError(message: Phrase.checkDocNoColon.text(keyNode.location)) }
        return colon
    }
}
